// The seeded data and the test controls: same seed gives the same account, the variety a migration must handle is there, faults fire on demand.
import { describe, expect, it } from 'vitest';
import { createZendeskSandbox } from '../../server/sandbox/zendesk/index';
import { ADMIN_TOKEN, getJson, NOW, useSandbox } from './zendesk-sandbox-fixtures';

const { sandbox, url } = useSandbox({ seed: 9, tickets: 400 });

interface Ticket {
	id: number;
	requester_id: number;
	assignee_id: number | null;
	custom_fields: { id: number; value: unknown }[];
	email_cc_ids: number[];
	follower_ids: number[];
	subject: string;
}

async function everyTicket(): Promise<Ticket[]> {
	const tickets: Ticket[] = [];
	let next: string | null = `${url()}/api/v2/tickets.json?page[size]=100&support_type_scope=all`;
	while (next) {
		const page: { tickets: Ticket[]; meta: { has_more: boolean }; links: { next: string | null } } = (await getJson<never>(next)).json;
		tickets.push(...page.tickets);
		next = page.meta.has_more ? page.links.next : null;
	}
	return tickets;
}

describe('the seeded Zendesk account', () => {
	it('is the same for the same seed and differs for another', async () => {
		const [a, b, c] = [createZendeskSandbox({ seed: 5, tickets: 50, now: () => NOW }), createZendeskSandbox({ seed: 5, tickets: 50, now: () => NOW }), createZendeskSandbox({ seed: 6, tickets: 50, now: () => NOW })];
		const bodies: string[] = [];
		for (const instance of [a, b, c]) {
			await instance.listen(0, '127.0.0.1');
			const tickets = await getJson(`${instance.url}/api/v2/incremental/tickets/cursor.json?start_time=0&include=users`);
			const comments = await getJson(`${instance.url}/api/v2/tickets/11/comments.json`);
			bodies.push(JSON.stringify([tickets.json, comments.json]).replaceAll(instance.url, 'BASE'));
			await instance.close();
		}
		expect(bodies[0]).toBe(bodies[1]);
		expect(bodies[2]).not.toBe(bodies[0]);
	});

	it('fills every custom field type on tickets and lists those types among the ticket fields', async () => {
		const fields = (await getJson<{ ticket_fields: { id: number; type: string; removable: boolean; custom_field_options?: unknown[] }[] }>(`${url()}/api/v2/ticket_fields.json`)).json.ticket_fields;
		const builtIn = ['subject', 'description', 'status', 'tickettype', 'priority', 'group', 'assignee', 'custom_status'];
		const custom = fields.filter((field) => !builtIn.includes(field.type));
		expect(new Set(custom.map((field) => field.type))).toEqual(new Set(['text', 'textarea', 'checkbox', 'date', 'integer', 'decimal', 'regexp', 'partialcreditcard', 'multiselect', 'tagger', 'lookup']));
		expect(fields.filter((field) => builtIn.includes(field.type)).map((field) => field.type)).toEqual(builtIn);
		// As real accounts answer: Type and Priority are built in and still removable.
		expect(fields.filter((field) => !field.removable).map((field) => field.type)).toEqual(['subject', 'description', 'status', 'group', 'assignee', 'custom_status']);
		const ticket = (await getJson<{ ticket: Ticket }>(`${url()}/api/v2/tickets/1.json`)).json.ticket;
		const activeCustom = custom.slice(0, 11).map((field) => field.id);
		expect(activeCustom.every((id) => ticket.custom_fields.some((field) => field.id === id && field.value !== null))).toBe(true);
	});

	it('holds deleted and suspended users, agents who left with tickets, requesters since deleted, CCs and followers, and several languages', async () => {
		const tickets = await everyTicket();
		const users = new Map<number, { active: boolean; suspended: boolean; role: string }>();
		let next: string | null = `${url()}/api/v2/incremental/users/cursor.json?start_time=0`;
		while (next) {
			const page: { users: { id: number; active: boolean; suspended: boolean; role: string }[]; end_of_stream: boolean; after_url: string } = (await getJson<never>(next)).json;
			for (const user of page.users) users.set(user.id, user);
			next = page.end_of_stream ? null : page.after_url;
		}
		const all = [...users.values()];
		expect(all.some((user) => !user.active && user.role === 'end-user')).toBe(true);
		expect(all.some((user) => user.suspended)).toBe(true);
		expect(tickets.some((ticket) => ticket.assignee_id !== null && users.get(ticket.assignee_id)?.active === false)).toBe(true);
		expect(tickets.some((ticket) => users.get(ticket.requester_id)?.active === false)).toBe(true);
		expect(tickets.some((ticket) => ticket.email_cc_ids.length > 0)).toBe(true);
		expect(tickets.some((ticket) => ticket.follower_ids.length > 0)).toBe(true);
		const subjects = tickets.map((ticket) => ticket.subject).join(' ');
		expect(subjects).toMatch(/[äöüß]/);
		expect(subjects).toMatch(/[éèàç’]/);
		expect(subjects).toMatch(/[\u3040-\u30ff\u4e00-\u9faf]/);
		expect(subjects).toMatch(/\p{Extended_Pictographic}/u);
	});

	it('lists deleted tickets on their own endpoint and hides them from the ticket list', async () => {
		const deleted = await getJson<{ deleted_tickets: { id: number; previous_state: string }[]; count: number }>(`${url()}/api/v2/deleted_tickets.json`);
		expect(deleted.json.deleted_tickets.map((ticket) => ticket.id)).toEqual([17, 70, 123, 176, 229, 282, 335, 388]);
		expect((await getJson(`${url()}/api/v2/tickets/17.json`)).status).toBe(404);
		expect((await everyTicket()).some((ticket) => ticket.id === 17)).toBe(false);
	});
});

