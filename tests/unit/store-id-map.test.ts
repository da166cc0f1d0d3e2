import { describe, expect, it } from 'vitest';
import type { IdMapKey, IdMapQuery, IdMapRow, MigrationStore } from '../../src/lib/engine/store';
import { openTestStore } from './store-fixtures';
import { because, splitReason } from '../../src/lib/engine/reports/reasons/because';

const migrationId = 'm-1';

function row(entity: string, sourceId: string, status: IdMapRow['status'], runId: string, extra: Partial<IdMapRow> = {}): IdMapRow {
	return { migrationId, entity, sourceId, status, runId, updatedAt: 0, attempts: 1, ...extra };
}

/** A busy id map: two runs, several entities and statuses, and a second migration with the same source ids. */
async function seedBusyMap(store: MigrationStore): Promise<void> {
	const rows: IdMapRow[] = [];
	for (let index = 0; index < 200; index++) rows.push(row('ticket', `t${index}`, 'migrated', 'run-A', { kayakoId: 10_000 + index }));
	rows.push(row('ticket', 't900', 'failed', 'run-R', { reason: 'Requester missing' }));
	rows.push(row('ticket', 't901', 'failed', 'run-R', { reason: 'Attachment too large' }));
	rows.push(row('ticket', 't902', 'failed', 'run-R', { reason: 'Field refused' }));
	for (let index = 0; index < 20; index++) rows.push(row('ticket', `t${1000 + index}`, 'migrated', 'run-R', { kayakoId: 20_000 + index }));
	for (let index = 0; index < 5; index++) rows.push(row('user', `u${index}`, 'failed', 'run-R', { reason: 'Bad e-mail' }));
	rows.push(row('user', '123', 'migrated', 'run-A', { kayakoId: 555 }));
	rows.push(row('organisation', '123', 'migrated', 'run-A', { kayakoId: 556 }));
	for (let index = 0; index < 7; index++) rows.push(row('ticket', `p${index}`, 'pending', 'run-R'));
	rows.push({ ...row('ticket', 't900', 'failed', 'run-other'), migrationId: 'm-other' });
	rows.push({ ...row('user', '123', 'migrated', 'run-other', { kayakoId: 777 }), migrationId: 'm-other' });
	await store.putIdMapRows(rows);
}

async function listAll(store: MigrationStore, query: IdMapQuery, limit: number): Promise<{ keys: string[]; pages: number }> {
	const keys: string[] = [];
	let pages = 0;
	let after: IdMapKey | undefined;
	do {
		const page = await store.listIdMap(query, after ? { limit, after } : { limit });
		pages++;
		keys.push(...page.rows.map((each) => `${each.entity}/${each.sourceId}`));
		after = page.next;
	} while (after);
	return { keys, pages };
}

