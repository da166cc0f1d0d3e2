// The pipeline's promises on an in-memory source and target: nothing twice, nothing lost, resumable, reversible.
import { describe, expect, it } from 'vitest';
import { MigrationError } from '../../src/lib/engine/errors';
import { RunControl } from '../../src/lib/engine/pipeline/control';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { resultsTable } from '../../src/lib/engine/reports/report';
import { comment, FakeTarget, fakeSource, ticket, user, type FakeSourceData } from './pipeline-fakes';
import { openTestStore } from './store-fixtures';

function account(): FakeSourceData {
	const users = [user('1'), user('2'), user('3'), user('9', { role: 'agent' }), user('8', { role: 'agent', active: false })];
	const tickets = Array.from({ length: 10 }, (_, index) => ticket(`t${index}`, String((index % 3) + 1), { assigneeId: index % 2 ? '9' : '8' }));
	const comments = new Map(tickets.map((each) => [each.id, [comment(`${each.id}-c1`, each.id, each.requesterId!), comment(`${each.id}-c2`, each.id, '9', false)]]));
	return { teams: [{ id: 'g1', name: 'Support' }], fields: [], organizations: [{ id: 'o1', name: 'Acme', domains: ['acme.test'], tags: [], fields: {} }], users, tickets, comments };
}

async function setup() {
	const { store, clock } = await openTestStore();
	const migration = await store.createMigration({ name: 'm', source: { platform: 'zendesk', url: 'https://s.test' }, target: { url: 'https://k.test', email: 'a@k.test' }, proxyUrl: '' });
	const data = account();
	return { store, clock, migrationId: migration.id, data, source: fakeSource(data), target: new FakeTarget() };
}

describe('a full run', () => {
	it('moves every record once, skips the departed agent and hands their tickets to the default agent', async () => {
		const { store, migrationId, source, target } = await setup();
		const run = await executeRun({ store, source, target, migrationId, kind: 'full', options: { defaultAgentId: 999, batchSize: 4 } });
		expect(run.state).toBe('finished');
		expect(target.ids('tickets')).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']);
		expect(target.ids('users')).toEqual(['1', '2', '3', '9']);
		const table = await resultsTable(store, migrationId);
		expect(table.tickets).toEqual({ total: 10, migrated: 10, failed: 0, skipped: 0 });
		expect(table.users).toEqual({ total: 5, migrated: 4, failed: 0, skipped: 1 });
		const handedOver = await store.getIdMapRow({ migrationId, entity: 'tickets', sourceId: 't0' });
		expect(handedOver?.reason).toMatch(/^The assignee User 8 \(u8@example\.test\) was not moved to Kayako\. The case is assigned to the default agent\./);
	});

	it('creates nothing twice when answers are lost after Kayako acted, and retries what failed before acting', async () => {
		const { store, migrationId, source, target } = await setup();
		target.trouble.push('lost-answer', 'fail-before', 'lost-answer', 'fail-before', 'lost-answer');
		const run = await executeRun({ store, source, target, migrationId, kind: 'full', options: { defaultAgentId: 999, batchSize: 4 } });
		expect(run.state).toBe('finished');
		expect(target.ids('tickets')).toHaveLength(10);
		expect(new Set(target.ids('tickets')).size).toBe(10);
		expect(target.ids('users')).toEqual(['1', '2', '3', '9']);
		expect(target.ids('teams')).toEqual(['g1']);
	});

	it('reports a refused record with its reason and goes on with the rest', async () => {
		const { store, migrationId, source, target } = await setup();
		// Teams, organisation, then the first user create is refused.
		target.trouble.push(undefined as never, undefined as never, 'refuse');
		const run = await executeRun({ store, source, target, migrationId, kind: 'full', options: { defaultAgentId: 999 } });
		expect(run.state).toBe('finished');
		const failed = await store.listIdMap({ by: 'migration-status', migrationId, status: 'failed' }, { limit: 10 });
		expect(failed.rows).toHaveLength(1);
		expect(failed.rows[0]?.reason).toMatch(/refused/);
		expect(target.ids('tickets')).toHaveLength(10);
	});
});

