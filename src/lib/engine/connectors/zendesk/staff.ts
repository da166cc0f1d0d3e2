// Zendesk's staff for the match step: agents and admins (light agents among them), then the deleted ones, who still own old tickets.
import type { User } from '../../model';
import type { ZendeskClient } from './client';
import type { ZendeskLookups } from './lookups';
import { mapUser } from './map-people';
import { cursorList } from './pages';
import type { ZendeskUser } from './types';

/** Every agent and admin, active or not: the listed ones first, then the deleted ones from `/deleted_users` (active false). */
export async function readStaff(client: ZendeskClient, lookups: ZendeskLookups, signal?: AbortSignal): Promise<User[]> {
	const options = signal ? { signal } : {};
	const [userFieldIds, teamIdsByUser] = await Promise.all([lookups.userFieldIds.get(signal), lookups.teamIdsByUser.get(signal)]);
	const staff = new Map<string, User>();
	for (const role of ['admin', 'agent']) {
		for await (const page of cursorList<ZendeskUser>(client, { path: '/api/v2/users.json', key: 'users', query: { role } }, options)) {
			for (const user of page.records) if (user.role !== 'end-user') staff.set(String(user.id), mapUser(user, { userFieldIds, teamIdsByUser }));
		}
	}
	// Zendesk documents no role filter on deleted users: read them all and keep the staff.
	for await (const page of cursorList<ZendeskUser>(client, { path: '/api/v2/deleted_users.json', key: 'deleted_users' }, options)) {
		for (const user of page.records) {
			if (user.role === 'end-user' || staff.has(String(user.id))) continue;
			staff.set(String(user.id), mapUser({ ...user, active: false }, { userFieldIds, teamIdsByUser }));
		}
	}
	return [...staff.values()];
}
