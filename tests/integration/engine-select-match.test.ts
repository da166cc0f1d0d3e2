// The select and match steps' engine commands under Node, against both sandboxes through the real CORS proxy.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KAYAKO_SANDBOX_CREDENTIALS } from '../../server/sandbox/kayako/index';
import { groups } from '../../server/sandbox/zendesk/generator/catalog';
import { organizationFields, ticketFields, userFields } from '../../server/sandbox/zendesk/generator/fields';
import { generateUser, SHARED_AGENT_INDEX } from '../../server/sandbox/zendesk/generator/people';
import { isDeletedUserIndex } from '../../server/sandbox/zendesk/routes/deleted-users';
import { userCount } from '../../server/sandbox/zendesk/plan';
import { createEngine, type EngineApi, type EngineEvent } from '../../src/lib/engine/api';
import { connectors, newMigration, startHarness, type Harness } from './migration-harness';
import { connectedMigration, value } from './engine-fixtures';

let harness: Harness;
let engine: EngineApi;

beforeAll(async () => {
	harness = await startHarness({ tickets: 40 });
});

afterAll(async () => {
	await harness.close();
});

beforeEach(() => {
	harness.kayako.reset();
	harness.zendesk.reset();
	engine = createEngine({ indexedDB: new IDBFactory() });
});

/** Zendesk's built-in ticket field types, as its API documents them: never custom fields. */
const BUILT_IN_TICKET_FIELD_TYPES = ['subject', 'description', 'status', 'custom_status', 'tickettype', 'priority', 'group', 'assignee'];

describe('countSource', () => {
	it('counts every entity the Zendesk sandbox holds and reports each entity as it goes', async () => {
		const id = await connectedMigration(engine, harness);
		const events: EngineEvent[] = [];
		engine.subscribe((event) => void events.push(event));
		const counts = value(await engine.countSource(id));

		const plan = harness.zendesk.plan;
		// The tickets a migration reads: the export without the deleted ones.
		const { source } = await connectors((await newMigration(harness)).settings);
		let tickets = 0;
		for await (const page of source.tickets()) tickets += page.records.filter((ticket) => !ticket.deleted).length;
		const listedUsers = Array.from({ length: userCount(plan) }, (_, index) => index).filter((index) => !isDeletedUserIndex(plan, index)).length;
		expect(counts).toEqual({
			teams: groups(plan).filter((group) => !group.deleted).length,
			// Custom fields only: Zendesk's eight built-in ticket fields (subject, status, type, priority ...) are not counted.
			fields: ticketFields(plan).filter((field) => !BUILT_IN_TICKET_FIELD_TYPES.includes(field.type)).length + userFields(plan).length + organizationFields(plan).length,
			organizations: plan.organizations,
			users: listedUsers,
			tickets,
			articles: plan.articles
		});
		const progress = events.filter((event) => event.type === 'count-progress');
		expect(progress.filter((event) => event.count !== null).map((event) => event.entity)).toEqual(['teams', 'fields', 'organizations', 'users', 'tickets', 'articles']);
		expect(progress.at(-1)).toMatchObject({ done: 6, total: 6 });
	});

	it('asks for the password again when the source secret is not in memory', async () => {
		const id = await connectedMigration(engine, harness);
		value(await engine.forgetCredentials(id));
		const result = await engine.countSource(id);
		expect(result.ok ? undefined : result.error.kind).toBe('credentials-needed');
	});
});

describe('matchCandidates', () => {
	it('pairs the agent who shares an e-mail with a seeded Kayako agent, and groups with teams of the same name', async () => {
		const id = await connectedMigration(engine, harness);
		const candidates = value(await engine.matchCandidates(id));
		const plan = harness.zendesk.plan;

		// Every agent and admin, the deleted ones too.
		expect(candidates.agents.map((row) => row.agent.id).sort()).toEqual(Array.from({ length: plan.agents }, (_, index) => String(generateUser(plan, index).id)).sort());
		const shared = generateUser(plan, SHARED_AGENT_INDEX);
		const kayakoAgent2 = harness.kayako.state('acme').users.find((user) => user.emails.includes(KAYAKO_SANDBOX_CREDENTIALS.agent2.email));
		expect(kayakoAgent2).toBeDefined();
		const byEmail = candidates.agents.filter((row) => row.basis === 'email');
		expect(byEmail).toEqual([expect.objectContaining({ agent: expect.objectContaining({ id: String(shared.id), email: shared.email }), choice: { action: 'match', kayakoId: kayakoAgent2!.id } })]);
		for (const row of candidates.agents.filter((each) => each.basis === 'none')) expect(row.choice).toEqual(row.agent.active ? { action: 'create' } : { action: 'default' });
		expect(candidates.agents.filter((row) => !row.agent.active).length).toBeGreaterThan(0);

		const support = candidates.kayakoTeams.find((team) => team.title === 'Support');
		expect(candidates.teams.find((row) => row.team.name === 'Support')).toMatchObject({ basis: 'name', choice: { action: 'match', kayakoId: support!.id } });
		expect(candidates.teams.find((row) => row.team.name === 'Billing')).toMatchObject({ basis: 'none', choice: { action: 'create' } });
		// The administrator the migration logs in as takes the departed agents' tickets unless someone else is chosen.
		expect(candidates.kayakoStaff.find((member) => member.id === candidates.defaultAgentId)?.emails).toContain(KAYAKO_SANDBOX_CREDENTIALS.admin.email);
	});

	it('proposes the saved choices on the next visit', async () => {
		const id = await connectedMigration(engine, harness);
		const first = value(await engine.matchCandidates(id));
		const agent = first.agents.find((row) => row.basis === 'email')!.agent;
		expect(value(await engine.updateMigration(id, { mappings: { agents: { [agent.id]: { action: 'create' } } }, stage: 'map' })).stage).toBe('map');
		const again = value(await engine.matchCandidates(id));
		expect(again.agents.find((row) => row.agent.id === agent.id)).toMatchObject({ basis: 'saved', choice: { action: 'create' } });
		// Saving an earlier step again keeps the migration where it stands.
		expect(value(await engine.updateMigration(id, { stage: 'match' })).stage).toBe('map');
	});
});