describe('a run that dies', () => {
	it('resumes from its checkpoint with nothing created twice and nothing missing', async () => {
		const { store, migrationId, source, target } = await setup();
		// The second ticket batch acts in Kayako, then the proxy dies before the answer comes back; a batch sent
		// after that (the next one goes while the last is still out) reaches nothing.
		let creates = 0;
		const original = target.tickets;
		target.tickets = async (bundles, refs) => {
			if (++creates > 2) throw new MigrationError({ kind: 'proxy-unreachable', message: 'The proxy is gone.' });
			const outcomes = await original(bundles, refs);
			if (creates === 2) throw new MigrationError({ kind: 'proxy-unreachable', message: 'The proxy went away.' });
			return outcomes;
		};
		const first = await executeRun({ store, source, target, migrationId, kind: 'full', options: { defaultAgentId: 999, batchSize: 4 } });
		expect(first.state).toBe('failed');
		expect(target.ids('tickets')).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7']);

		// A new worker resumes: the pending four are found in Kayako, not sent again.
		target.tickets = original;
		const resumed = await executeRun({ store, source, target, migrationId, resume: first.id });
		expect(resumed.state).toBe('finished');
		expect(target.ids('tickets')).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']);
		expect(target.ids('users')).toEqual(['1', '2', '3', '9']);
	});

	it('stops at once on cancel and keeps what moved', async () => {
		const { store, migrationId, source, target } = await setup();
		const control = new RunControl();
		let seen = 0;
		const run = await executeRun({
			store,
			source,
			target,
			migrationId,
			kind: 'full',
			control,
			options: { defaultAgentId: 999 },
			onProgress: () => {
				if (++seen === 5) control.cancel();
			}
		});
		expect(run.state).toBe('cancelled');
		expect(target.held.size).toBeGreaterThan(0);
		expect(target.ids('tickets').length).toBeLessThan(10);
	});
});

describe('a demo', () => {
	it('moves the sampled tickets with just the users they reference, and the same seed picks the same tickets', async () => {
		const { store, migrationId, source, target } = await setup();
		const demo = { size: 3, seed: 7, candidates: 100 };
		await executeRun({ store, source, target, migrationId, kind: 'demo', options: { defaultAgentId: 999, demo } });
		const picked = target.ids('tickets');
		expect(picked).toHaveLength(3);
		const requesters = new Set(picked.map((id) => String((Number(id.slice(1)) % 3) + 1)));
		for (const id of requesters) expect(target.ids('users')).toContain(id);
		expect(target.ids('organizations')).toEqual([]);

		const again = new FakeTarget();
		const other = await setup();
		await executeRun({ store: other.store, source: other.source, target: again, migrationId: other.migrationId, kind: 'demo', options: { defaultAgentId: 999, demo } });
		expect(again.ids('tickets')).toEqual(picked);
	});
});

describe('rollback', () => {
	it('deletes what the demo created and keeps what a later run made', async () => {
		const { store, migrationId, source, target } = await setup();
		const demo = await executeRun({ store, source, target, migrationId, kind: 'demo', options: { defaultAgentId: 999, demo: { size: 2, seed: 1, candidates: 10 } } });
		expect(target.held.size).toBeGreaterThan(0);
		const rollback = await executeRun({ store, source, target, migrationId, kind: 'rollback', rollsBack: [demo.id] });
		expect(rollback.state).toBe('finished');
		expect(target.held.size).toBe(0);
		expect(await resultsTable(store, migrationId)).toEqual({});
		expect((await store.getRun(demo.id))?.rolledBackBy).toBe(rollback.id);
	});

	it('keeps an inactive customer the demo created once a full run needed it again, until the full run is rolled back too', async () => {
		const { store, migrationId, data, source, target } = await setup();
		// Every ticket's requester is a customer who left: a demo creates them because a ticket needs them.
		data.users.push(user('4', { active: false }));
		for (const each of data.tickets) each.requesterId = '4';
		for (const [id, thread] of data.comments) data.comments.set(id, thread.map((each) => ({ ...each, authorId: '9' })));
		const demo = await executeRun({ store, source, target, migrationId, kind: 'demo', options: { defaultAgentId: 999, demo: { size: 2, seed: 1, candidates: 10 } } });
		expect(target.ids('users')).toContain('4');
		const full = await executeRun({ store, source, target, migrationId, kind: 'full', options: { defaultAgentId: 999 } });
		expect(full.state).toBe('finished');
		// Not skipped by the full run, not created twice, still the demo's.
		expect(target.ids('users').filter((id) => id === '4')).toHaveLength(1);
		expect(await store.getIdMapRow({ migrationId, entity: 'users', sourceId: '4' })).toMatchObject({ status: 'migrated', createdBy: demo.id });

		// The full run's tickets name this customer as requester: the demo's rollback leaves it, now the full run's.
		const rollback = await executeRun({ store, source, target, migrationId, kind: 'rollback', rollsBack: [demo.id] });
		expect(rollback.state).toBe('finished');
		expect(target.ids('users')).toContain('4');
		expect(await store.getIdMapRow({ migrationId, entity: 'users', sourceId: '4' })).toMatchObject({ status: 'migrated', createdBy: full.id });
		const second = await executeRun({ store, source, target, migrationId, kind: 'rollback', rollsBack: [full.id] });
		expect(second.state).toBe('finished');
		expect(target.ids('users')).not.toContain('4');
		expect(target.held.size).toBe(0);
	});
});

