// A delta and then a rollback, each under mixed faults and kills, after a full run that was itself killed and resumed; the audit after each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/lib/engine/store';
import { driveRun } from '../audit/drive';
import { expectClean, FaultTally } from '../audit/expect-clean';
import { auditNow, freshMigration, recordScenario, runUnderFaults, type Migration } from '../audit/scenario';
import { startHarness, type Harness } from './migration-harness';

const TICKETS = 16;
const SUITE = 'fault suite';

let harness: Harness;
let migration: Migration;
let full: RunRecord;
let delta: RunRecord | undefined;
const tally = new FaultTally();

/** What happens in the helpdesk between the runs: new comments on old tickets, new tickets, changed statuses. */
function changeTheSource(): void {
	harness.zendesk.advanceClock(60_000);
	const ids = harness.kayako.state('acme').cases.map((kase) => Number(kase.legacy_id)).filter((id) => Number.isInteger(id) && id > 0);
	for (const [index, id] of ids.slice(0, 6).entries()) {
		for (let comment = 0; comment < 3; comment += 1) {
			harness.zendesk.addComment(id, { body: `Follow-up ${comment + 1} on ticket ${id}: any news?`, public: comment % 2 === 0 });
			harness.zendesk.advanceClock(1_000);
		}
		if (index % 2 === 0) harness.zendesk.updateTicket(id, { status: 'open' });
	}
	for (let index = 0; index < 3; index += 1) harness.zendesk.addTicket({ subject: `New after the full run ${index + 1}`, comment: `Printer on fire, number ${index + 1}.` });
	// Zendesk's exports leave out the last minute.
	harness.zendesk.advanceClock(120_000);
}

beforeAll(async () => {
	harness = await startHarness({ tickets: TICKETS, seed: 31 });
	migration = await freshMigration(harness);
	// Killed and resumed without faults, first right after the cases went out: the resume must reconcile them, and those
	// reconciled tickets are the ones a delta must not post again (defect 2).
	const outcome = await driveRun(migration.store, migration.settings, { kind: 'full', kills: 3, killAfter: [60, 200], maxStarts: 8, seed: 3, firstKillAfter: { method: 'POST', path: '/api/v1/bulk/cases' } });
	full = outcome.run;
	recordScenario('fault-delta-0-full-kills', SUITE, `full run before the delta, ${TICKETS} tickets, no faults, 3 kills (the first right after the cases were sent)`, TICKETS, { outcome, faults: {}, audit: await auditNow(harness, migration) });
}, 240_000);
afterAll(() => harness?.close());

describe('a delta and a rollback under faults', () => {
	it('the full run before them finished clean after three kills', async () => {
		expect(full.state).toBe('finished');
		const audit = await auditNow(harness, migration);
		expect(audit.counts.duplicates + audit.counts.lost + audit.counts.misreported, audit.summary()).toBe(0);
	});

	it('a delta with kills under mixed faults posts each new comment once, creates each new ticket once, and re-posts nothing', async () => {
		changeTheSource();
		const result = await runUnderFaults(harness, migration, { kind: 'delta', kills: 3, killOn: 'writes', killAfter: [2, 9], maxStarts: 12, seed: 4 });
		delta = result.outcome.run;
		tally.add(result);
		recordScenario('fault-delta-kills', SUITE, `delta after a killed full run, ${TICKETS} tickets + 3 new, 18 new comments, ~12 % mixed faults, 3 kills`, TICKETS + 3, result);
		expectClean(result);
		// Counted on Kayako writes, so they land in what a short run does (counted on requests, 1 of 3 did).
		expect(result.outcome.crashes, 'kills that landed in the delta').toBeGreaterThanOrEqual(2);
	}, 240_000);

	it('a rollback of both runs with kills under mixed faults leaves nothing of the migration in Kayako', async () => {
		const result = await runUnderFaults(harness, migration, { kind: 'rollback', rollsBack: [full.id, ...(delta ? [delta.id] : [])], kills: 2, killOn: 'writes', killAfter: [3, 15], maxStarts: 10, seed: 5 }, 1, 'rollback');
		tally.add(result);
		recordScenario('fault-rollback-kills', SUITE, `rollback of the full run and the delta, ~12 % mixed faults, 2 kills`, TICKETS + 3, result);
		expectClean(result);
		expect(result.outcome.crashes, 'kills that landed in the rollback').toBeGreaterThanOrEqual(1);
	}, 240_000);
});
