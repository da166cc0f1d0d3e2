// Reading a request body with a size ceiling, and turning JSON, URL-encoded or multipart bodies into parameters.
import type { IncomingMessage } from 'node:http';
import { parseForm } from './form';
import { parseMultipart, type MultipartPart } from './multipart';

export type BodyRead = { ok: true; bytes: Buffer } | { ok: false; tooLarge: true; receivedBytes: number };

/** Reads the whole body even past the ceiling (dropping the excess), so the client can still read the answer. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyRead> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let received = 0;
		req.on('data', (chunk: Buffer) => {
			received += chunk.length;
			if (received <= maxBytes) chunks.push(chunk);
		});
		req.on('end', () => resolve(received > maxBytes ? { ok: false, tooLarge: true, receivedBytes: received } : { ok: true, bytes: Buffer.concat(chunks) }));
		req.on('error', reject);
	});
}

export interface ParsedBody {
	params: Record<string, unknown>;
	files: MultipartPart[];
}

export type BodyParse = { ok: true; body: ParsedBody } | { ok: false; message: string };

function mediaType(contentType: string | undefined): string {
	return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** An empty body is no parameters; a body the stated Content-Type cannot parse is an error the client can read. */
export function parseBody(contentType: string | undefined, bytes: Buffer): BodyParse {
	const type = mediaType(contentType);
	if (bytes.length === 0) return { ok: true, body: { params: {}, files: [] } };
	if (type === 'application/json') {
		try {
			const value: unknown = JSON.parse(bytes.toString('utf8'));
			if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'The JSON body must be an object.' };
			return { ok: true, body: { params: value as Record<string, unknown>, files: [] } };
		} catch (error) {
			return { ok: false, message: `The body is not valid JSON: ${(error as Error).message}` };
		}
	}
	if (type === 'application/x-www-form-urlencoded') return { ok: true, body: { params: parseForm(bytes.toString('utf8')), files: [] } };
	if (type === 'multipart/form-data') {
		const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
		const marker = boundary?.[1] ?? boundary?.[2];
		if (!marker) return { ok: false, message: 'A multipart/form-data body needs a boundary in its Content-Type.' };
		const parts = parseMultipart(bytes, marker.trim());
		const fields = parts.filter((part) => part.filename === undefined).map((part) => `${encodeURIComponent(part.name)}=${encodeURIComponent(part.data.toString('utf8'))}`);
		return { ok: true, body: { params: parseForm(fields.join('&')), files: parts.filter((part) => part.filename !== undefined) } };
	}
	return { ok: true, body: { params: {}, files: [] } };
}
