// Creating users, e-mail identities, organizations, domains and teams: shared by the seed, the routes and bulk jobs.
import { randomUUID } from 'node:crypto';
import type { OrganizationRecord, TeamRecord, UserRecord } from '../records';
import { nextId, type AccountState } from '../state';

export interface NewUser {
	full_name: string;
	role_id: number;
	emails?: readonly string[];
	legacy_id?: string | null;
	designation?: string | null;
	team_ids?: readonly number[];
	password?: string | null;
	organization_id?: number | null;
	is_enabled?: boolean;
	is_mfa_enabled?: boolean;
	field_values?: Record<string, string>;
	tags?: readonly string[];
	time_zone?: string;
	uuid?: string;
	agent_case_access?: string | null;
	organization_case_access?: string | null;
}

export function addEmailIdentity(state: AccountState, user: UserRecord, email: string, options: { is_primary?: boolean; is_validated?: boolean; is_notification_enabled?: boolean }, now: number): number {
	const id = nextId(state, 'emails');
	const isPrimary = options.is_primary ?? user.email_ids.length === 0;
	if (isPrimary) {
		for (const other of user.email_ids) {
			const identity = state.emails.get(other);
			if (identity) identity.is_primary = false;
		}
	}
	state.emails.set(id, {
		id,
		user_id: user.id,
		email,
		is_primary: isPrimary,
		is_validated: options.is_validated ?? false,
		is_notification_enabled: options.is_notification_enabled ?? false,
		created_at: now,
		updated_at: now
	});
	user.email_ids.push(id);
	return id;
}

export function createUser(state: AccountState, input: NewUser, now: number): UserRecord {
	const id = nextId(state, 'users');
	const staff = state.roles.get(input.role_id)?.type !== 'CUSTOMER';
	const user: UserRecord = {
		id,
		uuid: input.uuid ?? randomUUID(),
		full_name: input.full_name,
		legacy_id: input.legacy_id ?? null,
		designation: input.designation ?? null,
		is_enabled: input.is_enabled ?? true,
		is_mfa_enabled: input.is_mfa_enabled ?? false,
		role_id: input.role_id,
		organization_id: input.organization_id ?? null,
		team_ids: [...(input.team_ids ?? [])],
		email_ids: [],
		password: input.password ?? null,
		agent_case_access: input.agent_case_access ?? (staff ? 'ALL' : null),
		organization_case_access: input.organization_case_access ?? (staff ? null : 'REQUESTED'),
		locale_id: 3,
		time_zone: input.time_zone ?? 'UTC',
		field_values: { ...input.field_values },
		tags: [...(input.tags ?? [])],
		created_at: now,
		updated_at: now
	};
	state.users.set(id, user);
	for (const [index, email] of (input.emails ?? []).entries()) addEmailIdentity(state, user, email, { is_primary: index === 0, is_validated: staff }, now);
	return user;
}

export function addDomain(state: AccountState, organization: OrganizationRecord, domain: string, now: number): number {
	const id = nextId(state, 'domains');
	state.domains.set(id, { id, organization_id: organization.id, domain, is_primary: organization.domain_ids.length === 0, is_validated: false, created_at: now, updated_at: now });
	organization.domain_ids.push(id);
	return id;
}

export interface NewOrganization {
	name: string;
	legacy_id?: string | null;
	domains?: readonly string[];
	is_shared?: boolean;
	field_values?: Record<string, string>;
	tags?: readonly string[];
}

export function createOrganization(state: AccountState, input: NewOrganization, now: number): OrganizationRecord {
	const id = nextId(state, 'organizations');
	const organization: OrganizationRecord = {
		id,
		name: input.name,
		legacy_id: input.legacy_id ?? null,
		is_shared: input.is_shared ?? false,
		is_validated: null,
		domain_ids: [],
		field_values: { ...input.field_values },
		tags: [...(input.tags ?? [])],
		created_at: now,
		updated_at: now
	};
	state.organizations.set(id, organization);
	for (const domain of input.domains ?? []) addDomain(state, organization, domain, now);
	return organization;
}

export function replaceDomains(state: AccountState, organization: OrganizationRecord, domains: readonly string[], now: number): void {
	for (const id of organization.domain_ids) state.domains.delete(id);
	organization.domain_ids = [];
	for (const domain of domains) addDomain(state, organization, domain, now);
}

export function createTeam(state: AccountState, input: { title: string; legacy_id?: string | null }, now: number): TeamRecord {
	const id = nextId(state, 'teams');
	const team: TeamRecord = { id, title: input.title, legacy_id: input.legacy_id ?? null, businesshour_id: 1, created_at: now, updated_at: now };
	state.teams.set(id, team);
	return team;
}

export function deleteUser(state: AccountState, user: UserRecord): void {
	for (const id of user.email_ids) state.emails.delete(id);
	state.users.delete(user.id);
}
