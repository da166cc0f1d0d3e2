// Deleted users in the Zendesk sandbox and the source: /deleted_users answers like Zendesk, and a deleted requester still reads as an inactive user.
import { describe, expect, it } from 'vitest';
import { getJson, useSandbox } from './zendesk-sandbox-fixtures';
import { allPages, openSource } from './zendesk-source-fixtures';

const { sandbox, url } = useSandbox({ seed: 42, tickets: 120 });

interface DeletedUser {
	id: number;
	name: string;
	active: boolean;
	url: string;
}

async function deletedUsers(): Promise<DeletedUser[]> {
	const all: DeletedUser[] = [];
	let next: string | undefined = `${url()}/api/v2/deleted_users.json?page[size]=10`;
	while (next) {
		const answer: { json: { deleted_users: DeletedUser[]; meta: { has_more: boolean }; links: { next: string | null } } } = await getJson(next);
		all.push(...answer.json.deleted_users);
		next = answer.json.meta.has_more ? (answer.json.links.next ?? undefined) : undefined;
	}
	return all;
}

describe('deleted users in the Zendesk sandbox', () => {
	it('lists the deleted users page by page, all inactive, as many as the count says, each shown at its own url', async () => {
		sandbox().reset();
		const listed = await deletedUsers();
		expect(listed.length).toBeGreaterThan(3);
		expect(listed.every((user) => user.active === false)).toBe(true);
		expect((await getJson<{ count: { value: number } }>(`${url()}/api/v2/deleted_users/count.json`)).json.count.value).toBe(listed.length);
		const first = listed[0] as DeletedUser;
		const shown = await getJson<{ deleted_user: DeletedUser }>(first.url);
		expect(shown.status).toBe(200);
		expect(shown.json.deleted_user).toMatchObject({ id: first.id, name: first.name, active: false });
		expect((await getJson<{ user: DeletedUser }>(`${url()}/api/v2/users/${first.id}.json`)).json.user).toMatchObject({ id: first.id, active: false });
	});

	it('answers 404 on /deleted_users for a user who was never deleted', async () => {
		expect((await getJson(`${url()}/api/v2/deleted_users/10000000.json`)).status).toBe(404);
	});
});

describe('the Zendesk source reading a deleted requester', () => {
	it('returns the requester of a ticket as an inactive user with its name when Zendesk knows the user as deleted', async () => {
		sandbox().reset();
		const deleted = new Map((await deletedUsers()).map((user) => [String(user.id), user]));
		const { source } = openSource(sandbox());
		const tickets = (await allPages(source.tickets())).flatMap((page) => page.records);
		const ticket = tickets.find((candidate) => candidate.requesterId !== undefined && deleted.has(candidate.requesterId));
		expect(ticket, 'a generated ticket whose requester was deleted').toBeDefined();
		const requesterId = ticket?.requesterId ?? '';
		const requester = await source.user(requesterId);
		expect(requester).toMatchObject({ id: requesterId, name: deleted.get(requesterId)?.name, role: 'customer', active: false });
	});
});
