// The Zendesk source against a scripted Zendesk that answers oddly: a cursor that never moves on, a page repeated,
// an offset list without `meta`, a status nobody documented. Each must end or go on with a reason, never loop or stop the run.
import { afterEach, describe, expect, it } from 'vitest';
import { createZendeskSource } from '../../src/lib/engine/connectors/zendesk/connector';
import type { NotedTicket } from '../../src/lib/engine/connectors/zendesk/map-ticket';
import { MigrationError } from '../../src/lib/engine/errors';
import { HttpClient } from '../../src/lib/engine/http';
import { ManualClock } from '../unit/http-manual-clock';
import { answerJson, startServer, type ReceivedRequest, type TestServer } from '../unit/http-test-server';
import { allPages, ADMIN } from './zendesk-source-fixtures';

let server: TestServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

/** A Zendesk whose answers the test scripts by path; anything unscripted is an empty list or 404, as an account without it answers. */
async function zendesk(script: (request: ReceivedRequest, path: string, query: URLSearchParams) => unknown) {
	server = await startServer((request, res) => {
		const url = new URL(request.url, 'http://x');
		const body = script(request, url.pathname, url.searchParams);
		if (body === undefined) return answerJson(res, 404, { error: 'RecordNotFound', description: 'Not found' });
		answerJson(res, 200, body);
	});
	const source = createZendeskSource(new HttpClient({ clock: new ManualClock(), maxRetries: 0 }), { subdomainUrl: server.url }, ADMIN);
	return { source, requests: () => server?.received ?? [] };
}

