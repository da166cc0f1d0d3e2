// Users (agents first, then end users), their identities, organizations and memberships, each generated on demand by index.
import { ID, DAY_MS, groupId, organizationId, userCount, userId, type AccountPlan } from '../plan';
import { between, mix, labelCode, pick, unit } from './hash';
import { LOCALE_OF, languageOf, seededFaker } from './language';
import { isoSeconds } from './time';

export const ADMIN_INDEX = 0;
export const AGENT_INDEX = 1;

export interface UserRecord {
	id: number;
	name: string;
	/** Null for users Zendesk knows only by a social identity (Twitter, Facebook). */
	email: string | null;
	role: 'end-user' | 'agent' | 'admin';
	role_type: number | null;
	custom_role_id: number | null;
	active: boolean;
	suspended: boolean;
	verified: boolean;
	organization_id: number | null;
	default_group_id?: number | null;
	phone: string | null;
	shared_phone_number: boolean | null;
	locale: string;
	locale_id: number;
	time_zone: string;
	iana_time_zone: string;
	alias: string | null;
	details: string | null;
	notes: string | null;
	signature: string | null;
	external_id: string | null;
	tags: string[];
	user_fields: Record<string, unknown>;
	ticket_restriction: string | null;
	restricted_agent: boolean;
	moderator: boolean;
	only_private_comments: boolean;
	shared: boolean;
	shared_agent: boolean;
	chat_only: boolean;
	two_factor_auth_enabled: boolean | null;
	report_csv: boolean;
	photo: PhotoRecord | null;
	last_login_at: string | null;
	created_at: string;
	updated_at: string;
}

/** A user's `photo`: an attachment object (the avatar Zendesk shows). */
export interface PhotoRecord {
	url: string;
	id: number;
	file_name: string;
	content_url: string;
	mapped_content_url: string;
	content_type: string;
	size: number;
	width: number;
	height: number;
	inline: boolean;
	deleted: boolean;
	thumbnails: unknown[];
}

export type UserKind = 'admin' | 'agent' | 'former-agent' | 'end-user' | 'suspended-end-user' | 'deleted-end-user';

/** What kind of user an index is; kept cheap so lists and filters need no faker. */
export function userKind(plan: AccountPlan, index: number): UserKind {
	if (index === ADMIN_INDEX || index === 2) return 'admin';
	if (index < plan.agents) return index >= 3 && index % 4 === 3 ? 'former-agent' : 'agent';
	const endUser = index - plan.agents;
	if (endUser % 23 === 7) return 'deleted-end-user';
	if (endUser % 19 === 5) return 'suspended-end-user';
	return 'end-user';
}

export function isAgentIndex(plan: AccountPlan, index: number): boolean {
	return index < plan.agents;
}

/** Creation and last update of a user, in ms; agents join early, end users over the whole history. */
export function userTimes(plan: AccountPlan, index: number): { created: number; updated: number } {
	const span = plan.historyEnd - plan.historyStart;
	const created = isAgentIndex(plan, index)
		? plan.historyStart + index * 3_600_000
		: plan.historyStart + Math.floor(((index - plan.agents + unit(plan.seed, 'user-jitter', index)) / Math.max(1, plan.endUsers)) * span * 0.95);
	const updated = Math.min(plan.historyEnd - 3_600_000, created + Math.floor(unit(plan.seed, 'user-updated', index) * 120 * DAY_MS));
	return { created, updated: Math.max(created, updated) };
}

export function endUserOrganizationIndex(plan: AccountPlan, index: number): number | undefined {
	if (isAgentIndex(plan, index)) return undefined;
	return unit(plan.seed, 'user-org?', index) < 0.7 ? between(plan.seed, 'user-org', 0, plan.organizations - 1, index) : undefined;
}

/** Index 4 (always an active agent: every plan has 8 or more) already works in the Kayako sandbox's seed, so the match step pairs it by e-mail. */
export const SHARED_AGENT_INDEX = 4;

const FIXED_PEOPLE: Record<number, { name: string; local: string; domain?: string }> = {
	[ADMIN_INDEX]: { name: 'Ada Admin', local: 'admin' },
	[AGENT_INDEX]: { name: 'Sam Agent', local: 'agent' },
	[SHARED_AGENT_INDEX]: { name: 'Kim Agent', local: 'agent2', domain: 'acme.example' }
};

export const SANDBOX_DOMAIN = 'zendesk-sandbox.test';

