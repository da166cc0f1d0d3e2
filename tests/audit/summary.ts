// The suites' own record of what they did and found, one JSON file per test under reports/reliability/, for docs/reliability.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditCounts } from './findings';

export const RELIABILITY_DIR = join(process.cwd(), 'reports', 'reliability');

export interface ReliabilitySummary {
	suite: string;
	/** What the test did, in a few words: "full run, 30 tickets, 12 % faults, 3 kills". */
	scenario: string;
	tickets: number;
	/** Engine kills that landed mid-run. */
	crashes: number;
	/** Starts in all, and those that ended in an error other than a kill. */
	starts: number;
	errors: number;
	finished: boolean;
	/** Faults the sandboxes injected, by kind (both sandboxes added up). */
	faults: Record<string, number>;
	/** Bad-input fixtures run through (the corpus test), and how many came out as expected. */
	badInputs?: { total: number; asExpected: number };
	/** Null when no audit could be made (the findings say why). */
	audit: Pick<AuditCounts, 'duplicates' | 'lost' | 'wrong' | 'misreported' | 'accountedFor'> | null;
	/** A few of the audit's findings, for the reader of the table. */
	findings: string[];
	at: string;
}

export function addFaults(...counts: Partial<Record<string, number>>[]): Record<string, number> {
	const total: Record<string, number> = {};
	for (const count of counts) for (const [kind, value] of Object.entries(count)) total[kind] = (total[kind] ?? 0) + (value ?? 0);
	return total;
}

export function writeSummary(name: string, summary: Omit<ReliabilitySummary, 'at'>): void {
	mkdirSync(RELIABILITY_DIR, { recursive: true });
	writeFileSync(join(RELIABILITY_DIR, `${name}.json`), `${JSON.stringify({ ...summary, at: new Date().toISOString() }, null, '\t')}\n`);
}
