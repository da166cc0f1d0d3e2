// Live counts of a run per entity, with records per minute and an ETA when the total is known.
import type { RecordKind } from '../model';
import type { EntityCounters } from '../store';

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
	throttled?: { host: string; retryAfterMs?: number };
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
		const report: ProgressReport = { runId: this.runId, phase: this.phase, entities: structuredClone(this.#entities), perMinute };
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
