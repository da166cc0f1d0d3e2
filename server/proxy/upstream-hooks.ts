// Hooks on cors-anywhere's http-proxy: connect only to admitted addresses, time out, expose headers, and name every failure.
import type { ProxyServer } from 'http-proxy';
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { describeConnectError } from './connect-errors';
import { exposedHeaderList } from './exposed-headers';
import { createPinnedAgent } from './pinned-agent';
import { proxyErrors, sendProxyError } from './proxy-errors';
import type { RequestStates } from './request-state';
import { sameHostAndPort } from './target';

export interface UpstreamLimits {
	/** No byte from the target for this long, once connected: target-timeout. */
	timeoutMs: number;
	/** No connection for this long: target-unreachable. */
	connectTimeoutMs: number;
	maxBodyBytes: number;
}

function timeoutError(message: string): NodeJS.ErrnoException {
	const error: NodeJS.ErrnoException = new Error(message);
	error.code = 'ETIMEDOUT';
	return error;
}

function proxyBaseUrl(req: IncomingMessage): string {
	const forwardedHttps = /^\s*https/.test(String(req.headers['x-forwarded-proto'] ?? ''));
	const encrypted = (req.socket as TLSSocket).encrypted === true;
	return `${encrypted || forwardedHttps ? 'https' : 'http'}://${req.headers.host ?? ''}`;
}

export function hookUpstream(proxy: ProxyServer, states: RequestStates, limits: UpstreamLimits): void {
	const web = proxy.web.bind(proxy);
	proxy.web = (req, res, options) => {
		const state = states.get(req);
		if (!state?.target || !state.addresses || !sameHostAndPort(state.target, options.target)) {
			sendProxyError(res, proxyErrors.ambiguousTarget());
			req.resume();
			return;
		}
		web(req, res, { ...options, agent: createPinnedAgent(state.target.protocol, state.addresses) });
		// A body without Content-Length is counted as it streams; past the limit the upload is cut.
		let received = 0;
		req.on('data', (chunk: Buffer) => {
			received += chunk.length;
			if (received <= limits.maxBodyBytes) return;
			state.upstream?.destroy();
			req.destroy();
		});
	};

	proxy.on('proxyReq', (proxyReq, req) => {
		const state = states.get(req);
		if (!state) return;
		state.upstream = proxyReq;
		const socket = proxyReq.socket;
		const connectTimer = setTimeout(() => {
			if (!state.connected) proxyReq.destroy(timeoutError(`no connection within ${limits.connectTimeoutMs} ms`));
		}, limits.connectTimeoutMs);
		proxyReq.once('close', () => clearTimeout(connectTimer));
		const markConnected = () => {
			state.connected = true;
			clearTimeout(connectTimer);
		};
		if (socket && !socket.connecting && !(socket as TLSSocket).encrypted) markConnected();
		else socket?.once((socket as TLSSocket).encrypted ? 'secureConnect' : 'connect', markConnected);
		proxyReq.setTimeout(limits.timeoutMs, () => {
			state.timedOut = true;
			proxyReq.destroy(timeoutError(`no answer within ${limits.timeoutMs} ms`));
		});
	});

	proxy.on('proxyRes', (proxyRes, req, res) => {
		const headers = proxyRes.headers;
		// X-Proxy-Error marks the proxy's own answers; a target must not be able to fake one.
		delete headers['x-proxy-error'];
		headers['access-control-expose-headers'] = exposedHeaderList(Object.keys(headers));
		const prefix = states.get(req)?.forwardedPrefix;
		const base = proxyBaseUrl(req);
		if (prefix && headers.location?.startsWith(`${base}/`)) {
			headers.location = `${base}${prefix}${headers.location.slice(base.length)}`;
		}
		// http-proxy ignores a target that dies mid-body; cutting our side too tells the browser the body is incomplete.
		proxyRes.once('close', () => {
			if (!proxyRes.complete) res.destroy();
		});
	});

	// Replaces cors-anywhere's handler, which answers every failure with a 404.
	proxy.removeAllListeners('error');
	proxy.on('error', (error, req, res) => {
		if (res.headersSent) {
			res.destroy();
			return;
		}
		const state = states.get(req);
		const host = state?.target?.display ?? 'the helpdesk';
		if (!state?.connected) sendProxyError(res, proxyErrors.unreachable(host, describeConnectError(error)));
		else if (state.timedOut) sendProxyError(res, proxyErrors.timeout(host, Math.round(limits.timeoutMs / 1000)));
		else sendProxyError(res, proxyErrors.reset(host));
	});
}