describe('the id map', () => {
	it('returns exactly the three failed tickets of run R among many other rows', async () => {
		const { store } = await openTestStore();
		await seedBusyMap(store);
		const failedOfRun = await store.listIdMap({ by: 'run-status', runId: 'run-R', status: 'failed' }, { limit: 100 });
		expect(failedOfRun.rows.filter((each) => each.entity === 'ticket').map((each) => each.sourceId)).toEqual(['t900', 't901', 't902']);
		const failedTickets = await store.listIdMap({ by: 'entity-status', migrationId, entity: 'ticket', status: 'failed' }, { limit: 100 });
		expect(failedTickets.rows.map((each) => [each.sourceId, each.reason])).toEqual([
			['t900', 'Requester missing'],
			['t901', 'Attachment too large'],
			['t902', 'Field refused']
		]);
		expect(failedTickets.next).toBeUndefined();
	});

	it('finds the Kayako id of Zendesk user 123, and which user became Kayako id 555', async () => {
		const { store } = await openTestStore();
		await seedBusyMap(store);
		expect((await store.getIdMapRow({ migrationId, entity: 'user', sourceId: '123' }))?.kayakoId).toBe(555);
		const reverse = await store.listIdMap({ by: 'kayako-id', migrationId, entity: 'user', kayakoId: 555 }, { limit: 2 });
		expect(reverse.rows.map((each) => each.sourceId)).toEqual(['123']);
		const sameIdOtherEntity = await store.listIdMap({ by: 'kayako-id', migrationId, entity: 'organisation', kayakoId: 555 }, { limit: 2 });
		expect(sameIdOtherEntity.rows).toEqual([]);
	});

	it('counts rows per index without confusing migrations, runs, entities or statuses', async () => {
		const { store } = await openTestStore();
		await seedBusyMap(store);
		expect(await store.countIdMap({ by: 'migration-status', migrationId, status: 'pending' })).toBe(7);
		expect(await store.countIdMap({ by: 'run-status', runId: 'run-R', status: 'failed' })).toBe(8);
		expect(await store.countIdMap({ by: 'entity-status', migrationId, entity: 'user', status: 'failed' })).toBe(5);
		expect(await store.countIdMap({ by: 'entity', migrationId, entity: 'ticket' })).toBe(230);
		expect(await store.countIdMap({ by: 'migration', migrationId })).toBe(237);
		expect(await store.countIdMap({ by: 'migration', migrationId: 'm-other' })).toBe(2);
	});

	it('pages through 1,000 rows in pages of 100, visiting each row exactly once, by key and by index', async () => {
		const { store } = await openTestStore();
		const rows = Array.from({ length: 1000 }, (_, index) => row('ticket', String(index), 'pending', 'run-P'));
		await store.putIdMapRows([...rows, { ...row('ticket', '5', 'pending', 'run-P'), migrationId: 'm-0' }, { ...row('ticket', '5', 'pending', 'run-P'), migrationId: 'm-2' }]);

		for (const query of [
			{ by: 'entity', migrationId, entity: 'ticket' },
			{ by: 'migration-status', migrationId, status: 'pending' }
		] satisfies IdMapQuery[]) {
			const { keys, pages } = await listAll(store, query, 100);
			expect(pages).toBe(10);
			expect(keys).toHaveLength(1000);
			expect(new Set(keys).size).toBe(1000);
		}
	});

	it('goes on after the last row of a page even when that row was deleted in between', async () => {
		const { store } = await openTestStore();
		await store.putIdMapRows(Array.from({ length: 30 }, (_, index) => row('ticket', String(index).padStart(2, '0'), 'failed', 'run-F')));
		const first = await store.listIdMap({ by: 'run-status', runId: 'run-F', status: 'failed' }, { limit: 10 });
		expect(first.next?.sourceId).toBe('09');
		await store.deleteIdMapRows([{ migrationId, entity: 'ticket', sourceId: '09' }]);
		const second = await store.listIdMap({ by: 'run-status', runId: 'run-F', status: 'failed' }, { limit: 10, ...(first.next && { after: first.next }) });
		expect(second.rows.map((each) => each.sourceId)).toEqual(['10', '11', '12', '13', '14', '15', '16', '17', '18', '19']);
	});

	it('marks a record pending before its create, then migrated, keeping the count of attempts', async () => {
		const { store, clock } = await openTestStore();
		const key = { migrationId, entity: 'ticket', sourceId: '42' };
		await store.markPending('run-1', [key]);
		expect(await store.getIdMapRow(key)).toEqual({ ...key, status: 'pending', runId: 'run-1', attempts: 1, updatedAt: clock.now });
		await store.markPending('run-1', [key]);
		clock.now += 5;
		await store.markMigrated('run-1', [{ ...key, kayakoId: 77, contentHash: 'h1' }]);
		expect(await store.getIdMapRow(key)).toEqual({ ...key, status: 'migrated', kayakoId: 77, contentHash: 'h1', runId: 'run-1', createdBy: 'run-1', attempts: 2, updatedAt: clock.now });
	});

	it('keeps the Kayako id and hash of an earlier run when a later run fails or skips the record', async () => {
		const { store } = await openTestStore();
		const key = { migrationId, entity: 'ticket', sourceId: '42' };
		await store.markMigrated('run-1', [{ ...key, kayakoId: 77, contentHash: 'h1' }]);
		await store.markFailed('run-2', [{ ...key, reason: 'Kayako refused the subject' }]);
		expect(await store.getIdMapRow(key)).toMatchObject({ status: 'failed', kayakoId: 77, contentHash: 'h1', runId: 'run-2', reason: 'Kayako refused the subject' });
		await store.markSkipped('run-3', [{ ...key, reason: 'Filtered out by date' }]);
		expect(await store.getIdMapRow(key)).toMatchObject({ status: 'skipped', kayakoId: 77, reason: 'Filtered out by date' });
		await store.markMigrated('run-4', [{ ...key, kayakoId: 77 }]);
		const migrated = await store.getIdMapRow(key);
		expect(migrated).not.toHaveProperty('reason');
		expect(migrated?.contentHash).toBe('h1');
	});

	it('keeps what the report said of a record updated in place, adds what the update says, and tells a fact once', async () => {
		const { store } = await openTestStore();
		const key = { migrationId, entity: 'tickets', sourceId: '11' };
		const leftOut = because('attachment-too-large', { file: 'invoice.pdf', bytes: 33_181_372 });
		await store.markMigrated('run-1', [{ ...key, kayakoId: 77, contentHash: 'h1', note: leftOut }]);
		// A delta appends new comments to the same case: the update says nothing new.
		await store.markMigrated('run-2', [{ ...key, kayakoId: 77, contentHash: 'h2' }]);
		const kept = await store.getIdMapRow(key);
		expect(kept?.reason).toContain('invoice.pdf');
		expect(kept?.reasonParts).toEqual(splitReason(leftOut).parts);
		// A later delta leaves another file out, and says the first one again.
		const another = because('attachment-too-large', { file: 'scan.tiff', bytes: 40_000_000 });
		await store.markMigrated('run-3', [{ ...key, kayakoId: 77, contentHash: 'h3', note: `${leftOut} ${another}` }]);
		const both = await store.getIdMapRow(key);
		expect(both?.reason).toContain('invoice.pdf');
		expect(both?.reason).toContain('scan.tiff');
		expect(both?.reason?.split('invoice.pdf')).toHaveLength(2);
		expect(both?.reasonParts).toEqual([...splitReason(leftOut).parts!, ...splitReason(another).parts!]);
	});

	it('carries the note a send left on a pending row to the migrated row, once, and drops it when a later send has none', async () => {
		const { store } = await openTestStore();
		const key = { migrationId, entity: 'tickets', sourceId: '7' };
		const leftOut = because('attachment-too-large', { file: 'film.mov', bytes: 30_000_000 });
		await store.markPending('run-1', [key]);
		await store.notePending('run-1', [{ ...key, reason: leftOut }]);
		// A crash; the next attempt marks it pending again before it finds the case.
		await store.markPending('run-2', [key]);
		await store.markMigrated('run-2', [{ ...key, kayakoId: 9 }]);
		const found = await store.getIdMapRow(key);
		expect(found?.reason).toContain('film.mov');
		expect(found).not.toHaveProperty('pendingNote');
		// The send's note told again by the one who heard the answer: once.
		const other = { ...key, sourceId: '8' };
		await store.markPending('run-1', [other]);
		await store.notePending('run-1', [{ ...other, reason: leftOut }]);
		await store.markMigrated('run-1', [{ ...other, kayakoId: 10, note: leftOut }]);
		expect((await store.getIdMapRow(other))?.reason?.split('film.mov')).toHaveLength(2);
		// A later send that left nothing out clears what an earlier one said.
		const third = { ...key, sourceId: '9' };
		await store.markPending('run-1', [third]);
		await store.notePending('run-1', [{ ...third, reason: leftOut }]);
		await store.markPending('run-2', [third]);
		await store.notePending('run-2', [{ ...third, reason: '' }]);
		await store.markMigrated('run-2', [{ ...third, kayakoId: 11 }]);
		expect(await store.getIdMapRow(third)).not.toHaveProperty('reason');
	});

	it('writes a batch all or nothing', async () => {
		const { store } = await openTestStore();
		const broken = { ...row('ticket', 'x', 'pending', 'run-1'), sourceId: undefined } as unknown as IdMapRow;
		await expect(store.putIdMapRows([row('ticket', 'a', 'pending', 'run-1'), broken])).rejects.toBeDefined();
		expect(await store.countIdMap({ by: 'migration', migrationId })).toBe(0);
	});

	it('deletes rows so neither the key nor the reverse lookup finds them', async () => {
		const { store } = await openTestStore();
		await seedBusyMap(store);
		await store.deleteIdMapRows([{ migrationId, entity: 'user', sourceId: '123' }]);
		expect(await store.getIdMapRow({ migrationId, entity: 'user', sourceId: '123' })).toBeUndefined();
		expect(await store.countIdMap({ by: 'kayako-id', migrationId, entity: 'user', kayakoId: 555 })).toBe(0);
		expect(await store.getIdMapRow({ migrationId: 'm-other', entity: 'user', sourceId: '123' })).toBeDefined();
	});

	it('refuses a page of no rows', async () => {
		const { store } = await openTestStore();
		await expect(store.listIdMap({ by: 'migration', migrationId }, { limit: 0 })).rejects.toMatchObject({ kind: 'invalid-input' });
	});
});

