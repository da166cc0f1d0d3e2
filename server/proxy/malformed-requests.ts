// Requests Node cannot hand to the proxy's handler (unparseable HTTP, oversized headers, CONNECT): a plain refusal
// on the socket, and the proxy serves on.
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { proxyErrors, rawProxyError, type ProxyError } from './proxy-errors';

function answer(socket: Duplex, error: ProxyError, status?: number): void {
	if (!socket.writable) {
		socket.destroy();
		return;
	}
	let text = rawProxyError(error);
	if (status !== undefined) text = text.replace(/^HTTP\/1\.1 \d+ [^\r]*/, `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Request Timeout'}`);
	socket.on('error', () => socket.destroy());
	socket.end(text);
}

export function guardAgainstMalformedRequests(server: Server): void {
	server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
		// A reset or a half-sent request: nobody left to answer.
		if (error.code === 'ECONNRESET' || error.code === 'EPIPE') {
			socket.destroy();
			return;
		}
		if (error.code === 'HPE_HEADER_OVERFLOW') return answer(socket, proxyErrors.badRequest(), 431);
		if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return answer(socket, proxyErrors.badRequest(), 408);
		answer(socket, proxyErrors.badRequest());
	});
	// A tunnel would let a client reach any port of an admitted host, unexamined.
	server.on('connect', (_req, socket: Duplex) => answer(socket, proxyErrors.methodNotAllowed('CONNECT')));
}
