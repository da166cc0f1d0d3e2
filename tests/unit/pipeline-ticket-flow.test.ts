// The ticket flow: tickets prepared a few at once, batches spanning source pages, two batches out at most, pause and cancel safe.
import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/lib/engine/connectors/source';
import type { Ticket } from '../../src/lib/engine/model';
import { MigrationError } from '../../src/lib/engine/errors';
import { RunControl } from '../../src/lib/engine/pipeline/control';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import type { MigrationSettings } from '../../src/lib/engine/store';
import { comment, FakeTarget, fakeSource, ticket, user, type FakeSourceData } from './pipeline-fakes';
import { openTestStore } from './store-fixtures';

function account(count = 10): FakeSourceData {
	const users = [user('1'), user('2'), user('9', { role: 'agent' })];
	const tickets = Array.from({ length: count }, (_, index) => ticket(`t${index}`, String((index % 2) + 1), { assigneeId: '9' }));
	const comments = new Map(tickets.map((each) => [each.id, [comment(`${each.id}-c1`, each.id, each.requesterId!)]]));
	return { teams: [], fields: [], organizations: [], users, tickets, comments };
}

async function setup(data = account()) {
	const { store } = await openTestStore();
	const migration = await store.createMigration({ name: 'm', source: { platform: 'zendesk', url: 'https://s.test' }, target: { url: 'https://k.test', email: 'a@k.test' }, proxyUrl: '' });
	return { store, migrationId: migration.id, data, source: fakeSource(data), target: new FakeTarget() };
}

/** Lets every other waiting task run a turn (no clock involved). */
async function turns(count = 5): Promise<void> {
	for (let index = 0; index < count; index++) await new Promise<void>((resolve) => setImmediate(resolve));
}

const OPTIONS = { entities: ['users', 'tickets'] as const, defaultAgentId: 999 };

