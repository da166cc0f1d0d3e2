// What a sandbox handler answers, as a value: status, headers and body; the server writes (or, under a fault, mangles) it.
import type { ServerResponse } from 'node:http';

export interface Reply {
	status: number;
	headers: Record<string, string>;
	/** JSON bodies stay values until sent, so the pipeline can add envelope keys (a session id) on the way out. */
	body: { json: unknown } | { bytes: Buffer } | { text: string };
}

export function jsonReply(status: number, json: unknown, headers: Record<string, string> = {}): Reply {
	return { status, headers, body: { json } };
}

export function bodyBytes(reply: Reply): Buffer {
	if ('json' in reply.body) return Buffer.from(JSON.stringify(reply.body.json));
	if ('bytes' in reply.body) return reply.body.bytes;
	return Buffer.from(reply.body.text);
}

export function sendReply(res: ServerResponse, reply: Reply, bytes: Buffer = bodyBytes(reply)): void {
	res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(bytes.length) });
	res.end(bytes);
}

/** Kills the connection without an answer: the client sees a reset, as when a load balancer drops it. */
export function dropConnection(res: ServerResponse): void {
	res.socket?.destroy();
}

export function htmlPage(status: number, title: string, message: string): Reply {
	const text = `<!doctype html>\n<html><head><title>${title}</title></head><body><h1>${title}</h1><p>${message}</p></body></html>\n`;
	return { status, headers: { 'Content-Type': 'text/html; charset=UTF-8' }, body: { text } };
}
