// CORS proxy addressing as our proxy (server/proxy) takes it: `<proxy>/<full target URL>`, or the target itself when no proxy is set.
import { MigrationError } from '../errors';

/** Parses an absolute http(s) URL, or says in one sentence why it is not one. */
function parseHttpUrl(text: string, what: string, example: string): URL {
	let url: URL | undefined;
	try {
		url = new URL(text.trim());
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		throw new MigrationError({
			kind: 'invalid-input',
			message: `"${text}" is not a usable ${what}: it must be a full web address starting with http:// or https://, like ${example}.`
		});
	}
	return url;
}

/**
 * The URL to fetch for `targetUrl`: the target itself when `proxyUrl` is empty, else the proxy's
 * address (keeping any sub-path, like `https://intranet/proxy/`) followed by the full target URL.
 */
export function proxiedUrl(proxyUrl: string | undefined, targetUrl: string): string {
	const target = parseHttpUrl(targetUrl, 'helpdesk address', 'https://acme.kayako.com/api/v1/me.json');
	if (!proxyUrl?.trim()) return target.href;
	return `${proxyPrefix(proxyUrl)}${target.href}`;
}

/** What goes before the target URL: the proxy's address, always ending in a slash. */
export function proxyPrefix(proxyUrl: string): string {
	const proxy = parseHttpUrl(proxyUrl, 'CORS proxy address', 'http://127.0.0.1:8090');
	if (proxy.search || proxy.hash) {
		// The target is appended to the proxy's path; a query or fragment in between would swallow it.
		throw new MigrationError({
			kind: 'invalid-input',
			message: `"${proxyUrl}" is not a usable CORS proxy address: it must not contain "?" or "#". Enter it like http://127.0.0.1:8090 or https://intranet/proxy/.`
		});
	}
	return proxy.href.endsWith('/') ? proxy.href : `${proxy.href}/`;
}

/** `host[:port]` of a target URL, the key of its rate limiter and the name errors use. */
export function targetHost(url: string): string {
	return parseHttpUrl(url, 'helpdesk address', 'https://acme.kayako.com').host;
}

/** The proxy's address as the user should see it in a message, without credentials. */
export function proxyDisplay(proxyUrl: string): string {
	const proxy = new URL(proxyUrl.trim());
	return `${proxy.protocol}//${proxy.host}${proxy.pathname}`;
}
