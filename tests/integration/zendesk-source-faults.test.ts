// The Zendesk source against the sandbox misbehaving: a truncated JSON page, a cut file download, an export cursor
// that never moves on. The first two are read again; the last stops with a reason after a bounded number of requests.
import { describe, expect, it } from 'vitest';
import { MigrationError } from '../../src/lib/engine/errors';
import { getJson, useSandbox } from './zendesk-sandbox-fixtures';
import { allPages, openSource } from './zendesk-source-fixtures';

const { sandbox, url } = useSandbox({ seed: 42, tickets: 120 });

const EXPORT = '/api/v2/incremental/tickets/cursor.json';

function exportRequests(): number {
	return sandbox().state().requests.byRoute['/api/v2/incremental/tickets/cursor'] ?? 0;
}

describe('the Zendesk source under faults', () => {
	it('reads an export page again when its JSON arrives cut in half, and reads every ticket once', async () => {
		sandbox().reset();
		const clean = (await allPages(openSource(sandbox(), { exportPageSize: 25 }).source.tickets())).flatMap((page) => page.records.map((ticket) => ticket.id));
		sandbox().reset();
		sandbox().faults.set([{ kind: 'malformed-json', times: 2, path: EXPORT }]);
		const ids = (await allPages(openSource(sandbox(), { exportPageSize: 25 }).source.tickets())).flatMap((page) => page.records.map((ticket) => ticket.id));
		expect(ids).toEqual(clean);
		expect(sandbox().faults.rules()).toEqual([]);
	});

	it('fetches an attachment whose download was cut mid-way again, byte for byte', async () => {
		sandbox().reset();
		const { source } = openSource(sandbox());
		for (let ticket = 1; ticket <= 60; ticket += 1) {
			const comments = await source.comments(String(ticket)).catch(() => []);
			const attachment = comments.flatMap((comment) => comment.attachments).find((candidate) => candidate.size > 1000 && candidate.size < 500_000);
			if (!attachment) continue;
			const served = Buffer.from(await (await fetch(attachment.url)).arrayBuffer());
			sandbox().faults.set([{ kind: 'malformed-json', times: 1, path: '/attachments/token/*' }]);
			const blob = await source.download(attachment);
			expect(sandbox().faults.rules()).toEqual([]);
			expect(blob.size).toBe(attachment.size);
			expect(Buffer.from(await blob.arrayBuffer()).equals(served)).toBe(true);
			return;
		}
		throw new Error('No ticket of the seeded account has a small attachment.');
	});

	it('stops an export whose cursor never moves on, with a reason, after one repeated request', async () => {
		sandbox().reset();
		sandbox().setQuirks({ stuckCursors: 1_000 });
		const read: string[] = [];
		const error = await (async () => {
			for await (const page of openSource(sandbox(), { exportPageSize: 25 }).source.tickets()) read.push(...page.records.map((ticket) => ticket.id));
		})().catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(MigrationError);
		expect((error as MigrationError).message).toMatch(/gave a cursor it had already given while listing \/api\/v2\/incremental\/tickets\/cursor\.json, so reading it would never end\. Reading stopped after 2 pages/);
		expect(exportRequests()).toBe(2);
		expect(new Set(read).size).toBe(read.length);
		expect(read.length).toBeGreaterThan(0);
	});
});

describe('the sandbox\'s stuck export cursor', () => {
	it('is turned on through the control surface for a number of pages, hands back the cursor it was given, then moves on', async () => {
		sandbox().reset();
		const set = await fetch(`${url()}/__sandbox/quirks`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ stuckCursors: 1 }) });
		expect(await set.json()).toEqual({ quirks: { stuckCursors: 1 } });
		const first = (await getJson<{ after_cursor: string }>(`${url()}${EXPORT}?start_time=0&per_page=10`)).json;
		const stuck = (await getJson<{ after_cursor: string }>(`${url()}${EXPORT}?cursor=${encodeURIComponent(first.after_cursor)}&per_page=10`)).json;
		expect(stuck.after_cursor).toBe(first.after_cursor);
		const moving = (await getJson<{ after_cursor: string }>(`${url()}${EXPORT}?cursor=${encodeURIComponent(first.after_cursor)}&per_page=10`)).json;
		expect(moving.after_cursor).not.toBe(first.after_cursor);
		expect(sandbox().state().quirks).toEqual({ stuckCursors: 0 });
		const refused = await fetch(`${url()}/__sandbox/quirks`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ stuckCursors: -1 }) });
		expect(refused.status).toBe(400);
	});
});