describe('the ticket flow', () => {
	it('sends the tickets of several source pages in one bulk create of up to 200', async () => {
		const { store, migrationId, source, target } = await setup();
		const sizes: number[] = [];
		const original = target.tickets;
		target.tickets = async (bundles, refs) => {
			sizes.push(bundles.length);
			return original(bundles, refs);
		};
		// The fake source reads three tickets a page: four pages, one batch.
		const run = await executeRun({ store, source, target, migrationId, kind: 'full', options: { ...OPTIONS } });
		expect(run.state).toBe('finished');
		expect(sizes).toEqual([10]);
		expect(target.ids('tickets')).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']);
		expect(run.counters.tickets).toEqual({ total: 10, migrated: 10, failed: 0, skipped: 0 });
	});

	it('prepares as many tickets at once as its pool allows, never more', async () => {
		const { store, migrationId, source, target } = await setup();
		let reading = 0;
		let most = 0;
		const comments = source.comments.bind(source);
		source.comments = async (ticketId, signal) => {
			most = Math.max(most, ++reading);
			await turns();
			reading--;
			return comments(ticketId, signal);
		};
		const run = await executeRun({ store, source, target, migrationId, kind: 'full', options: { ...OPTIONS, ticketPool: 3, batchSize: 200 } });
		expect(run.state).toBe('finished');
		// Pages of three: the pool is full on each.
		expect(most).toBe(3);
		expect(target.ids('tickets')).toHaveLength(10);
	});

	it('sends the next batch while the last one is still out, never more than two at once, each ticket once', async () => {
		const { store, migrationId, source, target } = await setup();
		let out = 0;
		let most = 0;
		const original = target.tickets;
		target.tickets = async (bundles, refs) => {
			most = Math.max(most, ++out);
			await turns(20);
			out--;
			return original(bundles, refs);
		};
		const run = await executeRun({ store, source, target, migrationId, kind: 'full', options: { ...OPTIONS, batchSize: 2 } });
		expect(run.state).toBe('finished');
		expect(most).toBe(2);
		expect(target.ids('tickets')).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']);
		expect(run.counters.tickets).toEqual({ total: 10, migrated: 10, failed: 0, skipped: 0 });
	});

	it('creates a ticket the export shows twice once, even when its first copy is still waiting for its batch', async () => {
		const { store, migrationId, data, source, target } = await setup(account(4));
		// An incremental export shows a ticket updated during the export again on a later page.
		const [t0, t1, t2, t3] = data.tickets as [Ticket, Ticket, Ticket, Ticket];
		const shown: Ticket[][] = [[t0, t1], [t2, { ...t1, subject: 'Changed while exported' }], [t3]];
		source.tickets = async function* (): AsyncIterable<Page<Ticket>> {
			for (const [index, records] of shown.entries()) yield { records, checkpoint: String(index + 1), done: index === shown.length - 1 };
		};
		const run = await executeRun({ store, source, target, migrationId, kind: 'full', options: { ...OPTIONS } });
		expect(run.state).toBe('finished');
		expect(target.ids('tickets')).toEqual(['t0', 't1', 't2', 't3']);
		expect(run.counters.tickets).toEqual({ total: 4, migrated: 4, failed: 0, skipped: 0 });
	});

	it('sends the partial batch when paused, so nothing prepared waits unsent, and goes on when resumed', async () => {
		const { store, migrationId, source, target } = await setup();
		const control = new RunControl();
		const comments = source.comments.bind(source);
		source.comments = async (ticketId, signal) => {
			if (ticketId === 't5') control.pause();
			return comments(ticketId, signal);
		};
		const running = executeRun({ store, source, target, migrationId, kind: 'full', control, options: { ...OPTIONS } });
		for (let index = 0; index < 500 && target.ids('tickets').length === 0; index++) await turns(1);
		expect(control.paused).toBe(true);
		const whilePaused = target.ids('tickets');
		expect(whilePaused.length).toBeGreaterThan(0);
		expect(whilePaused.length).toBeLessThan(10);
		control.resume();
		const run = await running;
		expect(run.state).toBe('finished');
		expect(target.ids('tickets')).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']);
	});

	it('on cancel lets the batch that is out finish and leaves no ticket pending', async () => {
		const { store, migrationId, source, target } = await setup();
		const control = new RunControl();
		const original = target.tickets;
		target.tickets = async (bundles, refs) => {
			// Cancelled while this batch is with Kayako.
			control.cancel();
			await turns();
			return original(bundles, refs);
		};
		const run = await executeRun({ store, source, target, migrationId, kind: 'full', control, options: { ...OPTIONS, batchSize: 4 } });
		expect(run.state).toBe('cancelled');
		// Whole batches went (the next may have gone before the cancel); the rest was never sent, not even partly.
		const sent = target.ids('tickets');
		expect(sent.length % 4).toBe(0);
		expect(sent.length).toBeGreaterThan(0);
		expect(sent.length).toBeLessThan(10);
		for (let index = 0; index < 10; index++) {
			const row = await store.getIdMapRow({ migrationId, entity: 'tickets', sourceId: `t${index}` });
			expect(row?.status).toBe(sent.includes(`t${index}`) ? 'migrated' : undefined);
		}
	});

	it('stops the run when a batch out fails for good while the next waits its turn, and the resume sends what was left', async () => {
		const { store, migrationId, data, source, target } = await setup();
		// One page of ten: the batch that fails, the one out beside it and the one waiting its turn all belong to it.
		source.tickets = async function* (): AsyncIterable<Page<Ticket>> {
			yield { records: data.tickets, checkpoint: '1', done: true };
		};
		const original = target.tickets;
		let calls = 0;
		target.tickets = async (bundles, refs) => {
			const call = ++calls;
			await turns(call === 1 ? 20 : 1);
			if (call === 1) throw new MigrationError({ kind: 'proxy-unreachable', message: 'The proxy went away.' });
			return original(bundles, refs);
		};
		const first = await executeRun({ store, source, target, migrationId, kind: 'full', options: { ...OPTIONS, batchSize: 2 } });
		expect(first.state).toBe('failed');
		target.tickets = original;
		const resumed = await executeRun({ store, source, target, migrationId, resume: first.id });
		expect(resumed.state).toBe('finished');
		expect(target.ids('tickets')).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']);
		expect(resumed.counters.tickets).toEqual({ total: 10, migrated: 10, failed: 0, skipped: 0 });
	});

	it('takes its pool size from the saved settings (the runner\'s config file), a whole number or nothing', () => {
		const settings = (options: MigrationSettings['options']) => ({ options, filters: {}, mappings: { agents: {}, teams: {}, fields: {} } }) as unknown as MigrationSettings;
		expect(pipelineOptionsFrom(settings({ ticketPool: 4, batchSize: 200 }))).toMatchObject({ ticketPool: 4, batchSize: 200 });
		expect(pipelineOptionsFrom(settings({ ticketPool: 'many' })).ticketPool).toBeUndefined();
	});
});