describe('who created a Kayako record', () => {
	it('is the run that first migrated it, kept through later updates and failures, and nobody for a matched record', async () => {
		const { store } = await openTestStore();
		const ticket = { migrationId, entity: 'tickets', sourceId: '1' };
		const agent = { migrationId, entity: 'users', sourceId: '2' };
		await store.markPending('run-full', [ticket]);
		await store.markMigrated('run-full', [{ ...ticket, kayakoId: 11 }]);
		await store.markMigrated('run-delta', [{ ...ticket, kayakoId: 11, note: 'Two new replies.' }]);
		expect(await store.getIdMapRow(ticket)).toMatchObject({ runId: 'run-delta', createdBy: 'run-full', reason: 'Two new replies.' });
		await store.markFailed('run-delta-2', [{ ...ticket, reason: 'Kayako refused the update.' }]);
		expect(await store.getIdMapRow(ticket)).toMatchObject({ status: 'failed', createdBy: 'run-full', kayakoId: 11 });

		await store.markMigrated('run-full', [{ ...agent, kayakoId: 3, matched: true }]);
		expect((await store.getIdMapRow(agent))?.createdBy).toBeUndefined();
	});

	it('stays the run that created it when a later run skips the record, then finds that same record by e-mail', async () => {
		const { store } = await openTestStore();
		const customer = { migrationId, entity: 'users', sourceId: '7' };
		// A demo creates an inactive customer a ticket needs; the full run skips inactive users, then a ticket needs it again.
		await store.markMigrated('run-demo', [{ ...customer, kayakoId: 27 }]);
		await store.markSkipped('run-full', [{ ...customer, reason: 'Inactive or deleted.' }]);
		await store.markMigrated('run-full', [{ ...customer, kayakoId: 27, matched: true }]);
		expect(await store.getIdMapRow(customer)).toMatchObject({ status: 'migrated', kayakoId: 27, createdBy: 'run-demo' });
		// Another Kayako record found by e-mail is not ours.
		await store.markMigrated('run-full', [{ ...customer, kayakoId: 30, matched: true }]);
		expect((await store.getIdMapRow(customer))?.createdBy).toBeUndefined();
	});
});

describe('a bulk job kept with its pending rows', () => {
	it('stays through another attempt and a failure, and goes once the record is migrated', async () => {
		const { store } = await openTestStore();
		const key: IdMapKey = { migrationId, entity: 'tickets', sourceId: 't1' };
		await store.markPending('run-1', [key]);
		await store.markJobAccepted('run-1', [key], 42);
		expect((await store.getIdMapRow(key))?.jobId).toBe(42);
		await store.markFailed('run-1', [{ ...key, reason: 'Kayako had not finished importing it.' }]);
		expect((await store.getIdMapRow(key))?.jobId).toBe(42);
		await store.markPending('run-2', [key]);
		expect(await store.getIdMapRow(key)).toMatchObject({ status: 'pending', jobId: 42, attempts: 2 });
		await store.markMigrated('run-2', [{ ...key, kayakoId: 7 }]);
		expect((await store.getIdMapRow(key))?.jobId).toBeUndefined();
		// A job accepted for a record migrated meanwhile leaves it alone.
		await store.markJobAccepted('run-2', [key], 43);
		expect(await store.getIdMapRow(key)).toMatchObject({ status: 'migrated', kayakoId: 7 });
		expect((await store.getIdMapRow(key))?.jobId).toBeUndefined();
	});
});
