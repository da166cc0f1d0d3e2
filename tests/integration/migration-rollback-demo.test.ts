// Demo, full run, then the demo rolled back, on the sandboxes: what the full run uses stays in Kayako and in the reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewRollback } from '../../src/lib/engine/pipeline/rollback-plan';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import { reportCsv, resultsTable } from '../../src/lib/engine/reports/report';
import type { RunKind } from '../../src/lib/engine/store';
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';
import { danglingReferences } from './kayako-references';
import { connectors, newMigration, startHarness, type Harness } from './migration-harness';

let harness: Harness;

beforeAll(async () => {
	harness = await startHarness({ tickets: 30, seed: 11 });
});
afterAll(() => harness.close());

/** Every record Kayako holds, by id. */
function records(view: KayakoAccountView) {
	return {
		users: view.users.map((user) => user.id),
		organizations: view.organizations.map((org) => org.id),
		teams: view.teams.map((team) => team.id),
		fields: view.fields.map((field) => field.id),
		cases: view.cases.filter((kase) => kase.state !== 'TRASH').map((kase) => kase.id)
	};
}

describe('a demo, the full run, then the demo rolled back', () => {
	it('keeps every field, organisation, team, user and case the full run uses, in Kayako and in the reports', async () => {
		harness.kayako.reset();
		const seed = records(harness.kayako.state('acme'));
		const { store, settings } = await newMigration(harness);
		const built = await connectors(settings);
		const run = (kind: RunKind, extra: { rollsBack?: string[] } = {}) =>
			executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind, options: pipelineOptionsFrom(settings), ...extra });

		const demo = await run('demo');
		expect(demo.state).toBe('finished');
		const demoTickets = demo.counters.tickets?.migrated ?? 0;
		expect(demoTickets).toBeGreaterThan(0);
		const full = await run('full');
		expect(full.state).toBe('finished');
		const afterFull = harness.kayako.state('acme');
		expect(afterFull.fields.length).toBeGreaterThan(seed.fields.length);
		expect(afterFull.teams.length).toBeGreaterThan(seed.teams.length);
		expect(afterFull.organizations.length).toBeGreaterThan(seed.organizations.length);
		expect(danglingReferences(afterFull)).toEqual([]);
		const resultsAfterFull = await resultsTable(store, settings.id);
		const ticketReport = await reportCsv(store, settings.id, 'migrated', { kayakoBaseUrl: settings.target.url }, 'tickets');

		// The preview: the full run uses everything the demo made, so nothing goes; the demo's tickets stay, as the full run's.
		const preview = await previewRollback(store, settings.id, [demo.id]);
		expect(preview.deletes).toEqual({});
		expect(preview.keeps.tickets).toBe(demoTickets);
		expect(preview.keeps.fields).toBeGreaterThan(0);

		const rollback = await run('rollback', { rollsBack: [demo.id] });
		expect(rollback.state).toBe('finished');
		const afterRollback = harness.kayako.state('acme');
		expect(records(afterRollback)).toEqual(records(afterFull));
		expect(danglingReferences(afterRollback)).toEqual([]);
		// What the page shows afterwards: nothing deleted, the demo's tickets kept.
		expect(rollback.counters.tickets).toMatchObject({ migrated: 0, skipped: demoTickets });
		// The reports still hold every ticket the full run counted as done.
		expect(await resultsTable(store, settings.id)).toEqual(resultsAfterFull);
		expect(await reportCsv(store, settings.id, 'migrated', { kayakoBaseUrl: settings.target.url }, 'tickets')).toBe(ticketReport);
		expect((await store.getRun(full.id))?.rolledBackBy).toBeUndefined();

		// The records kept became the full run's: rolling the full run back takes them too, and Kayako is as it was.
		const second = await run('rollback', { rollsBack: [full.id] });
		expect(second.state).toBe('finished');
		expect(records(harness.kayako.state('acme'))).toEqual(seed);
	}, 180_000);

	it('keeps what a full run of an older version relied on, though that version noted no uses in the id map', async () => {
		harness.kayako.reset();
		const { store, settings } = await newMigration(harness);
		const built = await connectors(settings);
		const run = (kind: RunKind, extra: { rollsBack?: string[] } = {}) =>
			executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind, options: pipelineOptionsFrom(settings), ...extra });
		const demo = await run('demo');
		const full = await run('full');
		expect(full.state).toBe('finished');
		// The id map and runs as the older version left them: no uses noted.
		const rows = (await store.listIdMap({ by: 'migration', migrationId: settings.id }, { limit: 10_000 })).rows;
		expect(rows.some((row) => row.usedBy?.includes(full.id))).toBe(true);
		await store.putIdMapRows(rows.map(({ usedBy: _usedBy, ...row }) => row));
		for (const each of [demo, full]) {
			const { notesUse: _notesUse, ...older } = (await store.getRun(each.id))!;
			await store.putRun(older);
		}
		const afterFull = harness.kayako.state('acme');

		const rollback = await run('rollback', { rollsBack: [demo.id] });
		expect(rollback.state).toBe('finished');
		expect(records(harness.kayako.state('acme'))).toEqual(records(afterFull));
		expect(danglingReferences(harness.kayako.state('acme'))).toEqual([]);
	}, 180_000);
});
