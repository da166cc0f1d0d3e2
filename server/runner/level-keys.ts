// Order-preserving keys for the runner's LevelDB store: a tuple of strings and numbers becomes one string whose byte
// order is the tuple's order as IndexedDB compares it (numbers before strings, then element by element), so a prefix
// of a tuple selects exactly the keys that start with it.

export type KeyPart = string | number;

const NUMBER = 'n';
const STRING = 's';
/** Every encoded part starts with a tag ('n' or 's'), so this sorts after every key that continues a prefix. */
const AFTER_PREFIX = '\x7f';

/** A double as 16 hex digits whose text order is the numbers' order (sign bit flipped, negatives inverted). */
function encodeNumber(value: number): string {
	const view = new DataView(new ArrayBuffer(8));
	view.setFloat64(0, value === 0 ? 0 : value);
	const high = view.getUint32(0);
	const low = view.getUint32(4);
	const negative = (high & 0x80000000) !== 0;
	const sortHigh = negative ? ~high >>> 0 : (high | 0x80000000) >>> 0;
	const sortLow = negative ? ~low >>> 0 : low;
	return sortHigh.toString(16).padStart(8, '0') + sortLow.toString(16).padStart(8, '0');
}

/** \x00 ends a string part; a \x00 or \x01 inside it is escaped so it sorts in place and never ends the part early. */
function encodeString(value: string): string {
	return value.replaceAll('\x01', '\x01\x02').replaceAll('\x00', '\x01\x01') + '\x00';
}

export function encodeKey(parts: readonly KeyPart[]): string {
	let key = '';
	for (const part of parts) {
		if (typeof part === 'number') {
			if (Number.isNaN(part)) throw new Error('A store key cannot hold NaN.');
			key += NUMBER + encodeNumber(part);
		} else if (typeof part === 'string') {
			key += STRING + encodeString(part);
		} else {
			throw new Error(`A store key holds strings and numbers only, not ${typeof part}.`);
		}
	}
	return key;
}

/** The iterator range of every key that starts with `prefix` (the prefix itself included). */
export function prefixBounds(prefix: readonly KeyPart[]): { gte: string; lt: string } {
	const start = encodeKey(prefix);
	return { gte: start, lt: start + AFTER_PREFIX };
}

/** Is this a value IndexedDB would accept as one part of an index key (so the row appears in that index)? */
export function isKeyPart(value: unknown): value is KeyPart {
	return typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value));
}
