// Live counts of a run per entity, with records per minute and an ETA when the total is known.
import type { RecordKind } from '../model';
import type { ThrottleReason } from '../http/host-stats';
import type { EntityCounters, IdMapStatus, MigrationStore } from '../store';

export type Outcome = 'migrated' | 'failed' | 'skipped' | 'already';

export interface EntityProgress extends EntityCounters {
	/** What the source said it holds, when it could tell. */
	expected?: number;
}

export interface ProgressReport {
	runId: string;
	phase: RecordKind | 'preparing' | 'finishing';
	entities: Partial<Record<RecordKind, EntityProgress>>;
	/** Records handled per minute over the last minutes. */
	perMinute: number;
	/** Milliseconds left for the entity in progress, when its total is known. */
	etaMs?: number;
	/** Set while the helpdesk slows us down: its limit and when we may go on. */
	throttled?: Throttled;
	/** Set while the user has paused the run. */
	paused?: boolean;
}

/** Why and how long a helpdesk holds the run back. */
export interface Throttled {
	host: string;
	/** Until when (clock time) nothing is sent to the host. */
	until?: number;
	retryAfterMs?: number;
	/** The helpdesk's own limit per minute, as its rate-limit headers said. */
	limit?: number;
	/** Retry-After or a 429, the rate-limit headers running low, the configured ceiling, or a retry after an error. */
	reason?: ThrottleReason;
}

const WINDOW_MS = 5 * 60_000;

export class ProgressTracker {
	readonly #entities: Partial<Record<RecordKind, EntityProgress>> = {};
	readonly #recent: number[] = [];
	phase: ProgressReport['phase'] = 'preparing';
	throttled: ProgressReport['throttled'];

	constructor(
		readonly runId: string,
		private readonly now: () => number
	) {}

	expect(kind: RecordKind, total: number | undefined): void {
		const entity = this.#entity(kind);
		if (total !== undefined) entity.expected = total;
	}

	/**
	 * Starts from what the run did before it was interrupted, so a resumed run shows every record it has done and an ETA
	 * for what is left. Those records are not counted again: the pipeline marks a record this run handled as counted.
	 */
	resume(done: Partial<Record<RecordKind, EntityCounters>>): void {
		for (const [kind, counters] of Object.entries(done) as [RecordKind, EntityCounters][]) {
			const entity = this.#entity(kind);
			entity.total += counters.total;
			entity.migrated += counters.migrated;
			entity.failed += counters.failed;
			entity.skipped += counters.skipped;
		}
	}

	/** `already` counts a record migrated by an earlier run: it is part of the total and of the migrated. */
	count(kind: RecordKind, outcome: Outcome): void {
		const entity = this.#entity(kind);
		entity.total += 1;
		if (outcome === 'already') entity.migrated += 1;
		else entity[outcome] += 1;
		const now = this.now();
		this.#recent.push(now);
		while ((this.#recent[0] ?? now) < now - WINDOW_MS) this.#recent.shift();
	}

	counters(): Record<string, EntityCounters> {
		return Object.fromEntries(
			Object.entries(this.#entities).map(([kind, { total, migrated, failed, skipped }]) => [kind, { total, migrated, failed, skipped }])
		);
	}

	report(): ProgressReport {
		const perMinute = this.#perMinute();
		const current = this.phase in this.#entities ? this.#entities[this.phase as RecordKind] : undefined;
		const left = current?.expected !== undefined ? Math.max(0, current.expected - current.total) : undefined;
		const entities = structuredClone(this.#entities);
		// A count is the source's estimate (Zendesk's counts leave out deleted users, its export does not): never show more done than expected.
		for (const entity of Object.values(entities)) if (entity.expected !== undefined) entity.expected = Math.max(entity.expected, entity.total);
		const report: ProgressReport = { runId: this.runId, phase: this.phase, entities, perMinute };
		if (left !== undefined && perMinute > 0) report.etaMs = Math.round((left / perMinute) * 60_000);
		if (this.throttled) report.throttled = this.throttled;
		return report;
	}

	#perMinute(): number {
		if (this.#recent.length < 2) return 0;
		const span = this.now() - (this.#recent[0] ?? this.now());
		return span <= 0 ? 0 : Math.round((this.#recent.length / span) * 60_000);
	}

	#entity(kind: RecordKind): EntityProgress {
		return (this.#entities[kind] ??= { total: 0, migrated: 0, failed: 0, skipped: 0 });
	}
}

/** Kinds every run, a resumed one too, walks whole again: what an earlier run made is counted anew on the walk. */
const WALKED_WHOLE: ReadonlySet<string> = new Set(['teams', 'fields']);

/**
 * Where a resumed run's counts start. The id map knows only the rows this run wrote (`own`); the run's saved counters
 * also hold the records an earlier run (a demo) had made, which this run counted as there: a stream finished before
 * the stop is not read again, so without them its counts would start at nothing ("Organisations 0 / 5"). Per kind the
 * larger of the two; teams and fields from the id map alone, as they are walked whole again. The saved counters
 * are those of the last page done (or of the moment it failed): a page read again after a crash may be off by its size.
 */
export function resumedCounts(saved: Partial<Record<string, EntityCounters>> | undefined, own: Partial<Record<RecordKind, EntityCounters>>): Partial<Record<RecordKind, EntityCounters>> {
	const counts: Partial<Record<RecordKind, EntityCounters>> = { ...own };
	for (const [kind, counters] of Object.entries(saved ?? {}) as [RecordKind, EntityCounters | undefined][]) {
		if (!counters || WALKED_WHOLE.has(kind)) continue;
		if (counters.total > (own[kind]?.total ?? 0)) counts[kind] = { ...counters };
	}
	return counts;
}

const DONE: readonly (IdMapStatus & keyof EntityCounters)[] = ['migrated', 'failed', 'skipped'];
const ROWS_PER_READ = 1000;

/** What the id map says a run has done so far, per entity: the rows it last touched, pending ones (in flight) left out. */
export async function doneByRun(store: Pick<MigrationStore, 'listIdMap'>, runId: string): Promise<Partial<Record<RecordKind, EntityCounters>>> {
	const done: Partial<Record<RecordKind, EntityCounters>> = {};
	for (const status of DONE) {
		let after: Parameters<MigrationStore['listIdMap']>[1]['after'];
		do {
			const page = await store.listIdMap({ by: 'run-status', runId, status }, { limit: ROWS_PER_READ, ...(after && { after }) });
			for (const row of page.rows) {
				const entity = (done[row.entity as RecordKind] ??= { total: 0, migrated: 0, failed: 0, skipped: 0 });
				entity.total += 1;
				entity[status] += 1;
			}
			after = page.next;
		} while (after);
	}
	return done;
}
