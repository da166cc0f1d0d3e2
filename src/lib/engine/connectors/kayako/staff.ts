// Kayako's staff (owners, admins, agents, collaborators) with their e-mail addresses and teams, for the match step.
import type { KayakoSession } from './session';
import { listAll } from './writer/context';
import { referenceData } from './writer/reference-data';

export interface KayakoStaffMember {
	id: number;
	name: string;
	/** Lower-cased; the primary address first. */
	emails: string[];
	/** OWNER, ADMIN, AGENT or COLLABORATOR. */
	role: string;
	enabled: boolean;
	teamIds: number[];
}

interface KayakoUserRow {
	id: number;
	full_name?: string;
	is_enabled?: boolean;
	role?: { id?: number } | null;
	teams?: { id?: number }[];
	emails?: ({ email?: string; is_primary?: boolean } | { id: number })[];
}

const STAFF_ROLES = ['OWNER', 'ADMIN', 'AGENT', 'COLLABORATOR'];

/** One list per staff role; rows are checked against the role ids too, so an account that ignores the filter still gives only staff. */
export async function listKayakoStaff(session: KayakoSession): Promise<KayakoStaffMember[]> {
	const { roles } = await referenceData(session);
	const roleType = new Map(roles.map((role) => [role.id, role.type]));
	const staff = new Map<number, KayakoStaffMember>();
	for (const wanted of STAFF_ROLES) {
		if (!roles.some((role) => role.type === wanted)) continue;
		const rows = await listAll<KayakoUserRow>(session, 'users.json', { role: wanted, include: 'identity_email', fields: 'id,full_name,is_enabled,role,teams,emails' });
		for (const row of rows) {
			const type = row.role?.id === undefined ? undefined : roleType.get(row.role.id);
			if (!type || !STAFF_ROLES.includes(type) || staff.has(row.id)) continue;
			const identities = (row.emails ?? []).filter((each): each is { email: string; is_primary?: boolean } => 'email' in each && typeof each.email === 'string');
			identities.sort((a, b) => Number(b.is_primary === true) - Number(a.is_primary === true));
			staff.set(row.id, {
				id: row.id,
				name: row.full_name?.trim() || identities[0]?.email || `#${row.id}`,
				emails: identities.map((each) => each.email.toLowerCase()),
				role: type,
				enabled: row.is_enabled !== false,
				teamIds: (row.teams ?? []).map((team) => team.id).filter((id): id is number => typeof id === 'number')
			});
		}
	}
	return [...staff.values()].sort((a, b) => a.name.localeCompare(b.name));
}
