// The Kayako writer's teams, fields, organizations and users against the sandbox: created once, matched when they exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KayakoSandbox } from '../../server/sandbox/kayako/index';
import { ensureField } from '../../src/lib/engine/connectors/kayako/writer/fields';
import { createOrganization, findOrganizationsByLegacyIds } from '../../src/lib/engine/connectors/kayako/writer/organizations';
import { createTeam, findTeamsByLegacyIds, listTeams } from '../../src/lib/engine/connectors/kayako/writer/teams';
import { createUser, findUserByEmail, findUsersByLegacyIds, loadUsersByEmail } from '../../src/lib/engine/connectors/kayako/writer/users';
import type { FieldDefinition, User } from '../../src/lib/engine/model';
import { adminSession, startWriterSandbox, writeContext, type TestContext } from './kayako-writer-helpers';

let sandbox: KayakoSandbox;
let ctx: TestContext;

beforeAll(async () => {
	sandbox = await startWriterSandbox();
	ctx = writeContext(adminSession(sandbox));
});

afterAll(() => sandbox.close());

function user(overrides: Partial<User>): User {
	return { id: 'U', name: 'Someone', role: 'customer', active: true, suspended: false, emails: [], phones: [], teamIds: [], tags: [], fields: {}, ...overrides };
}

describe('teams', () => {
	it('creates a team with the source id as legacy_id, and matches it by title the second time', async () => {
		const created = await createTeam(ctx, { id: 'G1', name: 'Billing' });
		expect(created.matched).toBeUndefined();
		const again = await createTeam(ctx, { id: 'G1', name: 'Billing' }, await listTeams(ctx.session));
		expect(again).toMatchObject({ id: created.id, matched: true });
		const general = await createTeam(ctx, { id: 'G2', name: 'general' }, await listTeams(ctx.session));
		expect(general.matched).toBe(true);
		expect(sandbox.state().teams.filter((team) => team.title === 'Billing')).toEqual([expect.objectContaining({ legacy_id: 'G1' })]);
		expect(await findTeamsByLegacyIds(ctx.session, ['G1', 'nope'])).toEqual(new Map([['G1', created.id]]));
		ctx.ids.set('teams:G1', created.id);
	});
});

describe('custom fields', () => {
	const plan: FieldDefinition = {
		id: 'F1',
		entity: 'ticket',
		title: 'Plan',
		type: 'dropdown',
		options: [
			{ value: 'gold', label: 'Gold' },
			{ value: 'silver_plus', label: 'Silver +' }
		],
		active: true,
		system: false
	};

	it('creates a case field once, never required, reads back its key and option ids, and reuses it the second time', async () => {
		const first = await ensureField(ctx, plan);
		expect(first.created).toBe(true);
		const second = await ensureField(ctx, plan);
		expect(second.created).toBe(false);
		expect(second.target).toEqual(first.target);
		const fields = sandbox.state().fields.filter((field) => field.title === 'Plan');
		expect(fields).toHaveLength(1);
		const [field] = fields;
		expect(first.target).toMatchObject({ id: field!.id, key: field!.key, type: 'SELECT', family: 'case' });
		expect([...first.target.optionIds.entries()]).toEqual(field!.options.map((option, index) => [plan.options[index]!.value, option.id]));
	});

	it('adds a source option the existing Kayako field lacks, keeping the old option ids', async () => {
		const before = (await ensureField(ctx, plan)).target;
		const grown = await ensureField(ctx, { ...plan, options: [...plan.options, { value: 'bronze', label: 'Bronze' }] });
		expect(grown.target.optionIds.get('gold')).toBe(before.optionIds.get('gold'));
		expect(grown.target.optionIds.get('bronze')).toBeTypeOf('number');
		expect(sandbox.state().fields.find((field) => field.title === 'Plan')?.options).toHaveLength(3);
	});

	it('creates a user field as a separate family with the same title allowed', async () => {
		const created = await ensureField(ctx, { ...plan, id: 'F2', entity: 'user', type: 'checkbox', options: [] });
		expect(created.target).toMatchObject({ type: 'YESNO', family: 'user' });
		ctx.fields.set('F2', created.target);
	});
});

