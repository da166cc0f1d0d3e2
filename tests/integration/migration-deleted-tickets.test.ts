// Tickets deleted in Zendesk: never moved, said so in the report; a case moved before the deletion is closed once, its posts kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETED_CASE_CLOSED, DELETED_NOT_MOVED } from '../../src/lib/engine/pipeline/deleted-tickets';
import { plainReason } from '../../src/lib/engine/reports/reasons/because';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import { idMapRows } from './migration-expected';
import { connectors, newMigration, startHarness, type Harness } from './migration-harness';

let harness: Harness;

beforeAll(async () => {
	harness = await startHarness({ tickets: 30, seed: 11 });
});
afterAll(() => harness.close());

describe('a ticket deleted in Zendesk', () => {
	it('is skipped with its reason when it never moved, and its case is closed when it had', async () => {
		const { store, settings } = await newMigration(harness);
		const built = await connectors(settings);
		const run = (kind: 'full' | 'delta') => executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind, options: pipelineOptionsFrom(settings) });
		expect((await run('full')).error).toBeUndefined();

		const rows = await idMapRows(store, settings.id, 'tickets');
		const skippedAsDeleted = rows.filter((row) => row.status === 'skipped' && row.reason === plainReason(DELETED_NOT_MOVED)).map((row) => row.sourceId);
		// The generated account holds deleted tickets, as real ones do: none of them reached Kayako, each is in the report.
		expect(skippedAsDeleted.length).toBeGreaterThan(0);
		const before = harness.kayako.state('acme');
		expect(before.cases.filter((kase) => kase.legacy_id && skippedAsDeleted.includes(kase.legacy_id))).toEqual([]);

		const moved = before.cases.find((kase) => kase.legacy_id && kase.status !== 'CLOSED')!;
		harness.zendesk.advanceClock(60_000);
		harness.zendesk.deleteTicket(Number(moved.legacy_id));
		// Zendesk's exports leave out the last minute.
		harness.zendesk.advanceClock(120_000);
		expect((await run('delta')).error).toBeUndefined();

		const after = harness.kayako.state('acme');
		const closed = after.cases.find((kase) => kase.id === moved.id)!;
		expect(closed.status).toBe('CLOSED');
		expect(closed.posts.length).toBe(moved.posts.length);
		expect(after.cases.filter((kase) => kase.legacy_id === moved.legacy_id)).toHaveLength(1);
		const row = (await idMapRows(store, settings.id, 'tickets')).find((each) => each.sourceId === moved.legacy_id)!;
		// What the report said of it before (people not moved, images) still holds; the deletion is told last.
		expect(row.status).toBe('migrated');
		expect(row.reason?.endsWith(plainReason(DELETED_CASE_CLOSED))).toBe(true);
		expect(row.reasonParts?.at(-1)).toEqual({ reasonCode: 'deleted-case-closed', reasonParams: {} });
		expect(row.parts?.length).toBeGreaterThan(0);

		// A later delta sends nothing more for it.
		harness.zendesk.advanceClock(120_000);
		const jobsAndPosts = (view: typeof after) => ({ posts: view.cases.find((kase) => kase.id === moved.id)!.posts.length, updated: view.cases.find((kase) => kase.id === moved.id)!.updated_at });
		const once = jobsAndPosts(harness.kayako.state('acme'));
		expect((await run('delta')).error).toBeUndefined();
		expect(jobsAndPosts(harness.kayako.state('acme'))).toEqual(once);
		expect(harness.kayako.state('acme').mailed.length).toBe(before.mailed.length);
	}, 180_000);
});