function ticket(id: number, status = 'open') {
	return { id, subject: `Ticket ${id}`, status, requester_id: 1, tags: [], custom_fields: [], created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-02T00:00:00Z' };
}

/** Scripted loops end after this many requests, so the old reader's endless loop shows as a failed count, not a hang. */
const LOOP_CAP = 30;

const lists = (path: string) => (path === '/api/v2/brands.json' ? { brands: [], meta: { has_more: false } } : undefined);

async function failureOf(work: Promise<unknown>): Promise<MigrationError> {
	const error = await work.catch((caught: unknown) => caught);
	if (error instanceof MigrationError) return error;
	throw new Error(`expected a MigrationError, got ${String(error)}`);
}

describe('a cursor that never moves on', () => {
	it('stops the ticket export with a reason when Zendesk hands back the cursor it was given, after keeping what it read', async () => {
		const { source, requests } = await zendesk((_request, path, query) => {
			if (path !== '/api/v2/incremental/tickets/cursor.json') return lists(path);
			const cursor = query.get('cursor');
			if (!cursor) return { tickets: [ticket(1), ticket(2)], after_cursor: 'c1', end_of_stream: false };
			// A cap, so a reader that follows the loop ends (and fails the test) instead of running for ever.
			return { tickets: [ticket(3)], after_cursor: 'c1', end_of_stream: (server?.received.length ?? 0) > LOOP_CAP };
		});
		const read: string[] = [];
		const error = await failureOf(
			(async () => {
				for await (const page of source.tickets()) read.push(...page.records.map((each) => each.id));
			})()
		);
		expect(read).toEqual(['1', '2', '3']);
		expect(error.info).toMatchObject({ kind: 'malformed-response', host: new URL(server!.url).host });
		expect(error.message).toContain('gave a cursor it had already given while listing /api/v2/incremental/tickets/cursor.json, so reading it would never end');
		expect(requests().filter((each) => each.url.includes('/incremental/')).length).toBe(2);
	});

	it('stops when the cursors go round in a circle', async () => {
		const { source, requests } = await zendesk((_request, path, query) => {
			if (path !== '/api/v2/incremental/users/cursor.json') return path.endsWith('fields.json') || path.endsWith('memberships.json') ? { [path.split('/').at(-1)!.replace('.json', '')]: [], meta: { has_more: false } } : lists(path);
			const cursor = query.get('cursor');
			const next = cursor === 'a' ? 'b' : 'a';
			return { users: [{ id: cursor === 'a' ? 11 : cursor === 'b' ? 12 : 10, name: 'U', role: 'end-user', email: `u${cursor}@x.test` }], after_cursor: next, end_of_stream: (server?.received.length ?? 0) > LOOP_CAP };
		});
		const error = await failureOf(allPages(source.users()));
		expect(error.message).toContain('gave a cursor it had already given');
		expect(requests().filter((each) => each.url.includes('/incremental/')).length).toBe(3);
	});

	it('stops a list whose every page repeats the records of the page before under a new cursor', async () => {
		let served = 0;
		const { source } = await zendesk((_request, path) => {
			if (path !== '/api/v2/groups.json') return lists(path);
			served += 1;
			return { groups: [{ id: 5, name: 'Support' }], meta: { has_more: served < LOOP_CAP, after_cursor: `n${served}` } };
		});
		const error = await failureOf(allPages(source.teams()));
		expect(error.message).toContain('answered the same records again with a new cursor while listing /api/v2/groups.json');
		expect(served).toBe(2);
	});
});

describe('a list read answered with offset pages', () => {
	it('follows next_page when the answer has no meta, and resumes from the page address', async () => {
		const { source, requests } = await zendesk((_request, path, query) => {
			if (path !== '/api/v2/groups.json') return lists(path);
			const page = Number(query.get('page') ?? '1');
			const next = page < 3 ? `${server!.url}/api/v2/groups.json?page=${page + 1}&per_page=1` : null;
			return { groups: [{ id: page, name: `Group ${page}` }], next_page: next, previous_page: null, count: 3 };
		});
		const pages = await allPages(source.teams());
		expect(pages.flatMap((page) => page.records.map((team) => team.id))).toEqual(['1', '2', '3']);
		expect(pages.at(-1)?.done).toBe(true);
		expect(requests().filter((each) => each.url.startsWith('/api/v2/groups.json')).map((each) => new URL(each.url, 'http://x').searchParams.get('page'))).toEqual([null, '2', '3']);
		const resumed = await allPages(source.teams({ after: pages[0]?.checkpoint ?? null }));
		expect(resumed.flatMap((page) => page.records.map((team) => team.id))).toEqual(['2', '3']);
	});
});

describe('a value nobody documented', () => {
	it('reads every ticket of a page when one has an unknown status: that one is open, with a note', async () => {
		const { source } = await zendesk((_request, path) => {
			if (path !== '/api/v2/incremental/tickets/cursor.json') return lists(path);
			return { tickets: [ticket(1), { ...ticket(2, 'escalated'), priority: 'critical' }, ticket(3, 'solved')], after_cursor: 'c1', end_of_stream: true };
		});
		const tickets = (await allPages(source.tickets())).flatMap((page) => page.records) as NotedTicket[];
		expect(tickets.map((each) => [each.id, each.status])).toEqual([
			['1', 'open'],
			['2', 'open'],
			['3', 'solved']
		]);
		expect(tickets[1]?.notes).toEqual([expect.stringContaining('the status "escalated"'), expect.stringContaining('the priority "critical"')]);
		expect(tickets[0]).not.toHaveProperty('notes');
	});
});

describe('the custom statuses a ticket page needs', () => {
	const page = { tickets: [{ ...ticket(1), custom_status_id: 77 }], after_cursor: 'c1', end_of_stream: true };

	it('are simply absent on an account without them (404), and the tickets are read', async () => {
		const { source } = await zendesk((_request, path) => (path === '/api/v2/incremental/tickets/cursor.json' ? page : lists(path)));
		const tickets = (await allPages(source.tickets())).flatMap((each) => each.records);
		expect(tickets.map((each) => [each.id, each.statusLabel])).toEqual([['1', undefined]]);
	});

	it('stop the read with the reason when they cannot be read, instead of reading every ticket without its status label', async () => {
		let failing = true;
		server = await startServer((request, res) => {
			const path = new URL(request.url, 'http://x').pathname;
			if (path === '/api/v2/custom_statuses.json') {
				if (failing) return answerJson(res, 500, { error: 'InternalError' });
				return answerJson(res, 200, { custom_statuses: [{ id: 77, agent_label: 'Waiting for parts' }] });
			}
			if (path === '/api/v2/incremental/tickets/cursor.json') return answerJson(res, 200, page);
			const body = lists(path);
			return body ? answerJson(res, 200, body) : answerJson(res, 404, {});
		});
		const source = createZendeskSource(new HttpClient({ clock: new ManualClock(), maxRetries: 0 }), { subdomainUrl: server.url }, ADMIN);
		const error = await failureOf(allPages(source.tickets()));
		expect(error.info).toMatchObject({ kind: 'server-error', status: 500 });
		failing = false;
		const tickets = (await allPages(source.tickets())).flatMap((each) => each.records);
		expect(tickets.map((each) => each.statusLabel)).toEqual(['Waiting for parts']);
	});
});
