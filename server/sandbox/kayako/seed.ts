// The seeded account: staff with fixed sign-ins, generated customers and organizations, the standard case vocabulary, a few cases.
import { base, en, Faker } from '@faker-js/faker';
import { seededRandom } from '../common/rng';
import { emailInAccount, KAYAKO_SANDBOX_CREDENTIALS as CREDENTIALS } from './credentials';
import { addPost, createCase } from './mutate/cases';
import { createField } from './mutate/fields';
import { createArticle, createCategory, createSection } from './mutate/helpcenter';
import { createOrganization, createTeam, createUser } from './mutate/people';
import type { FieldType, RoleType } from './records';
import { SEED_SETTINGS } from './seed-settings';
import { emptyAccount, nextId, type AccountState } from './state';
import { SEED_TRIGGERS } from './seed-triggers';

/** Seeded records date from here, whatever the clock says, so two runs produce the same bytes. */
export const SEED_EPOCH = Date.UTC(2024, 0, 15, 9, 0, 0);
const HOUR = 3_600_000;

const ROLES: readonly [string, RoleType, string | null][] = [
	['Administrator', 'ADMIN', 'ALL'],
	['Agent', 'AGENT', 'ALL'],
	['Collaborator', 'COLLABORATOR', 'ALL'],
	['Customer', 'CUSTOMER', null],
	['Owner', 'OWNER', 'ALL']
];

const SYSTEM_CASE_FIELDS: readonly [FieldType, string, boolean, boolean, boolean][] = [
	// type, title, required for agents, visible to customers, customer editable
	['SUBJECT', 'Subject', true, true, true],
	['MESSAGE', 'Message', false, true, true],
	['PRIORITY', 'Priority', false, true, true],
	['STATUS', 'Status', false, false, false],
	['TYPE', 'Type', false, false, false],
	['TEAM', 'Team', false, false, false],
	['ASSIGNEE', 'Assignee', false, true, false]
];

function roleId(state: AccountState, type: RoleType): number {
	for (const role of state.roles.values()) if (role.type === type) return role.id;
	throw new Error(`The seed has no ${type} role.`);
}

function seedVocabulary(state: AccountState, faker: Faker): void {
	const at = SEED_EPOCH - 90 * 24 * HOUR;
	for (const [title, type, access] of ROLES) {
		const id = nextId(state, 'roles');
		state.roles.set(id, { id, title, type, is_system: true, agent_case_access: access, created_at: at, updated_at: at });
	}
	for (const [index, [label, type]] of ([['New', 'NEW'], ['Open', 'OPEN'], ['Pending', 'PENDING'], ['Completed', 'COMPLETED'], ['Closed', 'CLOSED']] as const).entries()) {
		const id = nextId(state, 'statuses');
		state.statuses.set(id, { id, label, type, sort_order: index + 1, is_sla_active: type !== 'COMPLETED' && type !== 'CLOSED', is_deleted: false, created_at: at, updated_at: at });
	}
	for (const [index, label] of ['Low', 'Normal', 'High', 'Urgent'].entries()) {
		const id = nextId(state, 'priorities');
		state.priorities.set(id, { id, label, level: index + 1, created_at: at, updated_at: at });
	}
	for (const [label, type] of [['Question', 'QUESTION'], ['Task', 'TASK'], ['Problem', 'PROBLEM'], ['Incident', 'INCIDENT']] as const) {
		const id = nextId(state, 'caseTypes');
		state.caseTypes.set(id, { id, label, type, created_at: at, updated_at: at });
	}
	const brandName = state.name.charAt(0).toUpperCase() + state.name.slice(1);
	state.brands.set(1, { id: 1, name: brandName, sub_domain: state.name, alias: null, is_default: true, is_enabled: true, locale_id: 3, created_at: at, updated_at: at });
	state.counters.brands = 1;
	const mailboxUuid = faker.string.uuid();
	state.mailboxes.set(1, { id: 1, uuid: mailboxUuid, address: `support@${state.name}.example`, brand_id: 1, is_default: true, created_at: at, updated_at: at });
	state.counters.mailboxes = 1;
	state.channels.set(mailboxUuid, { uuid: mailboxUuid, type: 'MAIL', mailbox_id: 1 });
	const noteUuid = faker.string.uuid();
	state.channels.set(noteUuid, { uuid: noteUuid, type: 'NOTE', mailbox_id: null });
	for (const [type, title, required, visible, editable] of SYSTEM_CASE_FIELDS) {
		createField(state, 'case', {
			type,
			title,
			key: title.toLowerCase(),
			is_system: true,
			is_required_for_agents: required,
			is_required_on_resolution: required,
			is_visible_to_customers: visible,
			is_customer_editable: editable,
			is_required_for_customers: required,
			customer_titles: [{ locale: 'en-us', translation: title }]
		}, at);
	}
	// One custom drop-down an account set up before the migration, for mapping source fields onto by hand.
	createField(state, 'case', {
		type: 'SELECT',
		title: 'Product area',
		is_required_for_agents: false,
		is_required_on_resolution: false,
		options: ['Hardware', 'Software', 'Services', 'Consulting'].map((label, index) => ({ values: [{ locale: 'en-us', translation: label }], tag: label.toLowerCase(), sort_order: index + 1 }))
	}, at);
	for (const setting of SEED_SETTINGS) state.settings.set(setting.id, { ...setting });
	for (const trigger of SEED_TRIGGERS) state.triggers.set(trigger.id, { ...trigger, created_at: at, updated_at: at });
	state.counters.triggers = SEED_TRIGGERS.length;
}