describe('organizations', () => {
	it('creates an organization with domains, tags, field values and legacy_id, and finds it again by legacy id', async () => {
		const created = await createOrganization(ctx, { id: 'O1', name: 'Initech', domains: ['initech.example', 'not a domain'], tags: ['vip'], fields: {} });
		expect(created.warnings).toHaveLength(1);
		expect(sandbox.state().organizations.find((org) => org.id === created.id)).toMatchObject({ name: 'Initech', legacy_id: 'O1', domains: ['initech.example'], tags: ['vip'] });
		expect(await findOrganizationsByLegacyIds(ctx.session, ['O1'])).toEqual(new Map([['O1', created.id]]));
		ctx.ids.set('organizations:O1', created.id);
	});

	it('creates the organization without domains when another organization owns one', async () => {
		const created = await createOrganization(ctx, { id: 'O2', name: 'Initech Copy', domains: ['initech.example'], tags: [], fields: {} });
		expect(created.warnings[0]?.message).toContain('already owns');
		expect(sandbox.state().organizations.find((org) => org.id === created.id)?.domains).toEqual([]);
	});
});

describe('users', () => {
	it('matches a customer whose e-mail Kayako already has instead of creating a second one', async () => {
		const existing = sandbox.state().users.find((each) => each.role === 'CUSTOMER')!;
		const count = sandbox.state().users.length;
		const written = await createUser(ctx, user({ id: 'U1', name: 'Old Name', emails: [existing.emails[0]!.toUpperCase()] }));
		expect(written).toMatchObject({ id: existing.id, matched: true });
		expect(sandbox.state().users).toHaveLength(count);
		expect(await findUserByEmail(ctx.session, existing.emails[0]!)).toBe(existing.id);
	});

	it('matches from a preloaded e-mail index without asking Kayako', async () => {
		const index = await loadUsersByEmail(ctx.session);
		const before = sandbox.state().requests.total;
		const written = await createUser(ctx, user({ id: 'U9', emails: ['admin@acme.example'] }), index);
		expect(written.matched).toBe(true);
		expect(sandbox.state().requests.total).toBe(before);
	});

	it('creates a customer with its organization, extra e-mails, tags and field values', async () => {
		const written = await createUser(ctx, user({ id: 'U2', name: 'Ann Lee', emails: ['ann@initech.example', 'ann.lee@home.example'], organizationId: 'O1', tags: ['a'], fields: { F2: true } }));
		const created = sandbox.state().users.find((each) => each.id === written.id);
		expect(created).toMatchObject({ full_name: 'Ann Lee', legacy_id: 'U2', role: 'CUSTOMER', emails: ['ann@initech.example', 'ann.lee@home.example'], organization_id: ctx.ids.get('organizations:O1'), tags: ['a'] });
		expect(Object.values(created!.field_values)).toEqual(['1']);
		expect(await findUsersByLegacyIds(ctx.session, ['U2'])).toEqual(new Map([['U2', written.id]]));
	});

	it('creates agents and light agents with their role and teams, and refuses staff without a migrated team', async () => {
		const agent = await createUser(ctx, user({ id: 'U3', name: 'Bo Agent', role: 'agent', emails: ['bo@initech.example'], teamIds: ['G1'] }));
		const light = await createUser(ctx, user({ id: 'U4', name: 'Cy Light', role: 'light-agent', emails: ['cy@initech.example'], teamIds: ['G1'] }));
		const users = sandbox.state().users;
		expect(users.find((each) => each.id === agent.id)).toMatchObject({ role: 'AGENT', team_ids: [ctx.ids.get('teams:G1')] });
		expect(users.find((each) => each.id === light.id)).toMatchObject({ role: 'COLLABORATOR' });
		await expect(createUser(ctx, user({ id: 'U5', role: 'agent', emails: ['nope@initech.example'], teamIds: ['missing'] }))).rejects.toMatchObject({ info: { kind: 'invalid-request' } });
	});
});
