// The headers the proxy sends to a helpdesk: the client's own, minus what identifies the user's browser or the
// proxy's network, and, once a redirect changes host, minus every credential.
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { connectionListed, HOP_BY_HOP } from './response-headers';

/** Never forwarded: the browser's cookies and page, the client's claimed addresses, our own front proxy's hints. */
const DROPPED_UPSTREAM = new Set([
	...HOP_BY_HOP,
	'host',
	'expect',
	'origin',
	'referer',
	'cookie',
	'cookie2',
	'forwarded',
	'via',
	'x-forwarded-for',
	'x-forwarded-host',
	'x-forwarded-proto',
	'x-forwarded-port',
	'x-forwarded-prefix',
	'x-real-ip'
]);

/** What survives a redirect to another host: content negotiation only; Authorization, session and CSRF headers stay behind. */
const CROSS_HOST_HEADERS = new Set(['accept', 'accept-language', 'accept-encoding', 'user-agent', 'range', 'if-none-match', 'if-modified-since']);

export function upstreamHeaders(client: IncomingHttpHeaders): OutgoingHttpHeaders {
	const listed = connectionListed(client);
	const headers: OutgoingHttpHeaders = {};
	for (const [name, value] of Object.entries(client)) {
		if (value === undefined || DROPPED_UPSTREAM.has(name) || listed.has(name) || name.startsWith('sec-') || name.startsWith('proxy-')) continue;
		headers[name] = value;
	}
	return headers;
}

/** Like curl: credentials are for the host they were given to, never for the one a redirect names. */
export function headersAcrossHosts(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
	return Object.fromEntries(Object.entries(headers).filter(([name]) => CROSS_HOST_HEADERS.has(name)));
}

/** A redirect that turns the request into a GET leaves its body, and the headers that describe it, behind. */
export function withoutBodyHeaders(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
	return Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith('content-')));
}
