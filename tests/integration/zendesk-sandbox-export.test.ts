// Incremental exports: a full cursor walk, the one-minute floor, the 10-per-minute limit, and mutations showing up after the cursor.
import { describe, expect, it } from 'vitest';
import { AGENT_TOKEN, getJson, NOW, useSandbox } from './zendesk-sandbox-fixtures';

interface CursorPage {
	tickets: { id: number; status: string; updated_at: string; generated_timestamp: number; custom_fields: { id: number; value: unknown }[] }[];
	after_cursor: string;
	after_url: string;
	end_of_stream: boolean;
	users?: { id: number }[];
}

const { sandbox, url } = useSandbox({ tickets: 2_500 });
const MINUTE = 60_000;
/** The seeded "Product line" drop-down (tagger) field. */
const PRODUCT_LINE_FIELD = 40_000_017;

/** Walks an export to its end, advancing the sandbox clock a minute whenever the 10/min limit answers 429. */
async function walk(firstUrl: string): Promise<{ pages: CursorPage[]; requests: number }> {
	const pages: CursorPage[] = [];
	let next = firstUrl;
	let requests = 0;
	for (;;) {
		const answer = await getJson<CursorPage>(next);
		requests += 1;
		if (answer.status === 429) {
			sandbox().advanceClock(Number(answer.headers.get('retry-after')) * 1000);
			continue;
		}
		expect(answer.status).toBe(200);
		pages.push(answer.json);
		if (answer.json.end_of_stream) return { pages, requests };
		next = answer.json.after_url;
	}
}

