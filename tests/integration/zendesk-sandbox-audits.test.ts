// The sandbox's ticket audits: cursor pages that add up to the whole trail, and a trail that replays to the ticket as it is now.
import { describe, expect, it } from 'vitest';
import { getJson, useSandbox } from './zendesk-sandbox-fixtures';

const { sandbox, url } = useSandbox({ seed: 42, tickets: 120 });

interface Audit {
	id: number;
	events: { type: string; field_name?: string; value?: unknown }[];
}

interface AuditPage {
	audits: Audit[];
	meta: { has_more: boolean };
	links: { next: string | null };
}

async function trail(ticketId: number, pageSize: number): Promise<Audit[]> {
	const audits: Audit[] = [];
	let next: string | null = `${url()}/api/v2/tickets/${ticketId}/audits.json?page[size]=${pageSize}`;
	while (next) {
		const answer: { json: AuditPage } = await getJson<AuditPage>(next);
		audits.push(...answer.json.audits);
		next = answer.json.meta.has_more ? answer.json.links.next : null;
	}
	return audits;
}

describe('ticket audits in the Zendesk sandbox', () => {
	it('pages by cursor to the same audits as one offset page, oldest first', async () => {
		sandbox().reset();
		const whole = (await getJson<{ audits: Audit[] }>(`${url()}/api/v2/tickets/2/audits.json`)).json.audits;
		expect(whole.length).toBeGreaterThan(2);
		expect((await trail(2, 2)).map((audit) => audit.id)).toEqual(whole.map((audit) => audit.id));
	});

	it('replays its Create and Change events to the status, assignee and group the ticket has now, group moves included', async () => {
		sandbox().reset();
		const tickets = (await getJson<{ tickets: { id: number; status: string; assignee_id: number | null; group_id: number | null }[] }>(`${url()}/api/v2/tickets.json?per_page=60`)).json.tickets;
		let groupMoves = 0;
		for (const ticket of tickets) {
			const state: Record<string, unknown> = { status: undefined, assignee_id: null, group_id: null };
			for (const event of (await trail(ticket.id, 100)).flatMap((audit) => audit.events)) {
				if ((event.type === 'Create' || event.type === 'Change') && event.field_name && event.field_name in state) state[event.field_name] = event.value;
				if (event.type === 'Change' && event.field_name === 'group_id') groupMoves += 1;
			}
			expect(state).toEqual({ status: ticket.status, assignee_id: ticket.assignee_id === null ? null : String(ticket.assignee_id), group_id: ticket.group_id === null ? null : String(ticket.group_id) });
		}
		expect(groupMoves).toBeGreaterThan(0);
	});
});
