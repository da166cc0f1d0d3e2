// The Zendesk source's eventsAsComments option against the sandbox: audits become private event comments, and without it comments stay as they were.
import { describe, expect, it } from 'vitest';
import { getJson, useSandbox } from './zendesk-sandbox-fixtures';
import { allPages, openSource } from './zendesk-source-fixtures';

const { sandbox, url } = useSandbox({ seed: 42, tickets: 120 });

const TRACKED = /^(status|assignee_id|group_id|\d+)$/;

interface RawAudit {
	created_at: string;
	events: { type: string; field_name?: string }[];
}

/** The audits that changed a tracked field, read straight from the sandbox, following cursor pages of 2. */
async function changingAudits(ticketId: string): Promise<RawAudit[]> {
	const audits: RawAudit[] = [];
	let next: string | null = `${url()}/api/v2/tickets/${ticketId}/audits.json?page[size]=2`;
	while (next) {
		const answer: { json: { audits: RawAudit[]; meta: { has_more: boolean }; links: { next: string | null } } } = await getJson(next);
		audits.push(...answer.json.audits);
		next = answer.json.meta.has_more ? answer.json.links.next : null;
	}
	return audits.filter((audit) => audit.events.some((event) => event.type === 'Change' && TRACKED.test(event.field_name ?? '')));
}

describe('the Zendesk source with ticket events as comments', () => {
	it('adds one private event comment per audit that changed status, assignee, group or a field, in time order with the real comments', async () => {
		sandbox().reset();
		const plain = openSource(sandbox()).source;
		const withEvents = openSource(sandbox(), { eventsAsComments: true }).source;
		const tickets = (await allPages(plain.tickets())).flatMap((page) => page.records).slice(0, 30);
		let events = 0;
		for (const ticket of tickets) {
			const comments = await plain.comments(ticket.id);
			const combined = await withEvents.comments(ticket.id);
			const added = combined.filter((comment) => comment.event);
			expect(combined.filter((comment) => !comment.event)).toEqual(comments);
			expect(added.length).toBe((await changingAudits(ticket.id)).length);
			expect(added.every((comment) => !comment.public && comment.plain.length > 0 && comment.html.startsWith('<p>') && comment.attachments.length === 0)).toBe(true);
			const times = combined.map((comment) => Date.parse(comment.createdAt));
			expect(times).toEqual([...times].sort((a, b) => a - b));
			events += added.length;
		}
		expect(events).toBeGreaterThan(10);
	});

	it('keeps the changes for the writer, groups by name and custom fields by title, and puts no id in the text', async () => {
		const { source } = openSource(sandbox(), { eventsAsComments: true });
		const tickets = (await allPages(source.tickets())).flatMap((page) => page.records);
		const events = [];
		for (const ticket of tickets.slice(0, 60)) events.push(...(await source.comments(ticket.id)).filter((comment) => comment.event));
		const changes = events.flatMap((event) => event.changes ?? []);
		expect(changes.some((change) => change.kind === 'status' && /^(new|open|pending)$/.test(change.before ?? '') && change.after !== undefined)).toBe(true);
		expect(changes.some((change) => change.kind === 'assignee' && change.before === undefined && /^\d+$/.test(change.after ?? ''))).toBe(true);
		expect(changes.some((change) => change.kind === 'group' && change.before !== undefined && change.after !== undefined && !!change.names?.[change.before] && !!change.names?.[change.after])).toBe(true);
		expect(changes.some((change) => change.kind === 'field' && !/^\d+$/.test(change.label ?? ''))).toBe(true);
		// The text is a preview without names; the writer words it with names in the migration's language.
		for (const event of events) expect(event.plain).not.toMatch(/\b\d{6,}\b/);
	});

	it('leaves comments untouched and reads no audits without the option', async () => {
		sandbox().reset();
		const { source, recorded } = openSource(sandbox());
		const tickets = (await allPages(source.tickets())).flatMap((page) => page.records).slice(0, 10);
		for (const ticket of tickets) expect((await source.comments(ticket.id)).some((comment) => comment.event)).toBe(false);
		expect(recorded.some((answer) => answer.url.includes('/audits'))).toBe(false);
	});
});
