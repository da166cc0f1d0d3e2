// The headers of what the proxy answers: a helpdesk's answer made inert for a browser (no script, no sniffing, a
// download rather than a page), CORS for the allowed origin, and nothing that would act on the proxy's own origin.
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { exposedHeaderList } from './exposed-headers';

/** The methods the helpdesk APIs use; TRACE, CONNECT and the rest are refused. */
export const ALLOWED_METHODS: readonly string[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** On every answer of the proxy: whatever a helpdesk (or a page on it) returns can never run as a page. */
export const SAFE_ANSWER_HEADERS = {
	'Content-Security-Policy': "sandbox; default-src 'none'",
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'Cache-Control': 'no-store'
} as const;

/** Connection-level headers (RFC 9110 7.6.1), Trailer among them: they describe one hop, never the next. */
export const HOP_BY_HOP: readonly string[] = ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'proxy-authenticate', 'proxy-authorization'];

/** What a helpdesk may not set through the proxy: cookies, CORS, and headers that would act on the proxy's origin. */
const DROPPED_FROM_ANSWER = new Set([
	...HOP_BY_HOP,
	'set-cookie',
	'set-cookie2',
	'x-proxy-error',
	'content-security-policy',
	'content-security-policy-report-only',
	'x-content-type-options',
	'referrer-policy',
	'cache-control',
	'clear-site-data',
	'refresh',
	'strict-transport-security',
	'alt-svc',
	'service-worker-allowed',
	'location'
]);

function isJson(contentType: string | undefined): boolean {
	return /^\s*application\/([\w.+-]+\+)?json\s*(;|$)/i.test(contentType ?? '');
}

/** Anything but JSON is a download: "inline" becomes "attachment", a file name is kept. */
function attachment(disposition: string | undefined): string {
	const rest = (disposition ?? '').replace(/^\s*(inline|attachment)?\s*;?\s*/i, '');
	return rest ? `attachment; ${rest}` : 'attachment';
}

/** Names listed in a Connection header are hop-by-hop too. */
export function connectionListed(headers: IncomingHttpHeaders): Set<string> {
	const value = headers.connection;
	return new Set(
		String(value ?? '')
			.split(',')
			.map((name) => name.trim().toLowerCase())
			.filter(Boolean)
	);
}

export function corsHeaders(origin: string | undefined, targetHeaderNames: readonly string[] = []): OutgoingHttpHeaders {
	if (origin === undefined) return {};
	return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Expose-Headers': exposedHeaderList(targetHeaderNames) };
}

/** The helpdesk's answer headers as the browser gets them. */
export function answerHeaders(upstream: IncomingHttpHeaders, origin: string | undefined): OutgoingHttpHeaders {
	const listed = connectionListed(upstream);
	const headers: OutgoingHttpHeaders = {};
	for (const [name, value] of Object.entries(upstream)) {
		if (value === undefined || DROPPED_FROM_ANSWER.has(name) || listed.has(name) || name.startsWith('access-control-')) continue;
		headers[name] = value;
	}
	if (!isJson(upstream['content-type'])) headers['content-disposition'] = attachment(upstream['content-disposition']);
	return { ...headers, ...SAFE_ANSWER_HEADERS, ...corsHeaders(origin, Object.keys(headers)) };
}

/** A preflight's answer: the method if it is one we forward, the asked-for headers, cached for ten minutes. */
export function preflightHeaders(origin: string | undefined, request: IncomingHttpHeaders): OutgoingHttpHeaders {
	const method = String(request['access-control-request-method'] ?? '').toUpperCase();
	const asked = request['access-control-request-headers'];
	return {
		...SAFE_ANSWER_HEADERS,
		...corsHeaders(origin),
		...(ALLOWED_METHODS.includes(method) && { 'Access-Control-Allow-Methods': method }),
		...(asked !== undefined && { 'Access-Control-Allow-Headers': asked }),
		'Access-Control-Max-Age': '600',
		'Content-Length': '0'
	};
}
