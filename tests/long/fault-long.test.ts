// The fault suite at length (`npm run test:long`): a bigger account, several seeds, many kills; full run, delta and rollback, each audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClean, FaultTally } from '../audit/expect-clean';
import { freshMigration, recordScenario, runUnderFaults } from '../audit/scenario';
import { startHarness, type Harness } from '../integration/migration-harness';

const TICKETS = Number(process.env.LONG_TICKETS ?? 150);
const SEEDS = [101, 102, 103];
const KILLS = 8;
/**
 * The delta and the rollback are short beside the full run: a budget of 100 to 600 requests outlasted them, so their
 * kills rarely landed (0 and 1 of 8). Theirs count Kayako writes instead, a few between kills, so each lands in what
 * they do (a reply, a case update, a delete), not only in the start-up reads every start repeats.
 */
const DELTA_KILLS = { killOn: 'writes' as const, killAfter: [2, 9] as [number, number] };
const ROLLBACK_KILLS = { killOn: 'writes' as const, killAfter: [3, 15] as [number, number] };
const SUITE = 'fault suite, long';

let harness: Harness;
const tally = new FaultTally();

beforeAll(async () => {
	harness = await startHarness({ tickets: TICKETS, seed: 41 });
});
afterAll(() => harness?.close());

function changeTheSource(count: number): number {
	harness.zendesk.advanceClock(60_000);
	const ids = harness.kayako.state('acme').cases.map((kase) => Number(kase.legacy_id)).filter((id) => Number.isInteger(id) && id > 0);
	let comments = 0;
	for (const id of ids.slice(0, count)) {
		for (let index = 0; index < 2; index += 1, comments += 1) harness.zendesk.addComment(id, { body: `Follow-up ${index + 1} on ${id}`, public: index === 0 });
		harness.zendesk.advanceClock(1_000);
	}
	for (let index = 0; index < 5; index += 1) harness.zendesk.addTicket({ subject: `New ${index + 1}`, comment: `New ticket ${index + 1}.` });
	harness.zendesk.advanceClock(120_000);
	return comments;
}

describe.each(SEEDS)('seed %i: a full run, a delta and a rollback under faults with kills', (seed) => {
	it('come out clean in the audit after each', async () => {
		const migration = await freshMigration(harness);
		const drive = { kills: KILLS, killAfter: [100, 600] as [number, number], maxStarts: KILLS + 12 };
		const full = await runUnderFaults(harness, migration, { ...drive, kind: 'full', seed });
		tally.add(full);
		recordScenario(`long-${seed}-full`, SUITE, `full run, ${TICKETS} tickets, ~12 % mixed faults, ${KILLS} kills, seed ${seed}`, TICKETS, full);
		expectClean(full, { soft: true });

		const comments = changeTheSource(20);
		const delta = await runUnderFaults(harness, migration, { ...drive, ...DELTA_KILLS, kind: 'delta', seed: seed + 1000 });
		tally.add(delta);
		recordScenario(`long-${seed}-delta`, SUITE, `delta, ${comments} new comments and 5 new tickets, ~12 % mixed faults, ${KILLS} kills, seed ${seed}`, TICKETS + 5, delta);
		expectClean(delta, { soft: true });
		expect.soft(delta.outcome.crashes, 'kills that landed in the delta').toBeGreaterThanOrEqual(KILLS / 2);

		const rollback = await runUnderFaults(harness, migration, { ...drive, ...ROLLBACK_KILLS, kind: 'rollback', rollsBack: [full.outcome.run.id, delta.outcome.run.id], seed: seed + 2000 }, 1, 'rollback');
		tally.add(rollback);
		recordScenario(`long-${seed}-rollback`, SUITE, `rollback of both runs, ~12 % mixed faults, ${KILLS} kills, seed ${seed}`, TICKETS + 5, rollback);
		expectClean(rollback, { soft: true });
		expect.soft(rollback.outcome.crashes, 'kills that landed in the rollback').toBeGreaterThanOrEqual(KILLS / 2);
	});
});

describe('the long fault suite', () => {
	it('met every fault kind the sandboxes have', () => {
		tally.expectEveryKind();
	});
});
