// One request to a helpdesk: to the admitted addresses only, with connect and silence limits, and every failure named.
import { request as httpRequest, type ClientRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { describeConnectError } from './connect-errors';
import { createPinnedAgent } from './pinned-agent';
import { proxyErrors, type ProxyError } from './proxy-errors';
import type { ProxyTarget } from './target';

export interface UpstreamLimits {
	/** No byte from the target for this long, once connected: target-timeout. */
	timeoutMs: number;
	/** No connection for this long: target-unreachable. */
	connectTimeoutMs: number;
	maxBodyBytes: number;
}

export interface Hop {
	target: ProxyTarget;
	/** The addresses admitted for the target; the connection goes to these and no others. */
	addresses: string[];
	method: string;
	headers: OutgoingHttpHeaders;
	/** The client's body, streamed as it arrives; null for none. */
	body: Readable | null;
}

export type HopResult = { ok: true; response: IncomingMessage; request: ClientRequest } | { ok: false; error: ProxyError };

function whenConnected(socket: Socket, done: () => void): void {
	const tls = (socket as Socket & { encrypted?: boolean }).encrypted === true;
	if (!socket.connecting && !tls) done();
	else socket.once(tls ? 'secureConnect' : 'connect', done);
}

/** Sends one hop; resolves with the helpdesk's answer (its body not yet read) or the proxy's error. Never rejects. */
export function sendHop(hop: Hop, limits: UpstreamLimits, onRequest: (request: ClientRequest) => void): Promise<HopResult> {
	return new Promise((resolve) => {
		const { target } = hop;
		let connected = false;
		let timedOut = false;
		let settled = false;
		const settle = (result: HopResult) => {
			if (settled) return;
			settled = true;
			resolve(result);
		};
		const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
		let upstream: ClientRequest;
		try {
			upstream = send({
				protocol: target.protocol,
				hostname: target.hostname,
				port: target.port,
				method: hop.method,
				path: `${target.url.pathname}${target.url.search}`,
				headers: { ...hop.headers, host: target.url.host },
				agent: createPinnedAgent(target.protocol, hop.addresses)
			});
		} catch {
			// Node refused to build the request (a header value it will not send): nothing left this machine.
			settle({ ok: false, error: proxyErrors.badRequest() });
			return;
		}
		onRequest(upstream);
		const connectTimer = setTimeout(() => {
			if (!connected) upstream.destroy(Object.assign(new Error(`no connection within ${limits.connectTimeoutMs} ms`), { code: 'ETIMEDOUT' }));
		}, limits.connectTimeoutMs);
		upstream.once('socket', (socket) =>
			whenConnected(socket, () => {
				connected = true;
				clearTimeout(connectTimer);
			})
		);
		upstream.once('close', () => clearTimeout(connectTimer));
		upstream.setTimeout(limits.timeoutMs, () => {
			timedOut = true;
			upstream.destroy(Object.assign(new Error(`no answer within ${limits.timeoutMs} ms`), { code: 'ETIMEDOUT' }));
		});
		upstream.on('response', (response) => {
			// A helpdesk that drops the connection mid-body must never be an uncaught error; relay() reacts to 'close'.
			response.on('error', () => undefined);
			settle({ ok: true, response, request: upstream });
		});
		upstream.on('error', (error: NodeJS.ErrnoException) => {
			const host = target.display;
			if (!connected) settle({ ok: false, error: proxyErrors.unreachable(host, describeConnectError(error)) });
			else if (timedOut) settle({ ok: false, error: proxyErrors.timeout(host, Math.round(limits.timeoutMs / 1000)) });
			else settle({ ok: false, error: proxyErrors.reset(host) });
		});

		const body = hop.body;
		if (!body) {
			upstream.end();
			return;
		}
		// Counted as it streams: a body without Content-Length is cut once it passes the limit.
		let received = 0;
		body.on('data', (chunk: Buffer) => {
			received += chunk.length;
			if (received <= limits.maxBodyBytes) return;
			upstream.destroy();
			body.destroy();
		});
		body.on('error', () => upstream.destroy());
		body.pipe(upstream);
	});
}
