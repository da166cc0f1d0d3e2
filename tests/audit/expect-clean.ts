// The assertions every fault-suite scenario ends with, worded as the issue demands, with the audit's findings as the message.
import { expect } from 'vitest';
import { FAULT_KINDS } from '../../server/sandbox/common/faults';
import type { ScenarioResult } from './scenario';

/** The run finished within its cap of starts, and the audit found nothing twice, nothing lost, nothing wrong or misreported. */
export function expectClean(result: ScenarioResult, options: { errorsAllowed?: boolean; soft?: boolean } = {}): void {
	const { counts } = result.audit;
	const why = result.audit.summary();
	// Soft in the long suite: one scenario's failure does not hide the next one's findings.
	const check = options.soft ? expect.soft : expect;
	// A start may end in an error only if it was a kill; a fault alone must never stop the run.
	if (!options.errorsAllowed) check(result.outcome.errors, 'starts that ended in an error (not a kill) instead of finishing').toEqual([]);
	check(result.outcome.run.state, `the run did not finish within its cap of ${result.outcome.starts} starts: ${result.outcome.run.error?.message ?? ''}`).toBe('finished');
	check(counts.duplicates, why).toBe(0);
	check(counts.lost, why).toBe(0);
	check(counts.wrong, why).toBe(0);
	check(counts.misreported, why).toBe(0);
}

/** Adds up the faults fired across a file's scenarios, to check every kind was met. */
export class FaultTally {
	readonly fired: Record<string, number> = {};

	add(result: ScenarioResult): void {
		for (const [kind, count] of Object.entries(result.faults)) this.fired[kind] = (this.fired[kind] ?? 0) + count;
	}

	expectEveryKind(): void {
		for (const kind of FAULT_KINDS) expect(this.fired[kind] ?? 0, `faults of kind ${kind} injected`).toBeGreaterThan(0);
	}
}
