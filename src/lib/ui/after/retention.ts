// How long this browser keeps a migration's data after its last run, and whether the time to archive has come.
import type { JsonObject, RunRecord } from '$lib/engine/store';

export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export function retentionDays(options: JsonObject): number {
	const days = options.retentionDays;
	return typeof days === 'number' && Number.isInteger(days) && days > 0 ? days : DEFAULT_RETENTION_DAYS;
}

/** When the last run ended (or started, if it never ended); undefined without runs. */
export function lastRunAt(runs: RunRecord[]): number | undefined {
	const times = runs.map((run) => run.finishedAt ?? run.startedAt);
	return times.length ? Math.max(...times) : undefined;
}

/** The day the app offers to archive: the last run plus the days kept. */
export function archiveDue(runs: RunRecord[], options: JsonObject): number | undefined {
	const last = lastRunAt(runs);
	return last === undefined ? undefined : last + retentionDays(options) * DAY_MS;
}
