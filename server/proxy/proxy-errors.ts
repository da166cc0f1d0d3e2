// The proxy's own answers (never the target's): a status, the X-Proxy-Error code, and a sentence a support lead can act on.
import { STATUS_CODES, type ServerResponse } from 'node:http';
import { ALLOW_HOSTS_VARIABLE, DEFAULT_ALLOWED_HOSTS } from './allow-list';
import { exposedHeaderList } from './exposed-headers';
import { ALLOW_ORIGINS_VARIABLE } from './origins';
import { ALLOWED_METHODS, SAFE_ANSWER_HEADERS } from './response-headers';

/** The engine's HTTP layer branches on exactly these codes. */
export type ProxyErrorCode =
	| 'host-not-allowed'
	| 'target-unreachable'
	| 'target-reset'
	| 'target-timeout'
	| 'bad-target'
	| 'body-too-large'
	| 'origin-not-allowed'
	| 'method-not-allowed'
	| 'bad-request'
	| 'too-many-redirects';

export const PROXY_ERROR_STATUS: Readonly<Record<ProxyErrorCode, number>> = {
	'host-not-allowed': 403,
	'target-unreachable': 502,
	'target-reset': 502,
	'target-timeout': 504,
	'bad-target': 400,
	'body-too-large': 413,
	'origin-not-allowed': 403,
	'method-not-allowed': 405,
	'bad-request': 400,
	'too-many-redirects': 502
};

export interface ProxyError {
	code: ProxyErrorCode;
	message: string;
}

export const proxyErrors = {
	badTarget(): ProxyError {
		return {
			code: 'bad-target',
			message:
				'The proxy needs the full address of the helpdesk API after its own, starting with http:// or https://, for example <proxy>/https://acme.kayako.com/api/v1/me.json.'
		};
	},
	ambiguousTarget(): ProxyError {
		return { code: 'bad-target', message: 'The proxy could not read the target address unambiguously, so it sent nothing. Check the helpdesk URL.' };
	},
	hostNotAllowed(host: string): ProxyError {
		// The operator's own additions stay out of the message: they may name intranet machines.
		return {
			code: 'host-not-allowed',
			message:
				`This proxy only forwards to the helpdesks' own hosts (${DEFAULT_ALLOWED_HOSTS.join(', ')}) and those its operator added, and ${host} is not one of them. ` +
				`Whoever runs the proxy can add it with the environment variable ${ALLOW_HOSTS_VARIABLE}=${host} and restart it.`
		};
	},
	privateAddress(host: string, address: string): ProxyError {
		const pointsTo = address === host ? 'is' : `points to ${address}, which is`;
		return {
			code: 'host-not-allowed',
			message:
				`${host} ${pointsTo} a private or local network address, which this proxy refuses. ` +
				`If that is really your helpdesk, whoever runs the proxy can allow exactly this host with ${ALLOW_HOSTS_VARIABLE}=${host} and restart it.`
		};
	},
	unresolvable(host: string): ProxyError {
		return {
			code: 'target-unreachable',
			message: `The proxy could not find ${host}: the name does not resolve. Nothing was sent. Check the spelling of the helpdesk address.`
		};
	},
	unreachable(host: string, reason: string): ProxyError {
		return {
			code: 'target-unreachable',
			message: `The proxy could not connect to ${host} (${reason}). Nothing was sent. Check the helpdesk address, or whether the proxy's machine can reach it.`
		};
	},
	reset(host: string): ProxyError {
		return {
			code: 'target-reset',
			message: `${host} closed the connection after the request was sent, without answering. The request may or may not have been carried out.`
		};
	},
	timeout(host: string, seconds: number): ProxyError {
		return {
			code: 'target-timeout',
			message: `${host} did not answer within ${seconds} seconds. The request may or may not have been carried out.`
		};
	},
	originNotAllowed(origin: string): ProxyError {
		return {
			code: 'origin-not-allowed',
			message:
				`This proxy only serves the migration app at the addresses its operator listed, and ${origin} is not one of them, so nothing was sent. ` +
				`If that is where you run the app, whoever runs the proxy can add it with ${ALLOW_ORIGINS_VARIABLE}=${origin} and restart it.`
		};
	},
	methodNotAllowed(method: string): ProxyError {
		return {
			code: 'method-not-allowed',
			message: `The proxy does not forward ${method} requests, only ${ALLOWED_METHODS.join(', ')}. Nothing was sent.`
		};
	},
	badRequest(): ProxyError {
		return { code: 'bad-request', message: 'The proxy could not read this request (malformed HTTP), so it sent nothing.' };
	},
	redirectNotAllowed(from: string, to: string): ProxyError {
		return {
			code: 'host-not-allowed',
			message:
				`${from} redirected to ${to}, which this proxy does not forward to, so the redirect was not followed and no credentials went there. ` +
				`Whoever runs the proxy can allow it with ${ALLOW_HOSTS_VARIABLE}=${to} and restart it.`
		};
	},
	tooManyRedirects(host: string, hops: number): ProxyError {
		return {
			code: 'too-many-redirects',
			message: `${host} redirected more than ${hops} times in a row, so the proxy stopped following. Check the helpdesk address.`
		};
	},
	bodyTooLarge(limitBytes: number): ProxyError {
		return {
			code: 'body-too-large',
			message: `The request body is larger than the proxy's limit of ${sizeInWords(limitBytes)}, so it was not sent.`
		};
	}
};

/** 40 MB, 2.5 MB, 4 KB: a small limit must not read as "0 MB". */
export function sizeInWords(bytes: number): string {
	const mb = bytes / 1024 / 1024;
	if (mb >= 10) return `${Math.round(mb)} MB`;
	if (mb >= 1) return `${Math.round(mb * 10) / 10} MB`;
	return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The error's status line and JSON body, for answering on a raw socket (a request Node could not parse). */
export function rawProxyError(error: ProxyError): string {
	const status = PROXY_ERROR_STATUS[error.code];
	const body = JSON.stringify({ error: error.code, message: error.message });
	const headers = { ...SAFE_ANSWER_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'X-Proxy-Error': error.code, Connection: 'close', ...(error.code === 'method-not-allowed' && { Allow: ALLOWED_METHODS.join(', ') }) };
	const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
	return [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`, ...lines, '', body].join('\r\n');
}

/** Answers with the proxy's own error; readable by an allowed origin, so the app can show the sentence. */
export function sendProxyError(res: ServerResponse, error: ProxyError, origin?: string): void {
	if (res.headersSent || res.writableEnded || res.destroyed) return;
	for (const name of res.getHeaderNames()) res.removeHeader(name);
	const body = JSON.stringify({ error: error.code, message: error.message });
	res.writeHead(PROXY_ERROR_STATUS[error.code], {
		...SAFE_ANSWER_HEADERS,
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(body),
		'X-Proxy-Error': error.code,
		...(error.code === 'method-not-allowed' && { Allow: ALLOWED_METHODS.join(', ') }),
		...(origin !== undefined && { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Expose-Headers': exposedHeaderList() })
	});
	res.end(body);
}
