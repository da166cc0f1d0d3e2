// A real HTTP server on 127.0.0.1 for the HTTP layer's tests: it records what arrived and answers as each test scripts it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
	method: string;
	/** Path and query as sent, e.g. `/http://127.0.0.1:1234/x?a=1` when the server plays the proxy. */
	url: string;
	headers: IncomingMessage['headers'];
	body: string;
}

/** `index` counts from 0 over all requests this server received. */
export type Handler = (request: ReceivedRequest, res: ServerResponse, index: number, req: IncomingMessage) => void | Promise<void>;

export interface TestServer {
	/** `http://127.0.0.1:<port>`, no trailing slash. */
	url: string;
	/** Every request whose body arrived completely, in order. */
	received: ReceivedRequest[];
	close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<TestServer> {
	const received: ReceivedRequest[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const request: ReceivedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
			const index = received.push(request) - 1;
			void Promise.resolve(handler(request, res, index, req)).catch((error: unknown) => {
				res.destroy(error instanceof Error ? error : new Error(String(error)));
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

export function answerJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
	res.end(text);
}

/** Drops the connection after the request arrived, without a byte of answer: the client cannot know whether it ran. */
export function dropConnection(req: IncomingMessage): void {
	req.socket.destroy();
}

/** A port nothing listens on: a server is opened there and closed again, so connecting is refused. */
export async function closedPortUrl(): Promise<string> {
	const server = await startServer(() => undefined);
	await server.close();
	return server.url;
}
