// "Recent tickets first" on an in-memory source and target: the last N days move before the history, each ticket once, also across a crash.
import { describe, expect, it } from 'vitest';
import { MigrationError } from '../../src/lib/engine/errors';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { resultsTable } from '../../src/lib/engine/reports/report';
import { comment, FakeTarget, fakeSource, ticket, user, type FakeSourceData } from './pipeline-fakes';
import { openTestStore } from './store-fixtures';

/** The test store's clock starts runs on 2025-01-01; "recent" is the last 30 days before that. */
const RECENT = ['t1', 't4', 't7', 't8', 't10', 't11'];

function account(): FakeSourceData {
	const users = [user('1'), user('2'), user('9', { role: 'agent' })];
	// Recent and old tickets interleaved in the source's own order, so reading order alone cannot put the recent first.
	const tickets = Array.from({ length: 12 }, (_, index) => {
		const id = `t${index}`;
		const time = RECENT.includes(id) ? `2024-12-${String(10 + index).padStart(2, '0')}T00:00:00Z` : `2023-0${(index % 9) + 1}-01T00:00:00Z`;
		return ticket(id, String((index % 2) + 1), { assigneeId: '9', createdAt: time, updatedAt: time });
	});
	const comments = new Map(tickets.map((each) => [each.id, [comment(`${each.id}-c1`, each.id, each.requesterId!)]]));
	return { teams: [{ id: 'g1', name: 'Support' }], fields: [], organizations: [], users, tickets, comments };
}

async function setup() {
	const { store } = await openTestStore();
	const migration = await store.createMigration({ name: 'm', source: { platform: 'zendesk', url: 'https://s.test' }, target: { url: 'https://k.test', email: 'a@k.test' }, proxyUrl: '' });
	return { store, migrationId: migration.id, source: fakeSource(account()), target: new FakeTarget() };
}

/** The tickets in the order Kayako received them. */
function created(target: FakeTarget): string[] {
	return [...target.held.values()].filter((each) => each.kind === 'tickets').map((each) => each.sourceId);
}

function expectRecentFirstAndOnce(target: FakeTarget): void {
	const order = created(target);
	expect([...order].sort()).toEqual(Array.from({ length: 12 }, (_, index) => `t${index}`).sort());
	expect(order.slice(0, RECENT.length).sort()).toEqual([...RECENT].sort());
}

/** Makes the n-th bulk create act in Kayako and then lose the proxy, the way a dying tab stops mid-request. */
function dieOnCreate(target: FakeTarget, n: number): () => void {
	const original = target.tickets;
	let calls = 0;
	// The n-th batch acts, then its answer is lost with the proxy; a batch sent after it (the next goes while the last is out) reaches nothing.
	target.tickets = async (bundles, refs) => {
		if (++calls > n) throw new MigrationError({ kind: 'proxy-unreachable', message: 'The proxy is gone.' });
		const outcomes = await original(bundles, refs);
		if (calls === n) throw new MigrationError({ kind: 'proxy-unreachable', message: 'The proxy went away.' });
		return outcomes;
	};
	return () => {
		target.tickets = original;
	};
}

const OPTIONS = { recentDays: 30, batchSize: 2 };

describe('recent tickets first', () => {
	it('writes the last N days before the older tickets, and every ticket exactly once', async () => {
		const { store, migrationId, source, target } = await setup();
		const run = await executeRun({ store, source, target, migrationId, kind: 'full', options: OPTIONS });
		expect(run.state).toBe('finished');
		expectRecentFirstAndOnce(target);
		expect((await resultsTable(store, migrationId)).tickets).toEqual({ total: 12, migrated: 12, failed: 0, skipped: 0 });
		expect(run.counters.tickets).toEqual({ total: 12, migrated: 12, failed: 0, skipped: 0 });
	});

	it('without the option moves the tickets in the source order', async () => {
		const { store, migrationId, source, target } = await setup();
		await executeRun({ store, source, target, migrationId, kind: 'full', options: { batchSize: 2 } });
		expect(created(target)).toEqual(Array.from({ length: 12 }, (_, index) => `t${index}`));
	});

	it('counts a filtered-out or refused recent ticket once, not again in the history', async () => {
		const { store, migrationId, source, target } = await setup();
		const original = target.tickets;
		target.tickets = async (bundles, refs) => {
			if (bundles.some((bundle) => bundle.ticket.id === 't4')) throw new MigrationError({ kind: 'invalid-request', message: 'Kayako refused the case.', status: 400 });
			return original(bundles, refs);
		};
		const run = await executeRun({ store, source, target, migrationId, kind: 'full', options: { ...OPTIONS, filters: { createdTo: '2024-12-17' } } });
		expect(run.state).toBe('finished');
		// t8, t10 and t11 were created after the filter's end; t4 is refused, and its batch-mate goes alone.
		expect(run.counters.tickets).toEqual({ total: 12, migrated: 8, failed: 1, skipped: 3 });
		expect(created(target).filter((id) => id === 't4')).toEqual([]);
	});

	it('resumes after a crash in the recent phase with the recent tickets still first and none twice', async () => {
		const { store, migrationId, source, target } = await setup();
		const heal = dieOnCreate(target, 2);
		const first = await executeRun({ store, source, target, migrationId, kind: 'full', options: OPTIONS });
		expect(first.state).toBe('failed');
		expect(created(target).length).toBeLessThan(RECENT.length);
		heal();
		const resumed = await executeRun({ store, source, target, migrationId, resume: first.id });
		expect(resumed.state).toBe('finished');
		expectRecentFirstAndOnce(target);
	});

	it('resumes after a crash in the history phase without sending a recent or an old ticket twice', async () => {
		const { store, migrationId, source, target } = await setup();
		// Six recent tickets in pages of three, two per batch: four bulk calls, so the fifth is in the history.
		const heal = dieOnCreate(target, 5);
		const first = await executeRun({ store, source, target, migrationId, kind: 'full', options: OPTIONS });
		expect(first.state).toBe('failed');
		expect(created(target).length).toBeGreaterThan(RECENT.length);
		heal();
		const resumed = await executeRun({ store, source, target, migrationId, resume: first.id });
		expect(resumed.state).toBe('finished');
		expectRecentFirstAndOnce(target);
		expect((await resultsTable(store, migrationId)).tickets).toEqual({ total: 12, migrated: 12, failed: 0, skipped: 0 });
	});
});
