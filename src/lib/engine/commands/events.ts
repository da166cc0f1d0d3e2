// What the engine tells the page without being asked: one hub, listeners that may live on the other side of the worker.

import type { Entity } from '../model';
import type { ProgressReport } from '../pipeline/progress';
import type { RunKind, RunState } from '../store';

export type EngineEvent =
	| { type: 'migrations-changed' }
	| { type: 'migration-changed'; migrationId: string }
	/** `pausing` in the report: a pause was asked for and the record in flight is still being written. */
	| { type: 'progress'; migrationId: string; kind?: RunKind; report: ProgressReport & { pausing?: boolean }; elsewhere?: boolean }
	/** A tab that watches asks the tab running the migration for its progress now. */
	| { type: 'progress-wanted'; migrationId: string; elsewhere?: boolean }
	/** The select step's counting: before an entity, `done` is its position and `count` null; after it, one more and the count (null when the source cannot tell). */
	| { type: 'count-progress'; migrationId: string; entity: Entity; count: number | null; done: number; total: number }
	| { type: 'run-ended'; migrationId: string; runId: string; state: RunState; error?: { kind: string; message: string }; elsewhere?: boolean };

export type EngineListener = (event: EngineEvent) => void | Promise<void>;

export class EventHub {
	#next = 1;
	readonly #listeners = new Map<number, EngineListener>();

	subscribe(listener: EngineListener): number {
		const id = this.#next++;
		this.#listeners.set(id, listener);
		return id;
	}

	unsubscribe(id: number): void {
		this.#listeners.delete(id);
	}

	emit(event: EngineEvent): void {
		for (const [id, listener] of this.#listeners) {
			// A listener whose page went away throws or rejects: drop it, keep the others.
			try {
				Promise.resolve(listener(event)).catch(() => this.#listeners.delete(id));
			} catch {
				this.#listeners.delete(id);
			}
		}
	}
}
