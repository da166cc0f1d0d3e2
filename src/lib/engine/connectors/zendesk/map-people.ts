// Maps Zendesk users, organizations and groups into the canonical User, Organization and Team.
import type { Organization, SourceId, Team, User, UserRole } from '../../model';
import { fieldValues, idOf, textOf } from './map-values';
import { socialProfilesOf } from './map-via';
import type { ZendeskGroup, ZendeskIdentity, ZendeskOrganization, ZendeskUser } from './types';

/** Zendesk keys user and organization field values by the field's `key`; the model keys them by the field's id. */
export type FieldIdsByKey = ReadonlyMap<string, SourceId>;

export interface UserLookups {
	userFieldIds: FieldIdsByKey;
	/** Group memberships: the groups each agent belongs to. */
	teamIdsByUser: ReadonlyMap<number, SourceId[]>;
	/** The user's identities, when they were read (they add secondary addresses and phone numbers). */
	identities?: readonly ZendeskIdentity[];
}

/** role_type 1 is Zendesk's light agent: an agent who may only add private notes. */
const LIGHT_AGENT_ROLE_TYPE = 1;

function roleOf(user: ZendeskUser): UserRole {
	switch (user.role) {
		case 'end-user':
			return 'customer';
		case 'agent':
			return user.role_type === LIGHT_AGENT_ROLE_TYPE ? 'light-agent' : 'agent';
		case 'admin':
			return 'admin';
		default:
			// A role Zendesk adds later must not stop the page this user is on; the least privileged role is the safe guess.
			return 'customer';
	}
}

export function mapUser(user: ZendeskUser, lookups: UserLookups): User {
	const identities = lookups.identities ?? [];
	const emails = unique([user.email, ...identities.filter((identity) => identity.type === 'email').sort(primaryFirst).map((identity) => identity.value)]);
	const phones = unique([user.phone, ...identities.filter((identity) => identity.type === 'phone_number').sort(primaryFirst).map((identity) => identity.value)]);
	const organizationId = idOf(user.organization_id);
	const locale = textOf(user.locale);
	const timeZone = textOf(user.iana_time_zone) ?? textOf(user.time_zone);
	const notes = textOf(user.notes);
	const socialProfiles = socialProfilesOf(identities);
	const photoUrl = textOf(user.photo?.content_url);
	const handle = socialProfiles[0] && (socialProfiles[0].network === 'twitter' ? `@${socialProfiles[0].handle}` : socialProfiles[0].url);
	return {
		id: String(user.id),
		// A social user without a name still has a handle: never a nameless customer.
		name: user.name?.trim() || user.email || handle || `Zendesk user ${user.id}`,
		role: roleOf(user),
		// Deleted users come back from the export with active: false; they keep their tickets' authorship.
		active: user.active !== false,
		suspended: user.suspended === true,
		emails,
		phones,
		...(organizationId !== undefined && { organizationId }),
		teamIds: user.role === 'end-user' ? [] : (lookups.teamIdsByUser.get(user.id) ?? []),
		tags: user.tags ?? [],
		fields: byFieldId(user.user_fields, lookups.userFieldIds),
		...(locale !== undefined && { locale }),
		...(timeZone !== undefined && { timeZone }),
		...(notes !== undefined && { notes }),
		...(socialProfiles.length > 0 && { socialProfiles }),
		...(photoUrl !== undefined && { photoUrl }),
		...(user.created_at && { createdAt: user.created_at }),
		...(user.updated_at && { updatedAt: user.updated_at })
	};
}

export function mapOrganization(organization: ZendeskOrganization, organizationFieldIds: FieldIdsByKey): Organization {
	const notes = textOf(organization.notes);
	return {
		id: String(organization.id),
		name: organization.name,
		domains: organization.domain_names ?? [],
		tags: organization.tags ?? [],
		...(notes !== undefined && { notes }),
		fields: byFieldId(organization.organization_fields, organizationFieldIds),
		...(organization.created_at && { createdAt: organization.created_at }),
		...(organization.updated_at && { updatedAt: organization.updated_at })
	};
}

export function mapTeam(group: ZendeskGroup): Team {
	return { id: String(group.id), name: group.name, ...(group.created_at && { createdAt: group.created_at }) };
}

/** Values of fields no longer defined (a deleted field's key) have no id to go under and are left out. */
function byFieldId(values: Record<string, unknown> | null | undefined, idsByKey: FieldIdsByKey): Record<SourceId, ReturnType<typeof fieldValues>[string]> {
	return fieldValues(Object.entries(values ?? {}).map(([key, value]) => [idsByKey.get(key), value]));
}

function primaryFirst(a: ZendeskIdentity, b: ZendeskIdentity): number {
	return Number(b.primary === true) - Number(a.primary === true);
}

function unique(values: readonly (string | null | undefined)[]): string[] {
	return [...new Set(values.filter((value): value is string => !!value))];
}