export function generateUser(plan: AccountPlan, index: number): UserRecord {
	const kind = userKind(plan, index);
	const agent = isAgentIndex(plan, index);
	const language = agent ? 'en' : languageOf(plan.seed, 'user-language', index);
	const faker = seededFaker(language, mix(plan.seed, labelCode('user'), index));
	const first = faker.person.firstName();
	const last = faker.person.lastName();
	const fixed = FIXED_PEOPLE[index];
	const name = fixed?.name ?? `${first} ${last}`;
	const orgIndex = endUserOrganizationIndex(plan, index);
	const asciiLocal = `${first}.${last}`.normalize('NFKD').replace(/[^A-Za-z.]/g, '').toLowerCase() || 'user';
	const email = fixed ? `${fixed.local}@${fixed.domain ?? SANDBOX_DOMAIN}` : agent ? `${asciiLocal}.${index}@${SANDBOX_DOMAIN}` : `${asciiLocal}.${index}@${orgIndex === undefined ? 'example.org' : organizationDomain(orgIndex)}`;
	const times = userTimes(plan, index);
	const locale = LOCALE_OF[language];
	const role = kind === 'admin' ? 'admin' : agent ? 'agent' : 'end-user';
	const hasPhone = unit(plan.seed, 'user-phone', index) < 0.4;
	return {
		id: userId(index),
		name,
		email,
		role,
		role_type: role === 'admin' ? 4 : role === 'agent' ? 0 : null,
		custom_role_id: role === 'end-user' ? null : ID.user + 9_000_000 + (role === 'admin' ? 1 : 2),
		active: kind !== 'former-agent' && kind !== 'deleted-end-user',
		suspended: kind === 'suspended-end-user',
		verified: unit(plan.seed, 'user-verified', index) < 0.85 || agent,
		organization_id: orgIndex === undefined ? null : organizationId(orgIndex),
		...(agent && { default_group_id: groupId(index % Math.max(1, plan.groups - 1)) }),
		phone: hasPhone ? faker.phone.number({ style: 'international' }) : null,
		shared_phone_number: hasPhone ? false : null,
		locale: locale.locale,
		locale_id: locale.localeId,
		time_zone: locale.timeZone,
		iana_time_zone: locale.iana,
		alias: agent ? first : '',
		details: agent ? '' : faker.location.streetAddress(),
		notes: unit(plan.seed, 'user-notes', index) < 0.2 ? 'Prefers e-mail over phone.' : '',
		signature: agent ? `${name}\nAcme Support` : '',
		external_id: agent ? null : `crm-${index}`,
		tags: agent ? [] : [pick(['newsletter', 'beta', 'reseller', 'partner'], plan.seed, 'user-tag', index)],
		user_fields: agent ? {} : endUserFields(plan, index),
		ticket_restriction: role === 'end-user' ? 'requested' : role === 'agent' ? 'groups' : null,
		restricted_agent: role === 'agent',
		moderator: role === 'admin',
		only_private_comments: false,
		shared: false,
		shared_agent: false,
		chat_only: false,
		two_factor_auth_enabled: agent ? index % 2 === 0 : null,
		report_csv: role === 'admin',
		photo: null,
		last_login_at: isoSeconds(times.updated),
		created_at: isoSeconds(times.created),
		updated_at: isoSeconds(times.updated)
	};
}

function endUserFields(plan: AccountPlan, index: number): Record<string, unknown> {
	const s = plan.seed;
	return {
		plan: pick(['plan_free', 'plan_pro', 'plan_enterprise'], s, 'uf-plan', index),
		vip: unit(s, 'uf-vip', index) < 0.1,
		customer_since: isoSeconds(plan.historyStart - between(s, 'uf-since', 1, 2000, index) * DAY_MS).slice(0, 10),
		seats: between(s, 'uf-seats', 1, 500, index),
		lifetime_value: Math.round(unit(s, 'uf-ltv', index) * 1_000_000) / 100,
		bio: unit(s, 'uf-bio', index) < 0.3 ? 'Long-time customer.\nPrefers German.' : null,
		member_code: `AB-${String(between(s, 'uf-code', 0, 9999, index)).padStart(4, '0')}`,
		nickname: null
	};
}

export interface IdentityRecord {
	id: number;
	user_id: number;
	type: 'email' | 'phone_number' | 'twitter' | 'facebook';
	value: string;
	primary: boolean;
	verified: boolean;
	deliverable_state?: string;
	undeliverable_count: number;
	created_at: string;
	updated_at: string;
}

export function generateIdentities(plan: AccountPlan, index: number): IdentityRecord[] {
	const user = generateUser(plan, index);
	const base = (slot: number, type: IdentityRecord['type'], value: string, primary: boolean): IdentityRecord => ({
		id: ID.identity + index * 10 + slot,
		user_id: user.id,
		type,
		value,
		primary,
		verified: user.verified,
		...(type === 'email' && { deliverable_state: 'deliverable' }),
		undeliverable_count: 0,
		created_at: user.created_at,
		updated_at: user.updated_at
	});
	const email = user.email ?? '';
	const identities = [base(0, 'email', email, true)];
	if (unit(plan.seed, 'secondary-email', index) < 0.25) identities.push(base(1, 'email', email.replace('@', '+alt@'), false));
	if (user.phone) identities.push(base(2, 'phone_number', user.phone, false));
	return identities;
}

