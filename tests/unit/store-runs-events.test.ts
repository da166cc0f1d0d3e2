import { describe, expect, it } from 'vitest';
import { estimateUsage, type EventRecord } from '../../src/lib/engine/store';
import { toStorageError } from '../../src/lib/engine/store/storage-errors';
import { dumpDatabase, openTestStore } from './store-fixtures';

describe('runs', () => {
	it('starts a run as running, updates its counters and lists the runs of a migration oldest first', async () => {
		const { store, clock } = await openTestStore();
		const demo = await store.createRun({ migrationId: 'm-1', kind: 'demo' });
		clock.now += 1000;
		const full = await store.createRun({ migrationId: 'm-1', kind: 'full' });
		await store.createRun({ migrationId: 'm-2', kind: 'full' });
		clock.now += 1000;
		const rollback = await store.createRun({ migrationId: 'm-1', kind: 'rollback', rollsBack: [demo.id] });

		expect(demo).toMatchObject({ state: 'running', counters: {}, startedAt: clock.now - 2000 });
		const finished = await store.updateRun(full.id, { state: 'finished', finishedAt: clock.now, counters: { ticket: { total: 10, migrated: 8, failed: 1, skipped: 1 } } });
		expect(await store.getRun(full.id)).toEqual(finished);
		expect((await store.listRuns('m-1')).map((run) => run.kind)).toEqual(['demo', 'full', 'rollback']);
		expect(rollback.rollsBack).toEqual([demo.id]);
	});

	it('says a run it does not know is not found', async () => {
		const { store } = await openTestStore();
		await expect(store.updateRun('nope', { state: 'failed' })).rejects.toMatchObject({ kind: 'not-found' });
	});
});

describe('checkpoints', () => {
	it('keeps one checkpoint per stream and forgets them per stream or all at once', async () => {
		const { store } = await openTestStore();
		await store.putCheckpoint('m-1', 'zendesk:tickets', { cursor: 'c1' });
		await store.putCheckpoint('m-1', 'zendesk:tickets', { cursor: 'c2' });
		await store.putCheckpoint('m-1', 'zendesk:users', { page: 3 });
		await store.putCheckpoint('m-2', 'zendesk:users', { page: 9 });

		expect((await store.getCheckpoint('m-1', 'zendesk:tickets'))?.checkpoint).toEqual({ cursor: 'c2' });
		expect(await store.listCheckpoints('m-1')).toHaveLength(2);
		await store.deleteCheckpoints('m-1', 'zendesk:users');
		expect(await store.getCheckpoint('m-1', 'zendesk:users')).toBeUndefined();
		await store.deleteCheckpoints('m-1');
		expect(await store.listCheckpoints('m-1')).toEqual([]);
		expect((await store.getCheckpoint('m-2', 'zendesk:users'))?.checkpoint).toEqual({ page: 9 });
	});
});

describe('events', () => {
	it('lists events newest first and pages back through events of the same millisecond without losing or repeating one', async () => {
		const { store, clock } = await openTestStore();
		for (let index = 0; index < 25; index++) {
			if (index % 10 === 0) clock.now += 1;
			await store.appendEvent({ migrationId: 'm-1', level: 'info', message: `event ${index}` });
		}
		await store.appendEvent({ migrationId: 'm-2', level: 'info', message: 'elsewhere' });

		const seen: string[] = [];
		let before: EventRecord | undefined;
		for (;;) {
			const page: EventRecord[] = await store.listEvents('m-1', before ? { limit: 4, before } : { limit: 4 });
			if (page.length === 0) break;
			seen.push(...page.map((event) => event.message));
			before = page[page.length - 1];
		}
		expect(seen).toEqual(Array.from({ length: 25 }, (_, index) => `event ${24 - index}`));
	});

	it('stores events with secrets redacted', async () => {
		const { store, factory } = await openTestStore();
		await store.appendEvent({
			migrationId: 'm-1',
			level: 'error',
			message: 'GET https://admin:hunter2@acme.zendesk.com/api/v2/users.json?api_token=zd-secret failed',
			data: { request: { headers: { Authorization: 'Basic YWRtaW46aHVudGVyMg==' } }, ticket: 42 }
		});
		const raw = JSON.stringify(await dumpDatabase(factory));
		expect(raw).not.toContain('hunter2');
		expect(raw).not.toContain('zd-secret');
		expect(raw).not.toContain('YWRtaW46aHVudGVyMg');
		expect(raw).toContain('"ticket":42');
	});

	it('prunes events older than a time and beyond the newest N', async () => {
		const { store, clock } = await openTestStore();
		const start = clock.now;
		for (let index = 0; index < 10; index++) {
			clock.now = start + index * 1000;
			await store.appendEvent({ migrationId: 'm-1', level: 'info', message: `event ${index}` });
		}
		expect(await store.pruneEvents('m-1', { olderThan: start + 3000 })).toBe(3);
		expect(await store.pruneEvents('m-1', { keepLatest: 4 })).toBe(3);
		expect((await store.listEvents('m-1', { limit: 100 })).map((event) => event.message)).toEqual(['event 9', 'event 8', 'event 7', 'event 6']);
	});
});

describe('storage', () => {
	it('estimates usage where the browser can, and says nothing where it cannot', async () => {
		expect(await estimateUsage(undefined)).toBeUndefined();
		expect(await estimateUsage({ estimate: async () => ({ usage: 1200, quota: 10_000 }) })).toEqual({ usageBytes: 1200, quotaBytes: 10_000 });
	});

	it('turns a full quota into a storage-full error the user can act on', () => {
		const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		expect(toStorageError(quota)).toMatchObject({ kind: 'storage-full' });
		const bug = new DOMException('Bad key', 'DataError');
		expect(toStorageError(bug)).toBe(bug);
	});

	it('answers a call after the store was closed with storage-unavailable', async () => {
		const { store } = await openTestStore();
		store.close();
		await expect(store.getMigration('m-1')).rejects.toMatchObject({ kind: 'storage-unavailable' });
	});
});