describe('the test controls of the Zendesk sandbox', () => {
	it('injects a 500, a dropped connection and a malformed body on the next matching requests, then answers normally', async () => {
		sandbox().reset();
		sandbox().faults.set([
			{ kind: 'server-error', times: 1, path: '/api/v2/groups*' },
			{ kind: 'drop-before', times: 1, path: '/api/v2/groups*' },
			{ kind: 'malformed-json', times: 1, path: '/api/v2/groups*' }
		]);
		expect((await fetch(`${url()}/api/v2/groups.json`, { headers: { Authorization: 'x' } })).status).toBe(500);
		await expect(fetch(`${url()}/api/v2/groups.json`)).rejects.toThrow();
		const malformed = await (await fetch(`${url()}/api/v2/groups.json`, { headers: { Authorization: ADMIN_TOKEN } })).text();
		expect(() => JSON.parse(malformed)).toThrow();
		expect((await getJson(`${url()}/api/v2/groups.json`)).status).toBe(200);
	});

	it('serves a request under a drop-after fault, counting it, though the client hears nothing', async () => {
		sandbox().reset();
		sandbox().faults.add({ kind: 'drop-after', times: 1, path: '/api/v2/brands*' });
		await expect(fetch(`${url()}/api/v2/brands.json`, { headers: { Authorization: ADMIN_TOKEN } })).rejects.toThrow();
		expect(sandbox().state().requests.byRoute['/api/v2/brands']).toBe(1);
	});

	it('offers the same controls over HTTP under /__sandbox/ with CORS for any origin', async () => {
		sandbox().reset();
		const added = await fetch(`${url()}/__sandbox/tickets`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ subject: 'Via HTTP', comment: 'Made by the control surface' }) });
		expect(added.status).toBe(200);
		expect(added.headers.get('access-control-allow-origin')).toBe('*');
		const ticket = ((await added.json()) as { ticket: { id: number } }).ticket;
		expect(ticket.id).toBe(401);
		const patched = await fetch(`${url()}/__sandbox/tickets/${ticket.id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status: 'pending' }) });
		expect(((await patched.json()) as { ticket: { status: string } }).ticket.status).toBe('pending');
		const clock = await fetch(`${url()}/__sandbox/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advanceMs: 120_000 }) });
		expect(((await clock.json()) as { now: number }).now).toBe(NOW + 120_000);
		const state = (await (await fetch(`${url()}/__sandbox/state`)).json()) as { mutations: { addedTickets: number; changedTickets: number } };
		expect(state.mutations).toMatchObject({ addedTickets: 1, changedTickets: 1 });
		const missing = await fetch(`${url()}/__sandbox/tickets/99999/comments`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ body: 'x' }) });
		expect(missing.status).toBe(404);
		const reset = await fetch(`${url()}/__sandbox/reset`, { method: 'POST' });
		expect(((await reset.json()) as { mutations: { addedTickets: number } }).mutations.addedTickets).toBe(0);
		expect((await getJson(`${url()}/api/v2/tickets/401.json`)).status).toBe(404);
	});

	it('records an audit with the change events of a ticket update', async () => {
		sandbox().reset();
		sandbox().updateTicket(3, { status: 'hold', assignee_id: 10_000_001 });
		const audits = await getJson<{ audits: { events: { type: string; field_name?: string; value?: unknown; previous_value?: unknown }[] }[] }>(`${url()}/api/v2/tickets/3/audits.json`);
		const last = audits.json.audits[audits.json.audits.length - 1];
		expect(last?.events.find((event) => event.field_name === 'status')).toMatchObject({ type: 'Change', value: 'hold' });
		expect(last?.events.find((event) => event.field_name === 'assignee_id')).toMatchObject({ type: 'Change', value: 10_000_001 });
	});
});
