// Users, organizations, teams, fields, the help center, triggers and the seeded vocabulary of the Kayako sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KAYAKO_SANDBOX_CREDENTIALS as CREDENTIALS } from '../../server/sandbox/kayako/index';
import { Client, startSandbox, type Running } from './kayako-sandbox-helpers';

let running: Running;
let admin: Client;

beforeAll(async () => {
	running = await startSandbox({ rateLimitPerMinute: 10_000 });
	admin = new Client(running.base);
	await admin.login(CREDENTIALS.admin);
});

afterAll(async () => {
	await running.sandbox.close();
});

const settle = () => running.sandbox.advanceClock(10_000);

describe('Kayako sandbox seed', () => {
	it('holds the standard statuses, priorities, types, channels, settings and enabled triggers', async () => {
		expect((await admin.get('/cases/statuses')).json.data.map((status: { type: string }) => status.type)).toEqual(['NEW', 'OPEN', 'PENDING', 'COMPLETED', 'CLOSED']);
		expect((await admin.get('/cases/priorities')).json.data.map((priority: { label: string; level: number }) => `${priority.label}:${priority.level}`)).toEqual(['Low:1', 'Normal:2', 'High:3', 'Urgent:4']);
		expect((await admin.get('/cases/types')).json.data.map((type: { type: string }) => type.type)).toEqual(['QUESTION', 'TASK', 'PROBLEM', 'INCIDENT']);
		const channels = (await admin.get('/cases/channels')).json.data as { type: string; account: { id: number } | null }[];
		expect(channels.map((channel) => [channel.type, channel.account?.id ?? null])).toEqual([['MAIL', 1], ['NOTE', null]]);
		const settings = (await admin.get('/settings')).json.data as { name: string; value: string }[];
		expect(settings.find((setting) => setting.name === 'allow_unsafe_html_in_articles')?.value).toBe('0');
		expect((await admin.get('/brands')).json.data[0]).toMatchObject({ name: 'Acme', resource_type: 'brand' });
		const triggers = (await admin.get('/triggers')).json.data as { is_enabled: boolean }[];
		expect(triggers.length).toBeGreaterThan(1);
		expect(triggers.every((trigger) => trigger.is_enabled)).toBe(true);
		const fields = (await admin.get('/cases/fields')).json.data as { type: string; is_system: boolean }[];
		expect(fields.filter((field) => field.is_system).map((field) => field.type)).toEqual(['SUBJECT', 'MESSAGE', 'PRIORITY', 'STATUS', 'TYPE', 'TEAM', 'ASSIGNEE']);
	});

	it('generates the same people for the same seed and other people for another seed', async () => {
		const people = async (seed: number) => {
			const other = await startSandbox({ seed });
			const view = other.sandbox.state();
			await other.sandbox.close();
			return [view.users.map((user) => [user.full_name, user.emails]), view.organizations.map((organization) => organization.name)];
		};
		expect(await people(11)).toEqual(await people(11));
		expect(await people(11)).not.toEqual(await people(12));
	});
});

