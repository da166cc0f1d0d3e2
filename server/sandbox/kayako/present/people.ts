// Presenters for users, roles, e-mail and domain identities, organizations, teams and locales, in the recorded shapes.
import type { FieldFamily } from '../records';
import { iso } from '../time';
import { ref, refs, type Presenter, type PresentContext } from './ref';

const PRESENCE_HASH = 'f3e1c2a4b5d6978812ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90';

/** The `custom_fields` array of a user, organization or case: one entry per value, the field as a reference. */
export function customFieldValues(context: PresentContext, family: FieldFamily, values: Record<string, string>): Record<string, unknown>[] {
	const out: Record<string, unknown>[] = [];
	for (const field of context.state.fields.values()) {
		if (field.family !== family) continue;
		const value = values[field.key];
		if (value === undefined) continue;
		out.push({ field: ref(`${family}_field`, field.id), value, resource_type: `${family}_field_value` });
	}
	return out;
}

const user: Presenter = (context, id) => {
	const record = context.state.users.get(Number(id));
	if (!record) return undefined;
	const seen = iso(record.updated_at);
	return {
		id: record.id,
		uuid: record.uuid,
		full_name: record.full_name,
		legacy_id: record.legacy_id,
		designation: record.designation,
		is_enabled: record.is_enabled,
		is_mfa_enabled: record.is_mfa_enabled,
		role: ref('role', record.role_id),
		avatar: `${context.accountUrl}/avatar/get/${record.uuid}?${Math.floor(record.updated_at / 1000)}`,
		agent_case_access: record.agent_case_access,
		organization_case_access: record.organization_case_access,
		organization: ref('organization', record.organization_id),
		teams: refs('team', record.team_ids),
		emails: refs('identity_email', record.email_ids),
		phones: [],
		twitter: [],
		facebook: [],
		external_identifiers: [],
		custom_fields: customFieldValues(context, 'user', record.field_values),
		pinned_notes_count: 0,
		locale: ref('locale', record.locale_id),
		time_zone: record.time_zone,
		time_zone_offset: 0,
		greeting: null,
		signature: null,
		status_message: null,
		last_seen_user_agent: 'Kayako sandbox',
		last_seen_ip: '127.0.0.1',
		last_seen_at: seen,
		last_active_at: seen,
		realtime_channel: `presence-${PRESENCE_HASH}@v1_users_${record.id}`,
		presence_channel: `user_presence-${PRESENCE_HASH}@${record.uuid}`,
		password_updated_at: iso(record.created_at),
		avatar_updated_at: record.avatar ? iso(record.avatar.updated_at) : null,
		last_logged_in_at: seen,
		last_activity_at: seen,
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'user',
		resource_url: `${context.apiBase}/users/${record.id}`
	};
};

const role: Presenter = (context, id) => {
	const record = context.state.roles.get(Number(id));
	if (!record) return undefined;
	return {
		id: record.id,
		title: record.title,
		type: record.type,
		is_system: record.is_system,
		agent_case_access: record.agent_case_access,
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'role',
		resource_url: `${context.apiBase}/roles/${record.id}`
	};
};

const identityEmail: Presenter = (context, id) => {
	const record = context.state.emails.get(Number(id));
	if (!record) return undefined;
	return {
		id: record.id,
		email: record.email,
		is_primary: record.is_primary,
		is_validated: record.is_validated,
		is_notification_enabled: record.is_notification_enabled,
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'identity_email',
		resource_url: `${context.apiBase}/identities/emails/${record.id}`
	};
};

const identityDomain: Presenter = (context, id) => {
	const record = context.state.domains.get(Number(id));
	if (!record) return undefined;
	return {
		id: record.id,
		domain: record.domain,
		is_primary: record.is_primary,
		is_validated: record.is_validated,
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'identity_domain',
		resource_url: `${context.apiBase}/identities/domains/${record.id}`
	};
};

const organization: Presenter = (context, id) => {
	const record = context.state.organizations.get(Number(id));
	if (!record) return undefined;
	return {
		id: record.id,
		name: record.name,
		legacy_id: record.legacy_id,
		is_shared: record.is_shared,
		domains: refs('identity_domain', record.domain_ids),
		is_validated: record.is_validated,
		phone: [],
		addresses: [],
		websites: [],
		pinned_notes_count: 0,
		custom_fields: customFieldValues(context, 'organization', record.field_values),
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'organization',
		resource_url: `${context.apiBase}/organizations/${record.id}`
	};
};

const team: Presenter = (context, id) => {
	const record = context.state.teams.get(Number(id));
	if (!record) return undefined;
	let members = 0;
	for (const member of context.state.users.values()) if (member.team_ids.includes(record.id)) members += 1;
	return {
		id: record.id,
		legacy_id: record.legacy_id,
		title: record.title,
		businesshour: ref('business_hour', record.businesshour_id),
		member_count: members,
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'team',
		resource_url: `${context.apiBase}/teams/${record.id}`
	};
};

const locale: Presenter = (context, id) => {
	if (Number(id) !== 3) return undefined;
	return {
		id: 3,
		locale: 'en-us',
		name: 'English (United States)',
		native_name: 'English (United States)',
		region: 'US',
		native_region: 'United States',
		script: '',
		variant: '',
		direction: 'LTR',
		is_public: true,
		is_localized: true,
		resource_type: 'locale',
		resource_url: `${context.apiBase}/locales/3`
	};
};

export const PEOPLE_PRESENTERS: Readonly<Record<string, Presenter>> = {
	user,
	role,
	identity_email: identityEmail,
	identity_domain: identityDomain,
	organization,
	team,
	locale
};
