// The ticket-events export of the Zendesk sandbox: time-based pages of ticket updates, comments as `Comment` child
// events only with `comment_events`, each comment once and as the comments endpoint lists it, its own 10/min limit.
import { describe, expect, it } from 'vitest';
import { getJson, useSandbox } from './zendesk-sandbox-fixtures';

interface ChildEvent {
	id: number;
	event_type: string;
	[key: string]: unknown;
}

interface TicketEvent {
	id: number;
	ticket_id: number;
	timestamp: number;
	created_at: string;
	updater_id: number;
	via: string;
	event_type: string;
	child_events: ChildEvent[];
}

interface EventsPage {
	ticket_events: TicketEvent[];
	count: number;
	end_time: number;
	next_page: string;
	end_of_stream: boolean;
}

interface ListedComment {
	id: number;
	author_id: number;
	body: string;
	html_body: string;
	plain_body: string;
	public: boolean;
	audit_id: number;
	created_at: string;
	via: unknown;
	metadata: unknown;
	attachments: { id: number; content_url: string; size: number }[];
}

const { sandbox, url } = useSandbox({ seed: 7, tickets: 25, profile: 'real' });
const EVENTS = '/api/v2/incremental/ticket_events.json';

/** Follows next_page to end_of_stream, waiting out the export's limit on the sandbox's clock; events deduplicated by id. */
async function walk(first: string): Promise<{ pages: EventsPage[]; events: TicketEvent[] }> {
	const pages: EventsPage[] = [];
	const seen = new Map<number, TicketEvent>();
	let next = first;
	for (;;) {
		const answer = await getJson<EventsPage>(next);
		if (answer.status === 429) {
			sandbox().advanceClock(Number(answer.headers.get('retry-after')) * 1000);
			continue;
		}
		expect(answer.status).toBe(200);
		pages.push(answer.json);
		for (const event of answer.json.ticket_events) seen.set(event.id, event);
		if (answer.json.end_of_stream) return { pages, events: [...seen.values()] };
		next = answer.json.next_page;
	}
}

/** Every comment of a live ticket, page after page; undefined for a deleted one (404). */
async function listedComments(ticketId: number): Promise<ListedComment[] | undefined> {
	const all: ListedComment[] = [];
	let next: string | null = `${url()}/api/v2/tickets/${ticketId}/comments.json?page[size]=100`;
	while (next) {
		const answer: Awaited<ReturnType<typeof getJson<{ comments: ListedComment[]; links: { next: string | null }; meta: { has_more: boolean } }>>> = await getJson(next);
		if (answer.status === 404) return undefined;
		expect(answer.status).toBe(200);
		all.push(...answer.json.comments);
		next = answer.json.meta.has_more ? answer.json.links.next : null;
	}
	return all;
}