describe('Kayako sandbox users', () => {
	it('creates a user with a legacy_id, finds it by legacy_ids, and refuses its e-mail for another user', async () => {
		const created = await admin.request('POST', '/users', { json: { full_name: 'Grace Hopper', email: 'grace@navy.example', legacy_id: 'zd-user-1', role_id: 4 } });
		expect(created.status).toBe(201);
		const found = await admin.get('/users?legacy_ids=zd-user-1');
		expect(found.json.data.map((user: { id: number }) => user.id)).toEqual([created.json.data.id]);
		const duplicate = await admin.request('POST', '/users', { json: { full_name: 'Not Grace', email: 'GRACE@navy.example' } });
		expect(duplicate.status).toBe(400);
		expect(duplicate.json.errors[0]).toMatchObject({ code: 'FIELD_DUPLICATE', parameter: 'email' });
		const identity = await admin.request('POST', '/identities/emails', { json: { user_id: 8, email: 'grace@navy.example' } });
		expect(identity.json.errors[0]).toMatchObject({ code: 'FIELD_DUPLICATE', parameter: 'email' });
	});

	it('requires an e-mail and teams for staff, and sets organization, teams and is_enabled on update', async () => {
		const staff = await admin.request('POST', '/users', { json: { full_name: 'New Agent', role_id: 2 } });
		expect(staff.json.errors.map((error: { parameter: string }) => error.parameter).sort()).toEqual(['email', 'team_ids']);
		const agent = await admin.request('POST', '/users', { json: { full_name: 'New Agent', role_id: 2, email: 'new.agent@acme.example', team_ids: '1,2' } });
		expect(agent.status).toBe(201);
		const id = agent.json.data.id as number;
		const updated = await admin.request('PUT', `/users/${id}`, { json: { organization_id: 1, team_ids: [3], is_enabled: false } });
		expect(updated.status).toBe(200);
		const view = running.sandbox.state().users.find((user) => user.id === id);
		expect(view).toMatchObject({ organization_id: 1, team_ids: [3], is_enabled: false, role: 'AGENT' });
		expect((await admin.request('PUT', `/users/${id}`, { json: { organization_id: 999 } })).json.errors[0]).toMatchObject({ code: 'FIELD_INVALID', parameter: 'organization_id' });
		expect((await admin.request('DELETE', `/users/${id}`)).status).toBe(200);
		expect((await admin.get(`/users/${id}`)).status).toBe(404);
	});

	it('imports users in bulk and reports duplicates inside the batch', async () => {
		const accepted = await admin.request('POST', '/bulk/users?partial_import=1', {
			json: { users: [{ full_name: 'Bulk One', email: 'bulk@one.example', legacy_id: 'b-1' }, { full_name: 'Bulk Two', email: 'bulk@one.example', legacy_id: 'b-2' }, { legacy_id: 'b-3' }] }
		});
		expect(accepted.status).toBe(202);
		settle();
		const job = await admin.get(`/jobs/${accepted.json.data.id}`);
		expect(job.json.data.errors.map((error: { legacy_id: string; code: string }) => `${error.legacy_id}:${error.code}`)).toEqual(['b-2:FIELD_DUPLICATE', 'b-3:FIELD_REQUIRED']);
		expect((await admin.get('/users?legacy_ids=b-1,b-2,b-3')).json.total_count).toBe(1);
	});
});

describe('Kayako sandbox organizations and teams', () => {
	it('creates organizations with domains, refuses a domain already taken, and imports in bulk', async () => {
		const created = await admin.request('POST', '/organizations', { json: { name: 'Initech', domains: 'initech.example,initrode.example', legacy_id: 'org-1' } });
		expect(created.status).toBe(201);
		expect(created.json.data.domains).toHaveLength(2);
		const taken = await admin.request('POST', '/organizations', { json: { name: 'Copycat', domains: 'initech.example' } });
		expect(taken.json.errors[0]).toMatchObject({ code: 'FIELD_DUPLICATE', parameter: 'domains' });
		const bulk = await admin.request('POST', '/bulk/organizations', { json: { organizations: [{ name: 'Bulk Org', legacy_id: 'org-2' }] } });
		expect(bulk.status).toBe(202);
		settle();
		const found = await admin.get('/organizations?legacy_ids=org-1,org-2&include=identity_domain');
		expect(found.json.total_count).toBe(2);
		expect(found.json.data.flatMap((organization: { domains: { domain: string }[] }) => organization.domains.map((domain) => domain.domain)).sort()).toEqual(['initech.example', 'initrode.example']);
	});

	it('creates teams in bulk and adds members', async () => {
		const bulk = await admin.request('POST', '/bulk/teams', { json: { teams: [{ title: 'Tier 2', legacy_id: 'grp-2' }] } });
		settle();
		expect((await admin.get(`/jobs/${bulk.json.data.id}`)).json.data.status).toBe('COMPLETED');
		const team = (await admin.get('/teams?legacy_ids=grp-2')).json.data[0];
		expect((await admin.request('POST', `/teams/${team.id}/members`, { json: { agent_ids: '3,4' } })).status).toBe(200);
		expect(running.sandbox.state().teams.find((entry) => entry.id === team.id)?.member_ids).toEqual([3, 4]);
		expect((await admin.get(`/teams/${team.id}`)).json.data.member_count).toBe(2);
	});
});

