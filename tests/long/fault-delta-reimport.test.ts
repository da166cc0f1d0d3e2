// A delta that re-imports changed tickets, under mixed faults and kills, then a rollback of everything: the audit after each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/lib/engine/store';
import { driveRun } from '../audit/drive';
import { expectClean } from '../audit/expect-clean';
import { auditNow, FAULT_SUITE_OPTIONS, freshMigration, runUnderFaults, type Migration } from '../audit/scenario';
import { startHarness, type Harness } from '../integration/migration-harness';

const TICKETS = 10;

let harness: Harness;
let migration: Migration;
let full: RunRecord;
let delta: RunRecord | undefined;
/** The changed tickets and the case each had before the delta. */
const changed = new Map<string, number>();

beforeAll(async () => {
	harness = await startHarness({ tickets: TICKETS, seed: 41 });
	migration = await freshMigration(harness, { ...FAULT_SUITE_OPTIONS, deltaTickets: 'reimport' });
	full = (await driveRun(migration.store, migration.settings, { kind: 'full', kills: 0, killAfter: [1, 2], maxStarts: 2, seed: 1 })).run;
}, 600_000);
afterAll(() => harness?.close());

describe('a re-importing delta under faults', () => {
	it('the full run before it finished clean', async () => {
		expect(full.state).toBe('finished');
		const audit = await auditNow(harness, migration);
		expect(audit.counts.duplicates + audit.counts.lost + audit.counts.misreported, audit.summary()).toBe(0);
	});

	it('re-imports each changed ticket once, trashes each old case, and loses nothing, through faults and kills', async () => {
		harness.zendesk.advanceClock(60_000);
		const cases = harness.kayako.state('acme').cases.filter((kase) => kase.state === 'ACTIVE' && kase.legacy_id !== null && Number(kase.legacy_id) > 0);
		for (const kase of cases.slice(0, 4)) {
			changed.set(kase.legacy_id!, kase.id);
			harness.zendesk.addComment(Number(kase.legacy_id), { body: `A reply on ticket ${kase.legacy_id} after the full run.`, public: true });
			harness.zendesk.advanceClock(1_000);
		}
		harness.zendesk.addTicket({ subject: 'New after the full run', comment: 'Printer on fire.' });
		harness.zendesk.advanceClock(120_000);
		const result = await runUnderFaults(harness, migration, { kind: 'delta', kills: 3, killAfter: [20, 90], maxStarts: 12, seed: 6 });
		delta = result.outcome.run;
		expectClean(result);
		const after = harness.kayako.state('acme');
		for (const [legacyId, oldId] of changed) {
			const mine = after.cases.filter((kase) => kase.legacy_id === legacyId);
			expect(mine.filter((kase) => kase.state === 'ACTIVE'), `ticket ${legacyId}`).toHaveLength(1);
			expect(mine.find((kase) => kase.id === oldId)?.state, `ticket ${legacyId}`).toBe('TRASH');
		}
		expect(delta.delta?.reimported.map((each) => each.sourceId).sort()).toEqual([...changed.keys()].sort());
	}, 900_000);

	it('a rollback of both runs under faults leaves nothing of the migration in Kayako, the trashed cases neither', async () => {
		const result = await runUnderFaults(harness, migration, { kind: 'rollback', rollsBack: [full.id, ...(delta ? [delta.id] : [])], kills: 2, killAfter: [20, 80], maxStarts: 10, seed: 7 }, 1, 'rollback');
		expectClean(result);
		const left = harness.kayako.state('acme').cases.filter((kase) => kase.legacy_id !== null && changed.has(kase.legacy_id));
		expect(left).toEqual([]);
	}, 900_000);
});
