// "Test proxy": does a CORS proxy answer at the address the user typed?
import { MigrationError } from './errors';
import { PROXY_SIGNATURE } from './proxy-signature';

/**
 * The proxy answers its own root with a usage text that starts with PROXY_SIGNATURE. Any other answer (the app's own
 * address, another web server) is not our proxy, and saying so here beats a helpdesk error on the next step.
 */
export async function checkProxy(proxyUrl: string, fetchImpl: typeof fetch = fetch, timeoutMs = 10_000): Promise<void> {
	let url: URL;
	try {
		url = new URL(proxyUrl.trim());
		if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('not http');
	} catch {
		throw new MigrationError({
			kind: 'invalid-input',
			message: `"${proxyUrl}" is not a proxy address. Enter it like http://127.0.0.1:8090.`
		});
	}
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), timeoutMs);
	let body: string;
	try {
		const response = await fetchImpl(url.href, { method: 'GET', signal: controller.signal });
		body = response.ok ? await response.text() : '';
	} catch (error) {
		throw new MigrationError(
			{
				kind: controller.signal.aborted ? 'timeout' : 'proxy-unreachable',
				host: url.host,
				url: url.href,
				// A proxy that refuses this page's origin sends no CORS headers: the browser reports that as no answer.
				message: `The CORS proxy at ${url.href} does not answer, or does not allow this page's address (PROXY_ALLOW_ORIGINS). Start it (npm start runs one) or check the address.`
			},
			{ cause: error }
		);
	} finally {
		clearTimeout(timer);
	}
	if (!body.startsWith(PROXY_SIGNATURE)) {
		throw new MigrationError({
			kind: 'not-proxy',
			host: url.host,
			url: url.href,
			message: `${url.host} answered, but it is not the migration tool's CORS proxy. Enter the proxy's address (npm start prints it), not the app's.`
		});
	}
}
