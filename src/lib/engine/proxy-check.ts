// "Test proxy": does a CORS proxy answer at the address the user typed?
import { MigrationError } from './errors';

/** cors-anywhere answers its own root with a help page; any HTTP answer proves the proxy is up. */
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
	try {
		await fetchImpl(url.href, { method: 'GET', signal: controller.signal });
	} catch (error) {
		throw new MigrationError(
			{
				kind: controller.signal.aborted ? 'timeout' : 'proxy-unreachable',
				host: url.host,
				url: url.href,
				message: `The CORS proxy at ${url.href} does not answer. Start it (npm start runs one) or check the address.`
			},
			{ cause: error }
		);
	} finally {
		clearTimeout(timer);
	}
}
