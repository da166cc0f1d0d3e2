// The Zendesk source against the sandbox: tickets, users, fields and the Help Center read page by page, resumable, with the right shapes.
import { describe, expect, it } from 'vitest';
import { MigrationError } from '../../src/lib/engine/errors';
import { getJson, useSandbox } from './zendesk-sandbox-fixtures';
import { allPages, openSource } from './zendesk-source-fixtures';

const { sandbox, url } = useSandbox({ seed: 42, tickets: 120 });

describe('the Zendesk source reading tickets', () => {
	it('reads every ticket of the account exactly once across several pages, the deleted ones marked so', async () => {
		sandbox().reset();
		const { source } = openSource(sandbox(), { exportPageSize: 25 });
		const pages = await allPages(source.tickets());
		const ids = pages.flatMap((page) => page.records.map((ticket) => ticket.id));
		const liveIds = pages.flatMap((page) => page.records.filter((ticket) => !ticket.deleted).map((ticket) => ticket.id));
		const live = (await getJson<{ count: { value: number } }>(`${url()}/api/v2/tickets/count.json?support_type_scope=all`)).json.count.value;
		expect(pages.length).toBeGreaterThan(3);
		expect(new Set(ids).size).toBe(ids.length);
		expect(liveIds).toHaveLength(live);
		expect(ids.length).toBeGreaterThan(live);
		expect(pages.at(-1)?.done).toBe(true);
		expect(pages.slice(0, -1).every((page) => !page.done && page.checkpoint)).toBe(true);
		const ticket = pages[0]?.records[0];
		expect(ticket?.url).toBe(`${url()}/agent/tickets/${ticket?.id}`);
		expect(Object.keys(ticket?.fields ?? {}).length).toBeGreaterThan(5);
	});

	it('resumes after a page from its checkpoint without gaps or repeats', async () => {
		sandbox().reset();
		const { source } = openSource(sandbox(), { exportPageSize: 25 });
		const pages = await allPages(source.tickets());
		const resumed = await allPages(source.tickets({ after: pages[1]?.checkpoint ?? null }));
		const ids = (list: typeof pages) => list.flatMap((page) => page.records.map((ticket) => ticket.id));
		expect(ids(resumed)[0]).toBe(ids(pages.slice(2))[0]);
		expect([...ids(pages.slice(0, 2)), ...ids(resumed)]).toEqual(ids(pages));
	});

	it('reads only tickets changed since a time when given one', async () => {
		sandbox().reset();
		const { source } = openSource(sandbox());
		const all = (await allPages(source.tickets())).flatMap((page) => page.records);
		const since = [...all.map((ticket) => ticket.updatedAt)].sort()[Math.floor(all.length / 2)] ?? '';
		const recent = (await allPages(source.tickets({ since }))).flatMap((page) => page.records);
		expect(recent.length).toBeGreaterThan(0);
		expect(recent.length).toBeLessThan(all.length);
	});

	it('waits out a 429 with Retry-After and goes on', async () => {
		sandbox().reset();
		sandbox().faults.add({ kind: 'rate-limited', times: 1, path: '/api/v2/incremental/tickets/cursor.json', delayMs: 7_000 });
		const { source, waits } = openSource(sandbox(), { exportPageSize: 50 });
		const pages = await allPages(source.tickets());
		expect(pages.flatMap((page) => page.records).length).toBeGreaterThan(100);
		expect(Math.max(...waits)).toBeGreaterThanOrEqual(7_000);
	});

	it('reads one ticket by id, and nothing for an id that does not exist', async () => {
		const { source } = openSource(sandbox());
		expect((await source.ticket('5'))?.id).toBe('5');
		expect(await source.ticket('999999')).toBeUndefined();
	});
});

describe('the Zendesk source reading comments and files', () => {
	it('gives a ticket comments oldest first, with files and inline images marked inline', async () => {
		const { source } = openSource(sandbox());
		let inlineSeen = false;
		let fileSeen = false;
		for (let ticket = 1; ticket <= 60 && !(inlineSeen && fileSeen); ticket += 1) {
			const comments = await source.comments(String(ticket)).catch(() => []);
			const times = comments.map((comment) => comment.createdAt);
			expect(times).toEqual([...times].sort());
			for (const comment of comments) {
				expect(comment.ticketId).toBe(String(ticket));
				for (const attachment of comment.attachments) {
					if (attachment.inline) {
						inlineSeen = true;
						expect(comment.html).toContain(attachment.url.replace(/&/g, '&amp;'));
					} else fileSeen = true;
				}
			}
		}
		expect(inlineSeen).toBe(true);
		expect(fileSeen).toBe(true);
	});

	it('downloads an attachment byte for byte as the sandbox serves it', async () => {
		const { source } = openSource(sandbox());
		for (let ticket = 1; ticket <= 60; ticket += 1) {
			const comments = await source.comments(String(ticket)).catch(() => []);
			const attachment = comments.flatMap((comment) => comment.attachments).find((candidate) => candidate.size > 0 && candidate.size < 500_000);
			if (!attachment) continue;
			const blob = await source.download(attachment);
			const served = Buffer.from(await (await fetch(attachment.url)).arrayBuffer());
			expect(blob.size).toBe(attachment.size);
			expect(Buffer.from(await blob.arrayBuffer()).equals(served)).toBe(true);
			return;
		}
		throw new Error('No ticket of the seeded account has a small attachment.');
	});
});

describe('the Zendesk source logging in', () => {
	it('names the admin account it reads with', async () => {
		const account = await openSource(sandbox()).source.testConnection();
		expect(account).toMatchObject({ email: 'admin@zendesk-sandbox.test', role: 'admin', userName: 'Ada Admin' });
	});

	it('reports a wrong API token as failed authentication', async () => {
		const { source } = openSource(sandbox(), {}, { kind: 'api-token', email: 'admin@zendesk-sandbox.test', token: 'wrong' });
		const failure = await source.testConnection().catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(MigrationError);
		expect((failure as MigrationError).kind).toBe('auth-failed');
		const streamFailure = await allPages(source.tickets()).catch((error: unknown) => error);
		expect((streamFailure as MigrationError).kind).toBe('auth-failed');
	});

	it('reports a wrong password, which Zendesk answers with its anonymous user, as failed authentication', async () => {
		const { source } = openSource(sandbox(), {}, { kind: 'password', email: 'admin@zendesk-sandbox.test', password: 'wrong' });
		expect(((await source.testConnection().catch((error: unknown) => error)) as MigrationError).kind).toBe('auth-failed');
	});

	it('refuses an agent who is not an administrator, since the exports need one', async () => {
		const { source } = openSource(sandbox(), {}, { kind: 'oauth', accessToken: 'sandbox-oauth-agent-a1b2c3d4e5f60718293a4b5c6d7e8f90' });
		expect(((await source.testConnection().catch((error: unknown) => error)) as MigrationError).kind).toBe('not-admin');
	});
});
