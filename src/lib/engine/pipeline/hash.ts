// A content hash of a source record: delta compares it to find what changed. Stable key order, FNV-1a 64-bit.

/** JSON with object keys sorted, so equal records give equal text whatever order the API sent. */
export function stableJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, each]) => each !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([key, each]) => `${JSON.stringify(key)}:${stableJson(each)}`).join(',')}}`;
}

const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

export function contentHash(value: unknown): string {
	let hash = OFFSET;
	for (const byte of new TextEncoder().encode(stableJson(value))) {
		hash = ((hash ^ BigInt(byte)) * PRIME) & MASK;
	}
	return hash.toString(16).padStart(16, '0');
}
