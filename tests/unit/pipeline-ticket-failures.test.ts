// One ticket's trouble stays that ticket's: a comment read that fails fails it alone, and a ticket retried alone keeps every note.
import { describe, expect, it } from 'vitest';
import { MigrationError } from '../../src/lib/engine/errors';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import type { BatchOutcome } from '../../src/lib/engine/pipeline/target';
import { comment, FakeTarget, fakeSource, ticket, user, type FakeSourceData } from './pipeline-fakes';
import { openTestStore } from './store-fixtures';

function account(): FakeSourceData {
	const users = [user('1'), user('9', { role: 'agent' }), user('8', { role: 'agent', active: false })];
	const tickets = Array.from({ length: 6 }, (_, index) => ticket(`t${index}`, '1', { assigneeId: index === 0 ? '8' : '9' }));
	// t0's comment is by the departed agent: the default agent stands in for them.
	const comments = new Map(tickets.map((each) => [each.id, [comment(`${each.id}-c1`, each.id, each.id === 't0' ? '8' : '1')]]));
	return { teams: [], fields: [], organizations: [], users, tickets, comments };
}

async function setup() {
	const { store, clock } = await openTestStore();
	const migration = await store.createMigration({ name: 'm', source: { platform: 'zendesk', url: 'https://s.test' }, target: { url: 'https://k.test', email: 'a@k.test' }, proxyUrl: '' });
	const data = account();
	return { store, clock, migrationId: migration.id, data, source: fakeSource(data), target: new FakeTarget() };
}

const row = (store: Awaited<ReturnType<typeof setup>>['store'], migrationId: string, sourceId: string) => store.getIdMapRow({ migrationId, entity: 'tickets', sourceId });

describe('a ticket retried alone', () => {
	it('keeps the note about its substituted comment author next to what the writer noted', async () => {
		const { store, migrationId, source, target } = await setup();
		const original = target.tickets;
		let calls = 0;
		target.tickets = async (bundles, refs) => {
			calls++;
			const outcomes = await original(bundles, refs);
			// The batch: Kayako answers t0's row with a passing error, so t0 is retried alone.
			if (calls === 1) {
				target.held.delete([...target.held].find(([, held]) => held.sourceId === 't0')![0]);
				outcomes.set('t0', { ok: false, error: { kind: 'server-error', message: 'Kayako answered 503 for this row.' } });
			}
			// Alone: created, with a note of the writer's.
			if (calls === 2) outcomes.set('t0', { ...(outcomes.get('t0') as BatchOutcome & { ok: true }), note: 'One attachment was left out (too large).' });
			return outcomes;
		};
		const run = await executeRun({ store, source, target, migrationId, kind: 'full', options: { defaultAgentId: 999, batchSize: 10 } });
		expect(run.state).toBe('finished');
		// Two pages of three in one batch (batches span source pages), then t0 alone.
		expect(calls).toBe(2);
		expect(target.ids('tickets')).toEqual(['t0', 't1', 't2', 't3', 't4', 't5']);
		const t0 = await row(store, migrationId, 't0');
		expect(t0?.status).toBe('migrated');
		expect(t0?.reason).toMatch(/^User 8 \(u8@example\.test\), assignee and comment author, was not moved to Kayako\. The case is assigned to the default agent\. Their posts are filed under the default agent/);
		expect(t0?.reason).toMatch(/One attachment was left out/);
		expect(t0?.parts).toEqual(['t0-c1']);
	});
});

describe('a ticket whose comments cannot be read', () => {
	it('fails alone with its reason while the others move, and a passing failure is read again', async () => {
		const { store, migrationId, source, target } = await setup();
		let t4Reads = 0;
		const read = source.comments;
		source.comments = async (ticketId, signal) => {
			if (ticketId === 't2') throw new MigrationError({ kind: 'not-found', message: 'Zendesk answered 404 for the comments of ticket t2.' });
			if (ticketId === 't4' && ++t4Reads === 1) throw new MigrationError({ kind: 'malformed-response', message: 'Zendesk answered with truncated JSON.' });
			return read(ticketId, signal);
		};
		const run = await executeRun({ store, source, target, migrationId, kind: 'full', options: { defaultAgentId: 999, batchSize: 10 } });
		expect(run.error).toBeUndefined();
		expect(run.state).toBe('finished');
		expect(target.ids('tickets')).toEqual(['t0', 't1', 't3', 't4', 't5']);
		const t2 = await row(store, migrationId, 't2');
		expect(t2?.status).toBe('failed');
		expect(t2?.reason).toMatch(/comments of ticket t2/);
	});

	it('stops the run when the failure is fatal (the login is refused)', async () => {
		const { store, migrationId, source, target } = await setup();
		source.comments = async () => {
			throw new MigrationError({ kind: 'auth-failed', message: 'Zendesk refused the token.' });
		};
		const run = await executeRun({ store, source, target, migrationId, kind: 'full', options: { defaultAgentId: 999 } });
		expect(run.state).toBe('failed');
		expect(run.error?.kind).toBe('auth-failed');
		expect(target.ids('tickets')).toEqual([]);
	});
});

