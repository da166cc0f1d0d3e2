// Inactive source users on an in-memory source and target: disabled after the tickets, only when the tool created them, once.
import { describe, expect, it } from 'vitest';
import { MigrationError } from '../../src/lib/engine/errors';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { comment, FakeTarget, fakeSource, ticket, user, type FakeSourceData } from './pipeline-fakes';
import { openTestStore } from './store-fixtures';

function account(): FakeSourceData {
	const users = [user('1'), user('2', { active: false }), user('8', { role: 'agent', active: false, teamIds: ['g1'] }), user('7', { role: 'agent', active: false, teamIds: ['g1'] }), user('9', { role: 'agent', teamIds: ['g1'] })];
	const tickets = Array.from({ length: 6 }, (_, index) => ticket(`t${index}`, index % 2 ? '2' : '1', { assigneeId: index % 3 ? '9' : '8' }));
	const comments = new Map(tickets.map((each) => [each.id, [comment(`${each.id}-c1`, each.id, each.requesterId!), comment(`${each.id}-c2`, each.id, each.assigneeId!, false)]]));
	return { teams: [{ id: 'g1', name: 'Support' }], fields: [], organizations: [], users, tickets, comments };
}

async function setup() {
	const { store } = await openTestStore();
	const migration = await store.createMigration({ name: 'm', source: { platform: 'zendesk', url: 'https://s.test' }, target: { url: 'https://k.test', email: 'a@k.test' }, proxyUrl: '' });
	return { store, migrationId: migration.id, source: fakeSource(account()), target: new FakeTarget() };
}

function kayakoIdOf(target: FakeTarget, sourceId: string) {
	return [...target.held].find(([, held]) => held.kind === 'users' && held.sourceId === sourceId)?.[0];
}

describe('inactive users', () => {
	it('are disabled once their tickets are in, except the ones matched to an existing Kayako user', async () => {
		const { store, migrationId, source, target } = await setup();
		let ticketsDone = false;
		const original = target.tickets;
		target.tickets = async (bundles, refs) => {
			expect(target.disabled).toEqual([]);
			ticketsDone = true;
			return original(bundles, refs);
		};
		const options = { migrateInactiveUsers: true, agents: { '7': { action: 'match' as const, kayakoId: 500 } } };
		const run = await executeRun({ store, source, target, migrationId, kind: 'full', options });
		expect(run.state).toBe('finished');
		expect(ticketsDone).toBe(true);
		expect([...target.disabled].sort()).toEqual([kayakoIdOf(target, '2'), kayakoIdOf(target, '8')].sort());

		// A second run finds them disabled already and sends nothing.
		await executeRun({ store, source, target, migrationId, kind: 'full', options });
		expect(target.disabled).toHaveLength(2);
	});

	it('are disabled on resume when the run died before the end, each once but the one whose answer was lost', async () => {
		const { store, migrationId, source, target } = await setup();
		const original = target.disableUser;
		target.disableUser = async (kayakoId) => {
			await original(kayakoId);
			throw new MigrationError({ kind: 'proxy-unreachable', message: 'The proxy went away.' });
		};
		const first = await executeRun({ store, source, target, migrationId, kind: 'full', options: { migrateInactiveUsers: true } });
		expect(first.state).toBe('failed');
		expect(target.disabled).toHaveLength(1);
		target.disableUser = original;
		const resumed = await executeRun({ store, source, target, migrationId, resume: first.id });
		expect(resumed.state).toBe('finished');
		// The one whose answer was lost is disabled again (harmless), the others for the first time; nobody is left enabled.
		expect(new Set(target.disabled)).toEqual(new Set(['2', '7', '8'].map((id) => kayakoIdOf(target, id))));
		expect(target.disabled).toHaveLength(4);
		expect(target.ids('users')).toEqual(['1', '2', '7', '8', '9']);
	});

	it('stay enabled after a demo, which leaves them for the full run to disable', async () => {
		const { store, migrationId, source, target } = await setup();
		await executeRun({ store, source, target, migrationId, kind: 'demo', options: { migrateInactiveUsers: true, demo: { size: 6, seed: 1, candidates: 10 } } });
		expect(target.ids('users')).toContain('2');
		expect(target.disabled).toEqual([]);
		await executeRun({ store, source, target, migrationId, kind: 'full', options: { migrateInactiveUsers: true } });
		expect(target.disabled).toContain(kayakoIdOf(target, '2'));
	});
});
