// A resumed run's progress starts from what the id map holds for it: no records lost from the counts, none counted twice.
import { describe, expect, it } from 'vitest';
import { MigrationError } from '../../src/lib/engine/errors';
import type { ProgressReport } from '../../src/lib/engine/pipeline/progress';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { resultsTable } from '../../src/lib/engine/reports/report';
import { comment, FakeTarget, fakeSource, ticket, user, type FakeSourceData } from './pipeline-fakes';
import { openTestStore } from './store-fixtures';

function account(): FakeSourceData {
	const users = [user('1', { organizationId: 'o1' }), user('2'), user('3'), user('9', { role: 'agent' }), user('8', { role: 'agent', active: false })];
	const tickets = Array.from({ length: 10 }, (_, index) => ticket(`t${index}`, String((index % 3) + 1), { assigneeId: '9' }));
	const comments = new Map(tickets.map((each) => [each.id, [comment(`${each.id}-c1`, each.id, each.requesterId!)]]));
	// A system field is skipped on every walk over the fields, a resumed one too.
	const fields = [{ id: 'f1', entity: 'ticket' as const, title: 'Subject', type: 'text' as const, options: [], active: true, system: true }];
	return { teams: [{ id: 'g1', name: 'Support' }], fields, organizations: [{ id: 'o1', name: 'Acme', domains: ['acme.test'], tags: [], fields: {} }], users, tickets, comments };
}

describe('progress of a resumed run', () => {
	it('counts the records the run did before it crashed in its first report, and counts none of them twice', async () => {
		const { store } = await openTestStore();
		const migration = await store.createMigration({ name: 'm', source: { platform: 'zendesk', url: 'https://s.test' }, target: { url: 'https://k.test', email: 'a@k.test' }, proxyUrl: '' });
		const source = fakeSource(account());
		const target = new FakeTarget();
		// The second batch of tickets acts in Kayako, then the proxy dies before the answer comes back.
		let batches = 0;
		const original = target.tickets;
		target.tickets = async (bundles, refs) => {
			if (++batches > 2) throw new MigrationError({ kind: 'proxy-unreachable', message: 'The proxy is gone.' });
			const outcomes = await original(bundles, refs);
			if (batches === 2) throw new MigrationError({ kind: 'proxy-unreachable', message: 'The proxy went away.' });
			return outcomes;
		};
		const crashed = await executeRun({ store, source, target, migrationId: migration.id, kind: 'full', options: { defaultAgentId: 999, batchSize: 4 } });
		expect(crashed.state).toBe('failed');
		// Batches of four span the source's pages of three: the first batch moved, the second is pending.
		expect(crashed.counters?.tickets).toEqual({ total: 4, migrated: 4, failed: 0, skipped: 0 });

		target.tickets = original;
		const reports: ProgressReport[] = [];
		const resumed = await executeRun({ store, source, target, migrationId: migration.id, resume: crashed.id, onProgress: (report) => reports.push(report) });
		expect(resumed.state).toBe('finished');

		// Before it touches a record, the resumed run shows the teams, organisation, users and first tickets done before.
		expect(reports[0]?.entities).toEqual({
			teams: { total: 1, migrated: 1, failed: 0, skipped: 0 },
			fields: { total: 1, migrated: 0, failed: 0, skipped: 1 },
			organizations: { total: 1, migrated: 1, failed: 0, skipped: 0 },
			users: { total: 5, migrated: 4, failed: 0, skipped: 1 },
			tickets: { total: 4, migrated: 4, failed: 0, skipped: 0 }
		});
		// The first ticket the resumed run handles is the fifth counted: the ETA reckons with five left, not nine.
		const ticketsKnown = reports.find((report) => report.entities.tickets?.expected !== undefined);
		expect(ticketsKnown?.entities.tickets).toMatchObject({ expected: 10, total: 5, migrated: 5 });
		// The teams and fields walked again and the pending tickets found in Kayako are not counted twice: the run ends where the id map does.
		const table = await resultsTable(store, migration.id);
		expect(resumed.counters).toEqual({ teams: table.teams, fields: table.fields, organizations: table.organizations, users: table.users, tickets: table.tickets });
		expect(resumed.counters?.tickets).toEqual({ total: 10, migrated: 10, failed: 0, skipped: 0 });
	});

	it('starts from what a demo made before, which the run counted as there, so a finished stream is not shown as nothing done', async () => {
		const { store } = await openTestStore();
		const migration = await store.createMigration({ name: 'm', source: { platform: 'zendesk', url: 'https://s.test' }, target: { url: 'https://k.test', email: 'a@k.test' }, proxyUrl: '' });
		const source = fakeSource(account());
		const target = new FakeTarget();
		const options = { defaultAgentId: 999, batchSize: 4, demo: { size: 2, seed: 1, candidates: 10 } };
		// The demo brings the organisation and the users its tickets name, as references.
		expect((await executeRun({ store, source, target, migrationId: migration.id, kind: 'demo', options })).state).toBe('finished');

		let batches = 0;
		const original = target.tickets;
		target.tickets = async (bundles, refs) => {
			if (++batches === 2) throw new MigrationError({ kind: 'proxy-unreachable', message: 'The proxy went away.' });
			return original(bundles, refs);
		};
		const crashed = await executeRun({ store, source, target, migrationId: migration.id, kind: 'full', options });
		expect(crashed.state).toBe('failed');
		// The full run walked the whole organisations and users streams, counting the demo's records as there.
		expect(crashed.counters?.organizations).toEqual({ total: 1, migrated: 1, failed: 0, skipped: 0 });
		expect(crashed.counters?.users?.total).toBe(5);

		target.tickets = original;
		const reports: ProgressReport[] = [];
		const resumed = await executeRun({ store, source, target, migrationId: migration.id, resume: crashed.id, onProgress: (report) => reports.push(report) });
		expect(resumed.state).toBe('finished');
		// The organisation the demo made is done for this run too: 1 of 1 from the first report on, not 0 of 1.
		expect(reports[0]?.entities.organizations).toEqual(crashed.counters?.organizations);
		expect(reports[0]?.entities.users).toEqual(crashed.counters?.users);
		expect(resumed.counters?.organizations).toEqual({ total: 1, migrated: 1, failed: 0, skipped: 0 });
		expect(resumed.counters?.users?.total).toBe(5);
		expect(resumed.counters?.tickets).toEqual({ total: 10, migrated: 10, failed: 0, skipped: 0 });
	});
});
