// A full run at about 12 % mixed faults of every kind, without kills: afterwards the audit finds nothing twice, nothing lost, nothing misreported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClean, FaultTally } from '../audit/expect-clean';
import { freshMigration, recordScenario, runUnderFaults } from '../audit/scenario';
import { startHarness, type Harness } from './migration-harness';

const TICKETS = 20;
const SUITE = 'fault suite';

let harness: Harness;
const tally = new FaultTally();

beforeAll(async () => {
	harness = await startHarness({ tickets: TICKETS, seed: 23 });
});
afterAll(() => harness?.close());

describe('a full run under mixed faults, without kills', () => {
	it('without kills: one case per ticket with exactly its posts, files and references; everything else reported with a reason', async () => {
		const migration = await freshMigration(harness);
		const result = await runUnderFaults(harness, migration, { kind: 'full', kills: 0, killAfter: [0, 0], maxStarts: 8, seed: 1 });
		tally.add(result);
		recordScenario('fault-full-no-kills', SUITE, `full run, ${TICKETS} tickets, ~12 % mixed faults, no kills`, TICKETS, result);
		expect(result.audit.counts.checked.tickets).toBeGreaterThanOrEqual(TICKETS - 5);
		expectClean(result);
	}, 240_000);

	it('met every fault kind the sandboxes have along the way', () => {
		tally.expectEveryKind();
	});
});
