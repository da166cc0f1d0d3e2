import { describe, expect, it } from 'vitest';
import { zendeskAuthorization } from '../../src/lib/engine/connectors/zendesk/auth';
import type { ZendeskClient } from '../../src/lib/engine/connectors/zendesk/client';
import { describeZendeskError, refineZendeskError } from '../../src/lib/engine/connectors/zendesk/errors';
import { chained, cursorExport, type RawPage } from '../../src/lib/engine/connectors/zendesk/pages';
import { zendeskBaseUrl } from '../../src/lib/engine/connectors/zendesk/url';
import { MigrationError } from '../../src/lib/engine/errors';
import type { HttpResponse } from '../../src/lib/engine/http';

async function collect<T>(pages: AsyncIterable<RawPage<T>>): Promise<RawPage<T>[]> {
	const all: RawPage<T>[] = [];
	for await (const page of pages) all.push(page);
	return all;
}

/** A part of two pages: `1,2` then `3`; a cursor resumes after the page it names. */
function part(name: string, pages: number[][]) {
	return {
		name,
		read: async function* (after: string | undefined) {
			for (let index = after === undefined ? 0 : Number(after) + 1; index < pages.length; index += 1) {
				yield { records: (pages[index] ?? []).map((n) => `${name}${n}`), body: {}, checkpoint: String(index), done: index === pages.length - 1 };
			}
		}
	};
}

describe('reading several Zendesk collections as one stream', () => {
	const parts = [part('t', [[1, 2], [3]]), part('u', [[1]]), part('o', [[1], [2]])];

	it('goes through every part in order, done only at the very end', async () => {
		const pages = await collect(chained(parts, undefined));
		expect(pages.map((page) => page.records)).toEqual([['t1', 't2'], ['t3'], ['u1'], ['o1'], ['o2']]);
		expect(pages.map((page) => page.done)).toEqual([false, false, false, false, true]);
		expect(pages.map((page) => page.checkpoint)).toEqual(['t:0', 'u:', 'o:', 'o:0', 'o:1']);
	});

	it('resumes inside a part, and at the start of the next when a part was finished', async () => {
		expect((await collect(chained(parts, 't:0'))).flatMap((page) => page.records)).toEqual(['t3', 'u1', 'o1', 'o2']);
		expect((await collect(chained(parts, 'o:'))).flatMap((page) => page.records)).toEqual(['o1', 'o2']);
	});

	it('refuses a checkpoint that names no part', async () => {
		await expect(collect(chained(parts, 'x:1'))).rejects.toThrow(MigrationError);
	});
});

describe('the cursor export', () => {
	it('starts at start_time from since, then sends only the cursor, and keeps the last cursor when the stream ends', async () => {
		const queries: Record<string, unknown>[] = [];
		const answers = [
			{ tickets: [{ id: 1 }], after_cursor: 'A', end_of_stream: false },
			{ tickets: [], after_cursor: 'B', end_of_stream: true }
		];
		const client = { host: 'acme.zendesk.com', get: async (_path: string, query: Record<string, unknown>) => (queries.push(query), answers.shift()) } as unknown as ZendeskClient;
		const pages = await collect(cursorExport(client, { path: '/x', key: 'tickets' }, { since: '2024-01-01T00:00:00Z' }));
		expect(queries).toEqual([{ start_time: 1704067200 }, { cursor: 'A' }]);
		expect(pages.map((page) => [page.checkpoint, page.done])).toEqual([['A', false], ['B', true]]);
	});
});

describe('Zendesk logins and errors', () => {
	it('builds the Authorization header of each way to log in', () => {
		expect(zendeskAuthorization({ kind: 'api-token', email: 'a@b.c', token: 'T' })).toBe(`Basic ${btoa('a@b.c/token:T')}`);
		expect(zendeskAuthorization({ kind: 'password', email: 'a@b.c', password: 'pässword' })).toBe(`Basic ${Buffer.from('a@b.c:pässword').toString('base64')}`);
		expect(zendeskAuthorization({ kind: 'oauth', accessToken: 'xyz' })).toBe('Bearer xyz');
		expect(() => zendeskAuthorization({ kind: 'api-key', key: 'k' })).toThrow(MigrationError);
	});

	it('reads each of Zendesk error envelopes', () => {
		const answer = (body: unknown) => ({ status: 400, headers: new Headers(), body, url: '' }) as HttpResponse;
		expect(describeZendeskError(answer({ error: 'RecordNotFound', description: 'Not found' }))).toEqual({ code: 'RecordNotFound', message: 'Not found' });
		expect(describeZendeskError(answer({ errors: [{ code: 'InvalidCursor', title: 'Bad', detail: 'cursor is invalid' }] }))).toEqual({ code: 'InvalidCursor', message: 'cursor is invalid' });
		expect(describeZendeskError(answer({ error: { title: 'Forbidden', message: 'No access' } }))).toEqual({ code: 'Forbidden', message: 'No access' });
		expect(describeZendeskError(answer('<html>'))).toBeUndefined();
	});

	it('turns a 403 from an export into a request for an admin account', () => {
		const error = new MigrationError({ kind: 'forbidden', message: 'x', status: 403 }, { cause: { status: 403, body: { error: 'Forbidden' }, headers: new Headers(), url: '' } });
		expect((refineZendeskError(error, 'acme.zendesk.com', true) as MigrationError).kind).toBe('not-admin');
	});

	it('reads the account address however it is typed', () => {
		expect(zendeskBaseUrl('acme')).toBe('https://acme.zendesk.com');
		expect(zendeskBaseUrl('acme.zendesk.com/agent/tickets/5')).toBe('https://acme.zendesk.com');
		expect(zendeskBaseUrl('http://127.0.0.1:8102')).toBe('http://127.0.0.1:8102');
		expect(() => zendeskBaseUrl(' ')).toThrow(MigrationError);
	});
});
