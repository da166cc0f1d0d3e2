// The id map notes which later runs use a record another run made, once per run, and the rollback plan reads it.
import { describe, expect, it } from 'vitest';
import { fateOf, type RollbackScope } from '../../src/lib/engine/pipeline/rollback-plan';
import type { IdMapKey, IdMapRow } from '../../src/lib/engine/store';
import { openTestStore } from './store-fixtures';

const key: IdMapKey = { migrationId: 'm-1', entity: 'fields', sourceId: 'f1' };

describe('the use of a record by a later run', () => {
	it('is noted once for a run that did not make it, and not for its maker', async () => {
		const { store } = await openTestStore('usage-once');
		await store.markMigrated('demo', [{ ...key, kayakoId: 7 }]);
		await store.markUsed('demo', [key]);
		expect((await store.getIdMapRow(key))?.usedBy).toBeUndefined();
		await store.markUsed('full', [key]);
		await store.markUsed('full', [key]);
		expect(await store.getIdMapRow(key)).toMatchObject({ createdBy: 'demo', runId: 'demo', usedBy: ['full'] });
	});

	it('is noted when a later run writes the same record again, and survives the writes that follow', async () => {
		const { store } = await openTestStore('usage-writes');
		await store.markMigrated('demo', [{ ...key, kayakoId: 7 }]);
		await store.markMigrated('delta', [{ ...key, kayakoId: 7, contentHash: 'changed' }]);
		await store.markPending('delta', [key]);
		await store.markFailed('delta', [{ ...key, reason: 'The update failed.' }]);
		expect(await store.getIdMapRow(key)).toMatchObject({ createdBy: 'demo', runId: 'delta', usedBy: ['delta'] });
	});

	it('is not noted when a later run skips the record', async () => {
		const { store } = await openTestStore('usage-skip');
		await store.markMigrated('demo', [{ ...key, kayakoId: 7 }]);
		await store.markSkipped('full', [{ ...key, reason: 'Filtered out.' }]);
		expect((await store.getIdMapRow(key))?.usedBy).toBeUndefined();
	});
});

describe('what a rollback does with a row', () => {
	const row = (extra: Partial<IdMapRow>): IdMapRow => ({ ...key, status: 'migrated', kayakoId: 7, runId: 'demo', createdBy: 'demo', updatedAt: 0, attempts: 1, ...extra });
	const scope = (runs: string[], gone: string[] = []): RollbackScope => ({ runs: new Set(runs), gone: new Set([...runs, ...gone]) });

	it('deletes what the rolled-back run made when no other run used it', () => {
		expect(fateOf(row({}), scope(['demo']))).toEqual({ action: 'delete' });
	});

	it('keeps what a later run used, for that run, unless that run is rolled back too or was before', () => {
		expect(fateOf(row({ usedBy: ['full'] }), scope(['demo']))).toEqual({ action: 'keep', adoptedBy: 'full' });
		expect(fateOf(row({ runId: 'delta' }), scope(['demo']))).toEqual({ action: 'keep', adoptedBy: 'delta' });
		expect(fateOf(row({ usedBy: ['full'] }), scope(['demo', 'full']))).toEqual({ action: 'delete' });
		expect(fateOf(row({ usedBy: ['full'] }), scope(['demo'], ['full']))).toEqual({ action: 'delete' });
	});

	it('deletes a ticket the rolled-back run made and a later run filtered out, but keeps a user it skipped, which kept tickets may name', () => {
		expect(fateOf(row({ entity: 'tickets', runId: 'full', status: 'skipped' }), scope(['demo']))).toEqual({ action: 'delete' });
		expect(fateOf(row({ entity: 'users', runId: 'full', status: 'skipped' }), scope(['demo']))).toEqual({ action: 'keep', adoptedBy: 'full' });
	});

	it('keeps what the rolled-back run made for a later full run of a version that did not note its uses', () => {
		expect(fateOf(row({}), { ...scope(['demo']), unnotedAfter: new Map([['demo', 'old-full']]) })).toEqual({ action: 'keep', adoptedBy: 'old-full' });
	});

	it('leaves what a run outside the rollback made, even when a rolled-back run touched it last', () => {
		expect(fateOf(row({ createdBy: 'full', runId: 'delta', status: 'failed' }), scope(['delta']))).toEqual({ action: 'leave' });
	});
});