function seedPeople(state: AccountState, faker: Faker): { agentIds: number[]; customerIds: number[] } {
	const at = SEED_EPOCH - 60 * 24 * HOUR;
	const teamIds = ['General', 'Support', 'Sales', 'Marketing'].map((title) => createTeam(state, { title }, at).id);
	const [general = 1, support = 2, sales = 3] = teamIds;
	const organizations = [0, 1, 2].map(() => {
		const name = faker.company.name();
		const domain = `${faker.internet.domainWord()}.example.com`;
		return createOrganization(state, { name, domains: [domain] }, at);
	});
	const staff: [keyof typeof CREDENTIALS, RoleType, number[], Partial<{ is_enabled: boolean; is_mfa_enabled: boolean }>][] = [
		['owner', 'OWNER', [general], {}],
		['admin', 'ADMIN', [general, support], {}],
		['agent', 'AGENT', [support], {}],
		['agent2', 'AGENT', [sales], {}],
		['collaborator', 'COLLABORATOR', [support], {}],
		['disabled', 'AGENT', [support], { is_enabled: false }],
		['mfa', 'AGENT', [general], { is_mfa_enabled: true }]
	];
	const agentIds: number[] = [];
	for (const [key, type, teams, flags] of staff) {
		const credential = CREDENTIALS[key];
		if (typeof credential === 'string') continue;
		const user = createUser(state, {
			full_name: faker.person.fullName(),
			role_id: roleId(state, type),
			emails: [emailInAccount(credential.email, state.name)],
			password: credential.password,
			team_ids: teams,
			uuid: faker.string.uuid(),
			...flags
		}, at);
		if (type === 'AGENT' || type === 'ADMIN') agentIds.push(user.id);
	}
	const customerIds: number[] = [];
	for (let index = 0; index < 6; index += 1) {
		const firstName = faker.person.firstName();
		const lastName = faker.person.lastName();
		const organization = index < 3 ? organizations[index] : undefined;
		const domain = organization ? (state.domains.get(organization.domain_ids[0] ?? 0)?.domain ?? 'example.org') : 'example.org';
		const user = createUser(state, {
			full_name: `${firstName} ${lastName}`,
			role_id: roleId(state, 'CUSTOMER'),
			emails: [`${firstName}.${lastName}.${index + 1}@${domain}`.toLowerCase().replace(/[^a-z0-9@.-]/g, '')],
			organization_id: organization?.id ?? null,
			uuid: faker.string.uuid()
		}, at + index * HOUR);
		customerIds.push(user.id);
	}
	return { agentIds, customerIds };
}

/** A small, fixed favicon-like blob: enough to prove attachments come back byte for byte. */
function seedBytes(seed: number, size: number): Buffer {
	const random = seededRandom(seed);
	return Buffer.from(Array.from({ length: size }, () => Math.floor(random() * 256)));
}

function seedCases(state: AccountState, faker: Faker, agentIds: number[], customerIds: number[], seed: number): void {
	const agent = agentIds[1] ?? agentIds[0] ?? 1;
	for (let index = 0; index < 3; index += 1) {
		const requester = customerIds[index] ?? customerIds[0] ?? 1;
		const at = SEED_EPOCH - (10 - index) * 24 * HOUR;
		const kase = createCase(state, {
			subject: faker.hacker.phrase().slice(0, 80),
			requester_id: requester,
			creator_id: requester,
			channel: 'MAIL',
			priority_id: (index % 4) + 1,
			type_id: (index % 4) + 1,
			assigned_team_id: 2,
			assigned_agent_id: agent,
			tags: index === 0 ? ['vip'] : [],
			created_at: at
		}, at);
		addPost(state, kase, { contents: faker.lorem.paragraph(), channel: 'MAIL', creator_id: requester, created_at: at, via: 'seed' });
		const fileAt = at + HOUR;
		const files = index === 0 ? [{ id: 0, name: 'favicon.ico', size: 1024, content_type: 'image/x-icon', bytes: seedBytes(seed, 1024), created_at: fileAt, expiry_at: fileAt }] : [];
		addPost(state, kase, { contents: faker.lorem.sentence(), channel: 'NOTE', creator_id: agent, created_at: fileAt, files, via: 'seed' });
		addPost(state, kase, { contents: faker.lorem.paragraph(), channel: 'MAIL', creator_id: agent, created_at: at + 2 * HOUR, via: 'seed' });
		const logId = nextId(state, 'timeLogs');
		state.timeLogs.set(logId, { id: logId, case_id: kase.id, agent_id: agent, creator_id: agent, log_type: 'WORKED', time_spent: 90 * (index + 1), created_at: fileAt, updated_at: fileAt });
	}
}

function seedHelpCenter(state: AccountState, faker: Faker, authorId: number): void {
	const at = SEED_EPOCH - 30 * 24 * HOUR;
	const category = createCategory(state, { titles: [{ locale: 'en-us', translation: 'Getting started' }] }, at);
	const section = createSection(state, { category_id: category.id, titles: [{ locale: 'en-us', translation: 'First steps' }] }, at);
	for (let index = 0; index < 2; index += 1) {
		createArticle(state, {
			section_id: section.id,
			titles: [{ locale: 'en-us', translation: faker.lorem.sentence({ min: 3, max: 6 }) }],
			contents: [{ locale: 'en-us', translation: `<p>${faker.lorem.paragraph()}</p>` }],
			author_id: authorId,
			creator_id: authorId,
			status: 'PUBLISHED'
		}, at);
	}
}

export function seedAccount(name: string, seed: number): AccountState {
	const state = emptyAccount(name);
	const faker = new Faker({ locale: [en, base] });
	faker.seed(seed);
	seedVocabulary(state, faker);
	const { agentIds, customerIds } = seedPeople(state, faker);
	seedCases(state, faker, agentIds, customerIds, seed);
	seedHelpCenter(state, faker, agentIds[0] ?? 1);
	return state;
}
