// The engine dies at random moments of one full run and is resumed each time; then a run under faults. Nothing twice, nothing missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/lib/engine/pipeline/demo';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';
import { connectors, liveTicketIds, newMigration, startHarness, type Harness } from '../integration/migration-harness';

let harness: Harness;

beforeAll(async () => {
	harness = await startHarness({ tickets: 40, seed: 7 });
});
afterAll(() => harness.close());

function legacyIds(view: KayakoAccountView): Record<string, string[]> {
	const ids = <T extends { legacy_id?: string | null }>(rows: T[]) => rows.map((row) => row.legacy_id).filter((id): id is string => typeof id === 'string').sort();
	return { cases: ids(view.cases), users: ids(view.users), organizations: ids(view.organizations), teams: ids(view.teams) };
}

function expectNoDuplicates(ids: Record<string, string[]>): void {
	for (const [kind, list] of Object.entries(ids)) expect(new Set(list).size, `duplicates among ${kind}`).toBe(list.length);
}

describe('a full run killed five times', () => {
	it('ends with every ticket in Kayako exactly once', async () => {
		harness.kayako.reset();
		const { store, settings } = await newMigration(harness, { migrateInactiveUsers: true });
		const random = seededRandom(2026);
		const first = await connectors(settings, 30 + Math.floor(random() * 60));
		let run = await executeRun({ store, source: first.source, target: first.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
		expect(run.state).toBe('failed');
		for (let kill = 0; kill < 4 && run.state !== 'finished'; kill++) {
			const next = await connectors(settings, 30 + Math.floor(random() * 60));
			run = await executeRun({ store, source: next.source, target: next.target, migrationId: settings.id, resume: run.id });
		}
		if (run.state !== 'finished') {
			const last = await connectors(settings);
			run = await executeRun({ store, source: last.source, target: last.target, migrationId: settings.id, resume: run.id });
		}
		expect(run.error).toBeUndefined();
		expect(run.state).toBe('finished');
		const ids = legacyIds(harness.kayako.state('acme'));
		expectNoDuplicates(ids);
		expect(ids.cases).toEqual(await liveTicketIds(harness));
	}, 300_000);
});

describe('a full run under faults', () => {
	it('reaches the same end state with 5 % errors, 5 % rate limits and 2 % answers lost after Kayako acted', async () => {
		harness.kayako.reset();
		harness.kayako.faults.set(
			[
				{ kind: 'server-error', probability: 0.05 },
				{ kind: 'rate-limited', probability: 0.05, delayMs: 1000 },
				{ kind: 'drop-after', probability: 0.02 }
			],
			'acme'
		);
		const { store, settings } = await newMigration(harness, { migrateInactiveUsers: true });
		const built = await connectors(settings);
		const run = await executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
		harness.kayako.faults.clear('acme');
		expect(run.error).toBeUndefined();
		const ids = legacyIds(harness.kayako.state('acme'));
		expectNoDuplicates(ids);
		const failed = await store.listIdMap({ by: 'migration-status', migrationId: settings.id, status: 'failed' }, { limit: 50 });
		// A record may fail its budget under faults; it is then reported, never half there or doubled.
		const failedTickets = failed.rows.filter((row) => row.entity === 'tickets').map((row) => row.sourceId);
		expect([...(ids.cases ?? []), ...failedTickets].sort()).toEqual(await liveTicketIds(harness));
	}, 300_000);
});
