// A content hash of a source record: delta compares it to find what changed. Stable key order, FNV-1a 64-bit in two 32-bit halves.

/** JSON with object keys sorted, so equal records give equal text whatever order the API sent. */
export function stableJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, each]) => each !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([key, each]) => `${JSON.stringify(key)}:${stableJson(each)}`).join(',')}}`;
}

const encoder = new TextEncoder();
/** FNV-1a's 64-bit prime is 2^40 + 0x1b3: a multiply by it is a multiply by 0x1b3 plus the low half shifted into the high one. */
const PRIME_LOW = 0x1b3;

/**
 * FNV-1a 64 over the record's stable JSON as UTF-8, the same value the earlier per-byte BigInt version gave (so
 * hashes stored by an older release still compare equal and a delta after an upgrade resends nothing), computed
 * on two 32-bit numbers: no BigInt per byte.
 */
export function contentHash(value: unknown): string {
	let high = 0xcbf29ce4;
	let low = 0x84222325;
	for (const byte of encoder.encode(stableJson(value))) {
		low = (low ^ byte) >>> 0;
		const product = low * PRIME_LOW; // < 2^41: exact in a double
		high = (Math.imul(high, PRIME_LOW) + Math.floor(product / 0x1_0000_0000) + (low << 8)) >>> 0;
		low = product >>> 0;
	}
	return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}