describe('the incremental ticket export of the Zendesk sandbox', () => {
	it('walks every ticket exactly once with a cursor and ends with end_of_stream', async () => {
		sandbox().reset();
		const { pages } = await walk(`${url()}/api/v2/incremental/tickets/cursor.json?start_time=0&support_type_scope=all`);
		const ids = pages.flatMap((page) => page.tickets.map((ticket) => ticket.id));
		expect(pages.length).toBe(3);
		expect(pages[0]?.tickets).toHaveLength(1000);
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: 2_500 }, (_, index) => index + 1));
		expect(pages.flatMap((page) => page.tickets).filter((ticket) => ticket.status === 'deleted').map((ticket) => ticket.id)).toEqual(expect.arrayContaining([17, 70]));
		const stamps = pages.flatMap((page) => page.tickets.map((ticket) => ticket.generated_timestamp));
		expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
	});

	it('builds next links on its own base URL with .json and honours per_page', async () => {
		sandbox().reset();
		const answer = await getJson<CursorPage>(`${url()}/api/v2/incremental/tickets/cursor.json?start_time=0&per_page=10&include=users`);
		expect(answer.json.tickets).toHaveLength(10);
		expect(answer.json.after_url).toBe(`${url()}/api/v2/incremental/tickets/cursor.json?per_page=10&include=users&cursor=${encodeURIComponent(answer.json.after_cursor)}`);
		expect(answer.json.users?.length).toBeGreaterThan(0);
	});

	it('leaves tickets answered by an AI agent out unless support_type_scope asks for them', async () => {
		sandbox().reset();
		const scoped = await getJson<CursorPage>(`${url()}/api/v2/incremental/tickets/cursor.json?start_time=0&support_type_scope=ai_agent`);
		expect(scoped.json.tickets.map((ticket) => ticket.id).sort((a, b) => a - b).slice(0, 3)).toEqual([13, 54, 95]);
		const agentOnly = await getJson<CursorPage>(`${url()}/api/v2/incremental/tickets/cursor.json?start_time=0`);
		expect(agentOnly.json.tickets.some((ticket) => ticket.id === 13)).toBe(false);
	});

	it('refuses a start_time less than a minute old with the documented 400', async () => {
		sandbox().reset();
		const tooRecent = Math.floor(NOW / 1000) - 30;
		const answer = await getJson(`${url()}/api/v2/incremental/tickets/cursor.json?start_time=${tooRecent}`);
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({ errors: [{ code: 'StartTimeTooRecent', status: '400', title: 'start_time must be more than 60 seconds ago' }] });
	});

	it('answers the eleventh export request in a minute with 429 and Retry-After, and again after the clock moves on', async () => {
		sandbox().reset();
		const first = `${url()}/api/v2/incremental/organizations.json?start_time=0`;
		for (let request = 1; request <= 10; request += 1) expect((await getJson(first)).status).toBe(200);
		const limited = await getJson(first);
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(limited.headers.get('zendesk-ratelimit-incremental-exports')).toMatch(/^total=10; remaining=0; resets=\d+$/);
		sandbox().advanceClock(Number(limited.headers.get('retry-after')) * 1000);
		expect((await getJson(first)).status).toBe(200);
	});

	it('shows a changed ticket, a new comment and a new ticket in the next export after the saved cursor', async () => {
		sandbox().reset();
		const { pages } = await walk(`${url()}/api/v2/incremental/tickets/cursor.json?start_time=0`);
		const cursor = pages[pages.length - 1]?.after_cursor ?? '';
		sandbox().advanceClock(5 * MINUTE);
		const changed = sandbox().updateTicket(5, { status: 'solved', custom_fields: [{ id: PRODUCT_LINE_FIELD, value: 'line_services' }] });
		sandbox().addComment(8, { body: 'One more thing…', public: false });
		const added = sandbox().addTicket({ subject: 'Brand new', comment: 'Hello from the delta test' });
		sandbox().advanceClock(2 * MINUTE);
		const delta = await getJson<CursorPage>(`${url()}/api/v2/incremental/tickets/cursor.json?cursor=${encodeURIComponent(cursor)}`);
		expect(delta.status).toBe(200);
		expect(delta.json.tickets.map((ticket) => ticket.id)).toEqual([5, 8, added.id]);
		expect(delta.json.end_of_stream).toBe(true);
		const five = delta.json.tickets[0];
		expect(five?.status).toBe('solved');
		expect(five?.custom_fields.find((field) => field.id === PRODUCT_LINE_FIELD)?.value).toBe('line_services');
		expect(five?.generated_timestamp).toBe(Math.floor((NOW + 5 * MINUTE) / 1000));
		expect(five?.updated_at).toBe(new Date(NOW + 5 * MINUTE).toISOString().replace('.000Z', 'Z'));
		expect(changed.status).toBe('solved');
	});

	it('holds back changes made in the last minute until a later call', async () => {
		sandbox().reset();
		const { pages } = await walk(`${url()}/api/v2/incremental/tickets/cursor.json?start_time=0`);
		const cursor = pages[pages.length - 1]?.after_cursor ?? '';
		sandbox().addComment(9, { body: 'Just now' });
		const soon = await getJson<CursorPage>(`${url()}/api/v2/incremental/tickets/cursor.json?cursor=${encodeURIComponent(cursor)}`);
		expect(soon.json.tickets).toEqual([]);
		expect(soon.json.after_cursor).toBe(cursor);
		sandbox().advanceClock(MINUTE + 1000);
		const later = await getJson<CursorPage>(`${url()}/api/v2/incremental/tickets/cursor.json?cursor=${encodeURIComponent(cursor)}`);
		expect(later.json.tickets.map((ticket) => ticket.id)).toEqual([9]);
	});

	it('pages the time-based export by end_time to the same tickets the cursor export gives, ending with end_of_stream', async () => {
		sandbox().reset();
		const { pages } = await walk(`${url()}/api/v2/incremental/tickets/cursor.json?start_time=0`);
		const viaCursor = new Set(pages.flatMap((page) => page.tickets.map((ticket) => ticket.id)));
		let next = `${url()}/api/v2/incremental/tickets.json?start_time=0`;
		const seen = new Set<number>();
		for (let guard = 0; guard < 10; guard += 1) {
			const answer = await getJson<{ tickets: { id: number }[]; end_time: number; next_page: string; end_of_stream: boolean; count: number }>(next);
			expect(answer.status).toBe(200);
			expect(answer.json.count).toBe(answer.json.tickets.length);
			expect(answer.json.next_page).toBe(`${url()}/api/v2/incremental/tickets.json?start_time=${answer.json.end_time}`);
			for (const ticket of answer.json.tickets) seen.add(ticket.id);
			if (answer.json.end_of_stream) break;
			next = answer.json.next_page;
		}
		expect(seen).toEqual(viaCursor);
	});

	it('keeps incremental exports for admins: a non-admin agent gets 403', async () => {
		sandbox().reset();
		const answer = await getJson(`${url()}/api/v2/incremental/tickets/cursor.json?start_time=0`, AGENT_TOKEN);
		expect(answer.status).toBe(403);
		expect(answer.json).toEqual({ error: 'Forbidden', description: 'You do not have access to this page. Please contact the account owner of this help desk for further help.' });
	});

	it('walks users with the cursor export exactly once', async () => {
		sandbox().reset();
		let next = `${url()}/api/v2/incremental/users/cursor.json?start_time=0&per_page=400`;
		const ids: number[] = [];
		for (;;) {
			const answer = await getJson<{ users: { id: number; active: boolean }[]; after_url: string; end_of_stream: boolean }>(next);
			ids.push(...answer.json.users.map((user) => user.id));
			if (answer.json.end_of_stream) break;
			next = answer.json.after_url;
		}
		const plan = sandbox().plan;
		expect(ids.length).toBe(plan.agents + plan.endUsers);
		expect(new Set(ids).size).toBe(ids.length);
	});
});
