// Real loopback servers and a raw HTTP client for the CORS proxy tests: a target that records what reached it.
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

export interface Target {
	port: number;
	/** The target's base URL, e.g. http://127.0.0.1:41234 */
	url: string;
	/** Every request that reached the target, in order. */
	received: Received[];
	close(): Promise<void>;
}

export type TargetHandler = (req: IncomingMessage, res: ServerResponse, received: Received) => void;

/** Answers 200 with a JSON echo of what arrived, unless a handler answers differently. */
export const echo: TargetHandler = (_req, res, received) => {
	res.writeHead(200, { 'Content-Type': 'application/json' });
	res.end(JSON.stringify({ method: received.method, url: received.url, headers: received.headers, bodyLength: received.body.length }));
};

/** onBodyChunk sees the body as it streams in, before the request has ended. */
export async function startTarget(handler: TargetHandler = echo, onBodyChunk?: (chunk: Buffer) => void): Promise<Target> {
	const received: Received[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => {
			chunks.push(chunk);
			onBodyChunk?.(chunk);
		});
		req.on('end', () => {
			const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
			received.push(entry);
			handler(req, res, entry);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		port,
		url: `http://127.0.0.1:${port}`,
		received,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			})
	};
}

/** A port nothing listens on: bound once by the system, then released. */
export async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

export interface Answer {
	status: number;
	headers: IncomingHttpHeaders;
	body: Buffer;
	text: string;
	json<T = Record<string, unknown>>(): T;
}

export interface Send {
	method?: string;
	headers?: Record<string, string | number>;
	body?: Buffer | string;
}

/** node:http rather than fetch: it sends any header (Cookie included) and hides nothing of the answer. */
export function send(url: string, options: Send = {}): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('error', reject);
			res.on('aborted', () => reject(new Error('response aborted')));
			res.on('end', () => {
				const body = Buffer.concat(chunks);
				const text = body.toString('utf8');
				resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text, json: <T>() => JSON.parse(text) as T });
			});
		});
		req.on('error', reject);
		req.end(options.body);
	});
}

/** The header names in an Access-Control-Expose-Headers value, lower case. */
export function exposedNames(answer: Answer): string[] {
	return String(answer.headers['access-control-expose-headers'] ?? '')
		.split(',')
		.map((name) => name.trim().toLowerCase());
}