export interface OrganizationRecord {
	id: number;
	name: string;
	domain_names: string[];
	external_id: string | null;
	group_id: number | null;
	details: string | null;
	notes: string | null;
	tags: string[];
	organization_fields: Record<string, string | number>;
	shared_tickets: boolean;
	shared_comments: boolean;
	created_at: string;
	updated_at: string;
}

export function organizationDomain(index: number): string {
	return `org${index}.example.com`;
}

export function organizationTimes(plan: AccountPlan, index: number): { created: number; updated: number } {
	const created = plan.historyStart + Math.floor((index / Math.max(1, plan.organizations)) * (plan.historyEnd - plan.historyStart) * 0.5);
	return { created, updated: Math.min(plan.historyEnd - 3_600_000, created + Math.floor(unit(plan.seed, 'org-updated', index) * 300 * DAY_MS)) };
}

export function generateOrganization(plan: AccountPlan, index: number): OrganizationRecord {
	const language = languageOf(plan.seed, 'org-language', index);
	const faker = seededFaker(language, mix(plan.seed, labelCode('organization'), index));
	const company = faker.company.name();
	const times = organizationTimes(plan, index);
	const s = plan.seed;
	return {
		id: organizationId(index),
		// Zendesk organization names are unique; the index keeps them so whatever faker says.
		name: `${company} (${index + 1})`,
		domain_names: index % 5 === 4 ? [] : [organizationDomain(index), ...(index % 3 === 0 ? [`${organizationDomain(index).replace('.example.com', '')}.example.net`] : [])],
		external_id: index % 2 === 0 ? `erp-${1000 + index}` : null,
		group_id: index % 4 === 0 ? groupId(index % Math.max(1, plan.groups - 1)) : null,
		details: faker.location.streetAddress({ useFullAddress: true }),
		notes: index % 3 === 0 ? 'Key account — handle with care.' : '',
		tags: [pick(['smb', 'enterprise', 'public_sector', 'education'], s, 'org-tag', index)],
		organization_fields: {
			tier: pick(['tier_bronze', 'tier_silver', 'tier_gold'], s, 'of-tier', index),
			region: pick(['EMEA', 'APAC', 'Americas', 'DACH'], s, 'of-region', index),
			contract_start: isoSeconds(times.created).slice(0, 10),
			seats_purchased: between(s, 'of-seats', 5, 5000, index),
			annual_revenue: Math.round(unit(s, 'of-arr', index) * 10_000_000) / 100,
			account_summary: `${company}\nCustomer since ${isoSeconds(times.created).slice(0, 4)}.`
		},
		shared_tickets: index % 3 === 0,
		shared_comments: index % 6 === 0,
		created_at: isoSeconds(times.created),
		updated_at: isoSeconds(times.updated)
	};
}

export interface GroupMembershipRecord {
	id: number;
	user_id: number;
	group_id: number;
	default: boolean;
	created_at: string;
	updated_at: string;
}

/** Each agent belongs to its default group, and every other agent to one more. */
export function groupMemberships(plan: AccountPlan): GroupMembershipRecord[] {
	const memberships: GroupMembershipRecord[] = [];
	const activeGroups = Math.max(1, plan.groups - 1);
	for (let index = 0; index < plan.agents; index += 1) {
		const stamp = isoSeconds(userTimes(plan, index).created);
		const groupIndexes = index % 2 === 0 ? [index % activeGroups, (index + 1) % activeGroups] : [index % activeGroups];
		for (const [slot, groupIndex] of [...new Set(groupIndexes)].entries()) {
			memberships.push({ id: ID.groupMembership + index * 10 + slot, user_id: userId(index), group_id: groupId(groupIndex), default: slot === 0, created_at: stamp, updated_at: stamp });
		}
	}
	return memberships;
}

export interface OrganizationMembershipRecord {
	id: number;
	user_id: number;
	organization_id: number;
	organization_name: string;
	default: boolean | null;
	view_tickets: boolean;
	created_at: string;
	updated_at: string;
}

export function organizationMembership(plan: AccountPlan, index: number): OrganizationMembershipRecord | undefined {
	const orgIndex = endUserOrganizationIndex(plan, index);
	if (orgIndex === undefined) return undefined;
	const stamp = isoSeconds(userTimes(plan, index).created);
	return {
		id: ID.organizationMembership + index,
		user_id: userId(index),
		organization_id: organizationId(orgIndex),
		organization_name: generateOrganization(plan, orgIndex).name,
		default: true,
		view_tickets: orgIndex % 3 === 0,
		created_at: stamp,
		updated_at: stamp
	};
}

export function allUserIndexes(plan: AccountPlan): number[] {
	return Array.from({ length: userCount(plan) }, (_, index) => index);
}