describe('the ticket-events export of the Zendesk sandbox', () => {
	it('carries every comment of every live ticket once, as the comments endpoint lists it, with comment_events', async () => {
		sandbox().reset();
		const { pages, events } = await walk(`${url()}${EVENTS}?start_time=0&include=comment_events&per_page=40&support_type_scope=all`);
		expect(pages.length).toBeGreaterThan(2);
		let deleted = 0;
		const comments = events.flatMap((event) => event.child_events.filter((child) => child.event_type === 'Comment').map((child) => ({ event, child })));
		for (let ticketId = 1; ticketId <= 25; ticketId += 1) {
			const listed = await listedComments(ticketId);
			const exported = comments.filter(({ event }) => event.ticket_id === ticketId);
			// A deleted ticket's history stays in the stream; the ticket export says it is deleted.
			if (!listed) {
				deleted += 1;
				expect(exported.length).toBeGreaterThan(0);
				continue;
			}
			expect(exported.map(({ child }) => child.id)).toEqual(listed.map((comment) => comment.id));
			for (const [index, comment] of listed.entries()) {
				const found = exported[index];
				expect(found?.child).toMatchObject({
					type: 'Comment',
					author_id: comment.author_id,
					body: comment.body,
					html_body: comment.html_body,
					plain_body: comment.plain_body,
					public: comment.public,
					audit_id: comment.audit_id,
					created_at: comment.created_at,
					via: comment.via,
					metadata: comment.metadata,
					attachments: comment.attachments
				});
				expect(found?.event.id).toBe(comment.audit_id);
			}
		}
		expect(deleted).toBeGreaterThan(0);
		// Events come in time order; one update's events all carry its time.
		const stamps = pages.flatMap((page) => page.ticket_events.map((event) => event.timestamp));
		expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
		expect(events.every((event) => event.timestamp === Date.parse(event.created_at) / 1000 && event.event_type === 'Audit' && typeof event.via === 'string')).toBe(true);
	});

	it('says only whether an update had a comment, and whether it was public, without comment_events', async () => {
		sandbox().reset();
		const answer = await getJson<EventsPage>(`${url()}${EVENTS}?start_time=0&per_page=50`);
		const children = answer.json.ticket_events.flatMap((event) => event.child_events.filter((child) => child.event_type === 'Comment'));
		expect(children.length).toBeGreaterThan(0);
		for (const child of children) {
			expect(child.comment_present).toBe(true);
			expect(typeof child.comment_public).toBe('boolean');
			expect(child).not.toHaveProperty('body');
			expect(child).not.toHaveProperty('html_body');
		}
	});

	it('pages by time: a full page ends on a whole second, repeated by the next page, whose start_time is the end_time', async () => {
		sandbox().reset();
		const first = await getJson<EventsPage>(`${url()}${EVENTS}?start_time=0&per_page=10`);
		expect(first.json.end_of_stream).toBe(false);
		expect(first.json.count).toBe(first.json.ticket_events.length);
		const last = first.json.ticket_events.at(-1);
		expect(first.json.end_time).toBe(last?.timestamp);
		const next = new URL(first.json.next_page);
		expect(next.pathname).toBe(EVENTS);
		expect(next.searchParams.get('start_time')).toBe(String(first.json.end_time));
		const second = await getJson<EventsPage>(first.json.next_page);
		expect(second.json.ticket_events[0]?.timestamp).toBe(first.json.end_time);
	});

	it('refuses a start_time within the last minute and an unknown scope', async () => {
		sandbox().reset();
		const recent = Math.floor(sandbox().now() / 1000) - 30;
		expect((await getJson(`${url()}${EVENTS}?start_time=${recent}`)).status).toBe(400);
		expect((await getJson(`${url()}${EVENTS}?start_time=0&support_type_scope=robots`)).status).toBe(400);
	});

	it('counts against the incremental exports\' 10 a minute, said in its own header', async () => {
		sandbox().reset();
		for (let request = 1; request <= 10; request += 1) {
			const answer = await getJson(`${url()}${EVENTS}?start_time=0&per_page=1`);
			expect(answer.status).toBe(200);
			expect(answer.headers.get('zendesk-ratelimit-incremental-exports')).toMatch(new RegExp(`^total=10; remaining=${10 - request}; resets=\\d+$`));
		}
		const refused = await getJson(`${url()}${EVENTS}?start_time=0&per_page=1`);
		expect(refused.status).toBe(429);
		expect(refused.headers.get('zendesk-ratelimit-incremental-exports')).toMatch(/remaining=0/);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
	});

	it('lists a comment added later in an update after the time the reader stopped at', async () => {
		sandbox().reset();
		const { pages } = await walk(`${url()}${EVENTS}?start_time=0&include=comment_events`);
		const stoppedAt = pages.at(-1)?.end_time ?? 0;
		sandbox().advanceClock(5 * 60_000);
		const added = sandbox().addComment(3, { body: 'One more thing: the export must see this.' }) as { id: number };
		sandbox().advanceClock(2 * 60_000);
		const { events } = await walk(`${url()}${EVENTS}?start_time=${stoppedAt}&include=comment_events`);
		const found = events.filter((event) => event.ticket_id === 3).flatMap((event) => event.child_events).find((child) => child.id === added.id);
		expect(found).toMatchObject({ type: 'Comment', body: 'One more thing: the export must see this.', public: true });
	});
});
