// The content hash without BigInt gives exactly the hashes the earlier per-byte BigInt FNV-1a gave: a delta after an upgrade resends nothing.
import { describe, expect, it } from 'vitest';
import { contentHash, stableJson } from '../../src/lib/engine/pipeline/hash';

/** The earlier release's hash, kept here as the reference the stored hashes were made with. */
function bigIntFnv1a64(value: unknown): string {
	let hash = 0xcbf29ce484222325n;
	for (const byte of new TextEncoder().encode(stableJson(value))) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
	return hash.toString(16).padStart(16, '0');
}

describe('contentHash', () => {
	it('answers the hash an earlier release stored for a deleted ticket', () => {
		// Made by the per-byte BigInt version; a stored row with this hash must still read as unchanged.
		expect(contentHash({ deleted: '42' })).toBe('f2dc47618075c4e2');
	});

	it('equals the BigInt hash for records of every shape, including non-ASCII text and long bodies', () => {
		const records: unknown[] = [
			null,
			0,
			'',
			'a',
			{ subject: 'Grüße aus Köln – ½ off 🎉', tags: ['ü', '漢字'], n: 12.5 },
			{ b: 1, a: [true, false, null, { z: 'x', y: undefined }] },
			{ body: '<p>'.concat('x'.repeat(5000), '</p>'), id: '9007199254740993' }
		];
		for (let seed = 1; seed <= 50; seed += 1) records.push({ id: seed, text: String.fromCharCode(...Array.from({ length: seed * 7 }, (_, i) => 32 + ((seed * 131 + i * 977) % 0x2fff))) });
		for (const record of records) expect(contentHash(record)).toBe(bigIntFnv1a64(record));
	});

	it('gives different hashes for different records and equal ones whatever the key order', () => {
		expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
		expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
		expect(contentHash('')).toMatch(/^[0-9a-f]{16}$/);
	});
});
