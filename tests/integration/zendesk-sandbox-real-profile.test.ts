// The "real" seed profile of the sandbox Zendesk holds what a real account holds (issue 12): social users without
// e-mail, the system user -1, mixed channels with real `via` shapes, nulls at real rates, and real comment oddities.
import { describe, expect, it } from 'vitest';
import { getJson, useSandbox } from './zendesk-sandbox-fixtures';

const { sandbox, url } = useSandbox({ tickets: 60, profile: 'real' });
const tidy = useSandbox({ tickets: 60 });

interface User {
	id: number;
	role: string;
	email: string | null;
	phone: string | null;
	photo: { content_url: string } | null;
	alias: string | null;
	details: string | null;
	notes: string | null;
	last_login_at: string | null;
}
interface Ticket {
	id: number;
	status: string;
	submitter_id: number;
	requester_id: number;
	priority: string | null;
	type: string | null;
	recipient: string | null;
	satisfaction_rating: unknown;
	custom_fields: { id: number; value: unknown }[];
	via: { channel: string; source: { from: Record<string, unknown>; to: Record<string, unknown>; rel: string | null } };
}
interface Comment {
	author_id: number;
	html_body: string;
	via: { channel: string };
	metadata: { system: Record<string, unknown>; decoration?: Record<string, unknown> };
	attachments: { content_type: string; width: number | null; height: number | null; thumbnails: { content_url: string }[] }[];
}

async function allUsers(base: string): Promise<User[]> {
	return (await getJson<{ users: User[] }>(`${base}/api/v2/incremental/users.json?start_time=0&per_page=1000`)).json.users;
}

async function allTickets(base: string): Promise<Ticket[]> {
	return (await getJson<{ tickets: Ticket[] }>(`${base}/api/v2/incremental/tickets/cursor.json?start_time=0&support_type_scope=all`)).json.tickets.filter((ticket) => ticket.status !== 'deleted');
}

async function allComments(base: string, tickets: Ticket[]): Promise<Comment[]> {
	const comments: Comment[] = [];
	for (const ticket of tickets) comments.push(...(await getJson<{ comments: Comment[] }>(`${base}/api/v2/tickets/${ticket.id}/comments.json?include_inline_images=true`)).json.comments);
	return comments;
}

describe('the sandbox Zendesk seeded like a real account', () => {
	it('has mostly Twitter and Facebook end users without e-mail or phone, with a handle identity and a photo', async () => {
		const endUsers = (await allUsers(url())).filter((user) => user.role === 'end-user');
		const social = endUsers.filter((user) => user.email === null);
		expect(social.length / endUsers.length).toBeGreaterThan(0.7);
		expect(social.every((user) => user.phone === null && user.photo !== null && user.last_login_at === null && user.details === null && user.notes === null)).toBe(true);
		const kinds = new Set<string>();
		for (const user of social.slice(0, 12)) {
			const { identities } = (await getJson<{ identities: { type: string; value: string }[] }>(`${url()}/api/v2/users/${user.id}/identities.json`)).json;
			expect(identities).toHaveLength(1);
			expect(identities[0]?.value).toBeTruthy();
			kinds.add(identities[0]!.type);
		}
		expect([...kinds].sort()).toEqual(['facebook', 'twitter']);
		// The tidy profile stays as it was: every end user has an address.
		expect((await allUsers(tidy.url())).filter((user) => user.role === 'end-user').every((user) => typeof user.email === 'string')).toBe(true);
	});

	it('has tickets of every channel with their real `via.source` shapes, most submitted by the system user -1', async () => {
		const tickets = await allTickets(url());
		const byChannel = new Map<string, Ticket[]>();
		for (const ticket of tickets) byChannel.set(ticket.via.channel, [...(byChannel.get(ticket.via.channel) ?? []), ticket]);
		expect([...byChannel.keys()].sort()).toEqual(['api', 'email', 'facebook', 'sample_ticket', 'twitter', 'web']);
		expect(byChannel.get('twitter')![0]!.via.source.from).toMatchObject({ username: expect.any(String), profile_url: expect.stringMatching(/^https:\/\/twitter\.com\//) });
		expect(['mention', 'direct_message']).toContain(byChannel.get('twitter')![0]!.via.source.rel);
		expect(byChannel.get('facebook')![0]!.via.source.from).toMatchObject({ facebook_id: expect.any(String), profile_url: expect.stringMatching(/^https:\/\/www\.facebook\.com\//) });
		expect(byChannel.get('email')![0]!.via.source.from).toMatchObject({ address: expect.stringContaining('@') });
		expect(byChannel.get('web')![0]!.via.source).toEqual({ from: {}, to: {}, rel: null });
		expect(tickets.filter((ticket) => ticket.submitter_id === -1).length / tickets.length).toBeGreaterThan(0.5);
		expect((await getJson(`${url()}/api/v2/users/-1.json`)).status).toBe(404);
	});

	it('leaves values null at real rates, with a "1,2" decimal and a "" drop-down among them', async () => {
		const tickets = await allTickets(url());
		const values = tickets.flatMap((ticket) => ticket.custom_fields.map((field) => field.value));
		expect(values.filter((value) => value === null).length / values.length).toBeGreaterThan(0.8);
		expect(values).toContain('1,2');
		expect(values).toContain('');
		expect(tickets.filter((ticket) => ticket.priority === null).length / tickets.length).toBeGreaterThan(0.6);
		expect(tickets.filter((ticket) => ticket.type === null).length / tickets.length).toBeGreaterThan(0.6);
		expect(tickets.every((ticket) => ticket.satisfaction_rating === null)).toBe(true);
		expect(tickets.filter((ticket) => ticket.via.channel !== 'email').every((ticket) => ticket.recipient === null)).toBe(true);
	});

	it('has comments with system metadata, social decoration, Zendesk\'s emoji images, doubled entities and thumbnails', async () => {
		const comments = await allComments(url(), (await allTickets(url())).slice(0, 40));
		expect(comments.some((comment) => comment.metadata.system.ip_address !== undefined)).toBe(true);
		const social = comments.filter((comment) => comment.via.channel === 'twitter' || comment.via.channel === 'facebook');
		expect(social.length).toBeGreaterThan(0);
		expect(social.every((comment) => comment.metadata.decoration !== undefined && Object.keys(comment.metadata.system).length === 0)).toBe(true);
		expect(social.some((comment) => comment.html_body.includes('&amp;amp;'))).toBe(true);
		expect(social.some((comment) => /<img [^>]*src="https:\/\/static\.zdassets\.com\/[^"]+"[^>]*class="emoji"/.test(comment.html_body))).toBe(true);
		const attachments = comments.flatMap((comment) => comment.attachments);
		const images = attachments.filter((attachment) => attachment.content_type.startsWith('image/'));
		const others = attachments.filter((attachment) => !attachment.content_type.startsWith('image/'));
		expect(images.length).toBeGreaterThan(0);
		expect(others.length).toBeGreaterThan(0);
		expect(images.every((attachment) => attachment.thumbnails.length === 1 && typeof attachment.width === 'number')).toBe(true);
		expect(others.every((attachment) => attachment.width === null && attachment.height === null && attachment.thumbnails.length === 0)).toBe(true);
		expect(sandbox().plan.profile).toBe('real');
	});
});