describe('a delta', () => {
	it('moves new tickets, appends new comments, updates changed users, and leaves the rest alone', async () => {
		const { store, clock, migrationId, data, source, target } = await setup();
		clock.now = Date.parse('2024-06-01T00:00:00Z');
		const full = await executeRun({ store, source, target, migrationId, kind: 'full', options: { defaultAgentId: 999 } });
		expect(full.state).toBe('finished');
		const callsAfterFull = target.calls;

		clock.now = Date.parse('2024-06-02T00:00:00Z');
		const later = '2024-06-01T12:00:00Z';
		data.tickets.push(ticket('t10', '1', { createdAt: later, updatedAt: later }));
		data.comments.set('t10', [comment('t10-c1', 't10', '1')]);
		const changed = data.tickets[0]!;
		changed.updatedAt = later;
		data.comments.get('t0')!.push(comment('t0-c3', 't0', '9'));
		const renamed = data.users[0]!;
		data.users[0] = { ...renamed, name: 'Renamed', updatedAt: later };

		const delta = await executeRun({ store, source, target, migrationId, kind: 'delta', options: { defaultAgentId: 999 } });
		expect(delta.error).toBeUndefined();
		expect(delta.state).toBe('finished');
		expect(target.ids('tickets')).toHaveLength(11);
		const t0 = [...target.held.values()].find((each) => each.kind === 'tickets' && each.sourceId === 't0');
		expect(t0?.comments).toEqual(['t0-c1', 't0-c2', 't0-c3']);
		const user1 = [...target.held.values()].find((each) => each.kind === 'users' && each.sourceId === '1');
		expect((user1?.record as { name: string }).name).toBe('Renamed');
		// One user update, one ticket update, one ticket create: nothing else was sent.
		expect(target.calls - callsAfterFull).toBe(3);
	});

	it('reaches back before the full run started: a ticket changed in the minute before it, which its export left out, still moves', async () => {
		const { store, clock, migrationId, data, source, target } = await setup();
		clock.now = Date.parse('2024-06-01T00:00:00Z');
		// Written 30 seconds before the full run started: an export leaves out its last minute, so the full run did not see it.
		const late = '2024-05-31T23:59:30Z';
		const hidden = ticket('t20', '1', { createdAt: late, updatedAt: late });
		const full = await executeRun({ store, source, target, migrationId, kind: 'full', options: { defaultAgentId: 999 } });
		expect(full.state).toBe('finished');
		const callsAfterFull = target.calls;

		data.tickets.push(hidden);
		data.comments.set('t20', [comment('t20-c1', 't20', '1')]);
		clock.now = Date.parse('2024-06-02T00:00:00Z');
		const delta = await executeRun({ store, source, target, migrationId, kind: 'delta', options: { defaultAgentId: 999 } });
		expect(delta.error).toBeUndefined();
		expect([...target.held.values()].filter((each) => each.kind === 'tickets' && each.sourceId === 't20')).toHaveLength(1);
		// The overlap reads again what the full run moved; none of it is sent twice.
		expect(target.calls - callsAfterFull).toBe(1);
	});
});
