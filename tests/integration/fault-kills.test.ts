// A full run at about 12 % mixed faults of every kind, killed four times and resumed: afterwards the audit finds nothing twice, nothing lost, nothing misreported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClean, FaultTally } from '../audit/expect-clean';
import { freshMigration, recordScenario, runUnderFaults } from '../audit/scenario';
import { startHarness, type Harness } from './migration-harness';

const TICKETS = 20;
const SUITE = 'fault suite';

let harness: Harness;
const tally = new FaultTally();

beforeAll(async () => {
	harness = await startHarness({ tickets: TICKETS, seed: 29 });
});
afterAll(() => harness?.close());

describe('a full run under mixed faults, killed and resumed', () => {
	it('with four kills, resumed each time: the same audit comes out clean', async () => {
		const migration = await freshMigration(harness);
		const result = await runUnderFaults(harness, migration, { kind: 'full', kills: 4, killAfter: [60, 240], maxStarts: 14, seed: 2 });
		tally.add(result);
		recordScenario('fault-full-kills', SUITE, `full run, ${TICKETS} tickets, ~12 % mixed faults, 4 kills`, TICKETS, result);
		expect(result.outcome.crashes).toBeGreaterThanOrEqual(1);
		expectClean(result);
	}, 240_000);

	it('met every fault kind the sandboxes have along the way', () => {
		tally.expectEveryKind();
	});
});