describe('Kayako sandbox custom fields', () => {
	it('derives a unique key from the title and gives options ids and tags', async () => {
		const options = [{ values: [{ locale: 'en-us', translation: 'Kenya AB' }], tag: 'kenya-ab' }, { values: [{ locale: 'en-us', translation: 'Colombia' }] }];
		const first = await admin.request('POST', '/cases/fields', { json: { type: 'SELECT', title: 'Serial number', options } });
		expect(first.status).toBe(201);
		expect(first.json.data.key).toBe('serial_number');
		const second = await admin.request('POST', '/cases/fields?include=field_option,locale_field', { json: { type: 'SELECT', title: 'Serial Number', options } });
		expect(second.json.data.key).toBe('serial_number_2');
		expect(second.json.data.options.map((option: { tag: string; values: { translation: string }[] }) => [option.tag, option.values[0]?.translation])).toEqual([['kenya-ab', 'Kenya AB'], ['colombia', 'Colombia']]);
		const missing = await admin.request('POST', '/users/fields', { json: { type: 'RADIO', title: 'No options' } });
		expect(missing.json.errors[0]).toMatchObject({ code: 'FIELD_REQUIRED', parameter: 'options' });
		const unknownType = await admin.request('POST', '/organizations/fields', { json: { type: 'MULTISELECT', title: 'Nope' } });
		expect(unknownType.json.errors[0]).toMatchObject({ code: 'FIELD_INVALID', parameter: 'type' });
		for (const type of ['TEXT', 'TEXTAREA', 'DATE', 'FILE', 'NUMERIC', 'DECIMAL', 'YESNO']) {
			expect((await admin.request('POST', '/organizations/fields', { json: { type, title: `Org ${type}` } })).status).toBe(201);
		}
		expect((await admin.request('POST', '/organizations/fields', { json: { type: 'REGEX', title: 'Org code', regular_expression: '^[A-Z]{3}$' } })).status).toBe(201);
	});

	it('checks field_values by key: option ids for selects, ISO dates, and the regular expression', async () => {
		const field = await admin.request('POST', '/cases/fields', { json: { type: 'CHECKBOX', title: 'Topics', options: [{ values: [{ locale: 'en-us', translation: 'Billing' }] }, { values: [{ locale: 'en-us', translation: 'Bugs' }] }] } });
		const ids = (field.json.data.options as { id: number }[]).map((option) => option.id);
		const ok = await admin.request('PUT', '/cases/1', { json: { field_values: { topics: ids.join(',') } } });
		expect(ok.status).toBe(200);
		const bad = await admin.request('PUT', '/cases/1', { json: { field_values: { topics: 'Billing', nonexistent: 'x' } } });
		expect(bad.json.errors.map((error: { parameter: string }) => error.parameter).sort()).toEqual(['field_values.nonexistent', 'field_values.topics']);
		expect(running.sandbox.state().cases.find((kase) => kase.id === 1)?.field_values.topics).toBe(ids.join(','));
	});
});

describe('Kayako sandbox help center and triggers', () => {
	it('creates categories, sections and articles with localized strings, single and bulk, found by legacy_ids', async () => {
		const category = await admin.request('POST', '/categories', { json: { titles: [{ locale: 'en-us', translation: 'Billing' }], legacy_id: 'cat-1' } });
		expect(category.status).toBe(201);
		const section = await admin.request('POST', '/sections', { json: { titles: [{ locale: 'en-us', translation: 'Invoices' }], category_id: category.json.data.id, legacy_id: 'sec-1' } });
		expect(section.status).toBe(201);
		const sectionId = section.json.data.id as number;
		const single = await admin.request('POST', '/articles?include=locale_field', {
			json: { titles: [{ locale: 'en-us', translation: 'Where is my invoice?' }], contents: [{ locale: 'en-us', translation: '<p>Here.</p>' }], section_id: sectionId, status: 'PUBLISHED', legacy_id: 'art-1' }
		});
		expect(single.status).toBe(201);
		expect(single.json.data.titles[0]).toMatchObject({ locale: 'en-us', translation: 'Where is my invoice?' });
		const bulk = await admin.request('POST', '/bulk/articles', { json: { articles: [{ titles: [{ locale: 'de-de', translation: 'Rechnung' }], contents: [{ locale: 'de-de', translation: 'Hier.' }], section_id: sectionId, legacy_id: 'art-2' }] } });
		expect(bulk.status).toBe(202);
		settle();
		const found = await admin.get('/articles?legacy_ids=art-1,art-2');
		expect(found.json.total_count).toBe(2);
		const missing = await admin.request('POST', '/articles', { json: { section_id: sectionId } });
		expect(missing.json.errors.map((error: { parameter: string }) => error.parameter).sort()).toEqual(['contents', 'titles']);
	});

	it('turns a trigger off and on again for an administrator', async () => {
		const off = await admin.request('PUT', '/triggers/1.json', { json: { is_enabled: false } });
		expect(off.json.data.is_enabled).toBe(false);
		expect(running.sandbox.state().triggers.find((trigger) => trigger.id === 1)?.is_enabled).toBe(false);
		expect((await admin.request('PUT', '/triggers/1', { json: { is_enabled: 'true' } })).json.data.is_enabled).toBe(true);
	});
});
