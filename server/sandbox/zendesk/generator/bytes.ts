// The bytes of a generated file: a pure function of (seed, id, offset), produced in chunks so tens of megabytes never sit in memory.
import { MIX_START, mixPart } from './hash';

const MAGIC: Record<string, Buffer> = {
	'application/pdf': Buffer.from('%PDF-1.7\n'),
	'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	'image/jpeg': Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
	'application/zip': Buffer.from([0x50, 0x4b, 0x03, 0x04]),
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': Buffer.from([0x50, 0x4b, 0x03, 0x04])
};

const TEXT_ALPHABET = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,.;:-\n';

function isText(contentType: string): boolean {
	return contentType.startsWith('text/');
}

/** What a byte of a text file becomes: a character of the alphabet, so the file reads as text. */
const TEXT_BYTES = Uint8Array.from({ length: 256 }, (_, byte) => TEXT_ALPHABET.charCodeAt(byte % TEXT_ALPHABET.length));

/** Bytes [offset, offset + length) of the file; any range can be computed on its own. */
export function fileBytes(seed: number, id: number, contentType: string, offset: number, length: number): Buffer {
	const out = Buffer.allocUnsafe(length);
	const text = isText(contentType);
	const end = offset + length;
	// Word n of the file is mix(seed, id, n), little-endian; the (seed, id) prefix is hashed once, not once per word.
	const prefix = mixPart(mixPart(MIX_START, seed), id);
	for (let index = Math.floor(offset / 4); index * 4 < end; index += 1) {
		const word = mixPart(prefix, index) >>> 0;
		const last = Math.min(end, index * 4 + 4);
		for (let position = Math.max(offset, index * 4); position < last; position += 1) {
			const byte = (word >>> ((position & 3) * 8)) & 0xff;
			out[position - offset] = text ? TEXT_BYTES[byte]! : byte;
		}
	}
	// A file starts with its type's magic bytes, so a viewer recognises it.
	const magic = MAGIC[contentType];
	if (magic && offset < magic.length) magic.copy(out, 0, offset, Math.min(magic.length, end));
	return out;
}

export const CHUNK_BYTES = 256 * 1024;

/** The whole file as chunks of at most CHUNK_BYTES, for streaming. */
export function* fileChunks(seed: number, id: number, contentType: string, size: number): Generator<Buffer> {
	for (let offset = 0; offset < size; offset += CHUNK_BYTES) yield fileBytes(seed, id, contentType, offset, Math.min(CHUNK_BYTES, size - offset));
}