describe('a ticket whose delta update failed', () => {
	it('is updated by the next delta that sees it, not created again, and gets every new comment', async () => {
		const { store, clock, migrationId, data, source, target } = await setup();
		clock.now = Date.parse('2029-01-01T00:00:00Z');
		const full = await executeRun({ store, source, target, migrationId, kind: 'full', options: { defaultAgentId: 999 } });
		expect(full.state).toBe('finished');
		const t1 = data.tickets.find((each) => each.id === 't1')!;
		const change = (commentId: string, updatedAt: string) => {
			t1.updatedAt = updatedAt;
			data.comments.get('t1')!.push(comment(commentId, 't1', '1'));
		};
		clock.now = Date.parse('2030-01-02T00:00:00Z');
		change('t1-c2', '2030-01-01T00:00:00Z');
		const update = target.updateTicket;
		target.updateTicket = async () => {
			throw new MigrationError({ kind: 'invalid-request', message: 'Kayako refused the update.' });
		};
		const first = await executeRun({ store, source, target, migrationId, kind: 'delta' });
		expect(first.state).toBe('finished');
		expect((await row(store, migrationId, 't1'))?.status).toBe('failed');

		target.updateTicket = update;
		clock.now = Date.parse('2031-01-02T00:00:00Z');
		change('t1-c3', '2031-01-01T00:00:00Z');
		const second = await executeRun({ store, source, target, migrationId, kind: 'delta' });
		expect(second.state).toBe('finished');
		expect(target.ids('tickets')).toEqual(['t0', 't1', 't2', 't3', 't4', 't5']);
		const held = [...target.held.values()].find((each) => each.sourceId === 't1')!;
		expect(held.comments).toEqual(['t1-c1', 't1-c2', 't1-c3']);
		expect(await row(store, migrationId, 't1')).toMatchObject({ status: 'migrated', parts: ['t1-c1', 't1-c2', 't1-c3'] });
	});
});

describe('a ticket found again after a crash', () => {
	it('counts as moved only the comments older than the send: one written since goes in with the next delta', async () => {
		const { store, clock, migrationId, data, source, target } = await setup();
		clock.now = Date.parse('2029-01-01T00:00:00Z');
		// The first batch acts in Kayako, then the worker dies before the answer comes back.
		const original = target.tickets;
		target.tickets = async (bundles, refs) => {
			await original(bundles, refs);
			throw new MigrationError({ kind: 'proxy-unreachable', message: 'The proxy went away.' });
		};
		const first = await executeRun({ store, source, target, migrationId, kind: 'full', options: { defaultAgentId: 999, batchSize: 10 } });
		expect(first.state).toBe('failed');
		target.tickets = original;
		// Written after that send, before the run is resumed.
		const t0 = data.tickets.find((each) => each.id === 't0')!;
		t0.updatedAt = '2029-01-01T00:30:00Z';
		data.comments.get('t0')!.push({ ...comment('t0-late', 't0', '1'), createdAt: '2029-01-01T00:30:00Z' });
		clock.now = Date.parse('2029-01-01T01:00:00Z');
		const resumed = await executeRun({ store, source, target, migrationId, resume: first.id });
		expect(resumed.state).toBe('finished');
		expect(target.ids('tickets')).toEqual(['t0', 't1', 't2', 't3', 't4', 't5']);
		expect((await row(store, migrationId, 't0'))?.parts).toEqual(['t0-c1']);

		clock.now = Date.parse('2029-01-02T00:00:00Z');
		const delta = await executeRun({ store, source, target, migrationId, kind: 'delta' });
		expect(delta.state).toBe('finished');
		expect([...target.held.values()].find((each) => each.sourceId === 't0')?.comments).toEqual(['t0-c1', 't0-late']);
	});
});
