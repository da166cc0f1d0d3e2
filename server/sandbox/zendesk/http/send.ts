// Writing a reply to the socket, including streamed files with backpressure and the faults that mangle an answer.
import type { ServerResponse } from 'node:http';
import { garbledBytes, truncatedBytes } from '../../common/mangle';
import { bodyBytes, dropConnection, sendReply } from '../../common/reply';
import { isStream, type ZendeskReply } from './reply';

/** Waits until the socket wants more, or is gone; listeners are removed either way so long files do not pile them up. */
function writable(res: ServerResponse): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			res.off('drain', done);
			res.off('close', done);
			resolve();
		};
		res.on('drain', done);
		res.on('close', done);
	});
}

async function sendStream(res: ServerResponse, reply: Extract<ZendeskReply, { stream: unknown }>, cutAt?: number): Promise<void> {
	res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(reply.stream.length) });
	let sent = 0;
	for (const chunk of reply.stream.chunks()) {
		if (res.destroyed) return;
		const piece = cutAt !== undefined && sent + chunk.length > cutAt ? chunk.subarray(0, cutAt - sent) : chunk;
		if (!res.write(piece)) await writable(res);
		sent += piece.length;
		if (cutAt !== undefined && sent >= cutAt) {
			dropConnection(res);
			return;
		}
	}
	res.end();
}

/**
 * `malformed` truncates the body mid-way: a JSON body no longer parses, a file stops short of its Content-Length.
 * `garbled` splices garbage into a JSON body; a file is cut, as a broken transfer would leave it.
 */
export async function send(res: ServerResponse, reply: ZendeskReply, mangle?: 'malformed' | 'garbled'): Promise<void> {
	if (isStream(reply)) return sendStream(res, reply, mangle ? Math.floor(reply.stream.length / 2) : undefined);
	const bytes = bodyBytes(reply);
	// Zendesk labels every JSON answer; clients that parse by content type depend on it.
	if ('json' in reply.body && !Object.keys(reply.headers).some((name) => name.toLowerCase() === 'content-type')) reply = { ...reply, headers: { ...reply.headers, 'Content-Type': 'application/json; charset=utf-8' } };
	if (mangle === 'malformed') return sendReply(res, reply, truncatedBytes(bytes));
	if (mangle === 'garbled') return sendReply(res, reply, garbledBytes(bytes));
	sendReply(res, reply, bytes);
}
