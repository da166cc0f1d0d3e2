// The LevelDB store's keys sort as IndexedDB sorts its keys, and one call's writes land together or not at all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IdMapRow } from '../../src/lib/engine/store';
import { encodeKey, prefixBounds, type KeyPart } from '../../server/runner/level-keys';
import { openLevelStore } from '../../server/runner/level-store';

const folders: string[] = [];
afterEach(() => {
	for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
	const dir = mkdtempSync(join(tmpdir(), 'level-keys-'));
	folders.push(dir);
	return dir;
}

/** IndexedDB's order for these keys: numbers before strings, element by element, a prefix before what extends it. */
const ordered: KeyPart[][] = [
	[-Infinity],
	[-1e300],
	[-2.5],
	[-1],
	[0],
	[1e-300],
	[1],
	[2],
	[10],
	[1e300],
	[Infinity],
	[''],
	['', 5],
	['', 'a'],
	['\x00'],
	['\x00\x00'],
	['\x01'],
	['a'],
	['a', -3],
	['a', 7],
	['a', ''],
	['a', 'z'],
	['a\x00'],
	['a\x00b'],
	['ab'],
	['b'],
	['é'],
	['日本']
];

describe('the LevelDB store', () => {
	it('encodes keys so that their text order is the order of the tuples', () => {
		const encoded = ordered.map(encodeKey);
		const sorted = [...encoded].sort((first, second) => (first < second ? -1 : first > second ? 1 : 0));
		expect(sorted).toEqual(encoded);
		expect(new Set(encoded).size).toBe(encoded.length);
		expect(encodeKey([-0])).toBe(encodeKey([0]));
	});

	it('takes every key that extends a prefix into its range, and none that merely starts with the same text', () => {
		const { gte, lt } = prefixBounds(['a']);
		const inside = (parts: KeyPart[]) => encodeKey(parts) >= gte && encodeKey(parts) < lt;
		expect(inside(['a'])).toBe(true);
		expect(inside(['a', 1])).toBe(true);
		expect(inside(['a', '\uffff'])).toBe(true);
		expect(inside(['ab'])).toBe(false);
		expect(inside(['a\x00'])).toBe(false);
		expect(inside(['b'])).toBe(false);
	});

	it('writes nothing of a batch one of whose rows cannot be stored, and keeps what it wrote across a reopen', async () => {
		const dir = folder();
		const store = await openLevelStore(dir);
		const good: IdMapRow = { migrationId: 'm', entity: 'ticket', sourceId: '1', status: 'migrated', kayakoId: 5, runId: 'r', updatedAt: 0, attempts: 1 };
		const keyless = { ...good, sourceId: undefined } as unknown as IdMapRow;
		await expect(store.putIdMapRows([good, keyless])).rejects.toThrow();
		expect(await store.getIdMapRow(good)).toBeUndefined();
		expect(await store.countIdMap({ by: 'kayako-id', migrationId: 'm', entity: 'ticket', kayakoId: 5 })).toBe(0);

		await store.putIdMapRows([good]);
		await store.closed();
		const again = await openLevelStore(dir);
		expect(await again.getIdMapRow(good)).toEqual(good);
		expect(await again.countIdMap({ by: 'run-status', runId: 'r', status: 'migrated' })).toBe(1);
		await again.closed();
	});

	it('runs overlapping changes to one row one after the other, so no attempt is lost', async () => {
		const store = await openLevelStore(folder());
		const key = { migrationId: 'm', entity: 'ticket', sourceId: '1' };
		await Promise.all([store.markPending('r', [key]), store.markPending('r', [key]), store.markPending('r', [key])]);
		expect((await store.getIdMapRow(key))?.attempts).toBe(3);
		await store.closed();
	});

	it('moves a row between index entries when its status changes, leaving none behind', async () => {
		const store = await openLevelStore(folder());
		const key = { migrationId: 'm', entity: 'ticket', sourceId: '1' };
		await store.markPending('r', [key]);
		await store.markMigrated('r', [{ ...key, kayakoId: 9 }]);
		expect(await store.countIdMap({ by: 'run-status', runId: 'r', status: 'pending' })).toBe(0);
		expect(await store.countIdMap({ by: 'entity-status', migrationId: 'm', entity: 'ticket', status: 'migrated' })).toBe(1);
		await store.markFailed('r', [{ ...key, reason: 'Refused.' }]);
		expect(await store.countIdMap({ by: 'migration-status', migrationId: 'm', status: 'migrated' })).toBe(0);
		// A failed row keeps the Kayako id of its earlier create, so it stays findable by it.
		expect(await store.countIdMap({ by: 'kayako-id', migrationId: 'm', entity: 'ticket', kayakoId: 9 })).toBe(1);
		await store.deleteIdMapRows([key]);
		expect(await store.countIdMap({ by: 'kayako-id', migrationId: 'm', entity: 'ticket', kayakoId: 9 })).toBe(0);
		await store.closed();
	});
});
