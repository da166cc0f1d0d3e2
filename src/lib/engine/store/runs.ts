// Runs of a migration (demo, full, delta, rollback): their state and per-entity counters.
import { MigrationError } from '../errors';
import { allOrNothing, newId, prefixRange, type StoreContext } from './context';
import type { RunKind, RunRecord } from './types';

export interface NewRun {
	migrationId: string;
	kind: RunKind;
	rollsBack?: string[];
}

export type RunChange = Partial<Pick<RunRecord, 'state' | 'counters' | 'finishedAt' | 'error' | 'delta'>>;

export interface RunAccess {
	/** Starts a run in state `running` with no counters yet. */
	createRun(init: NewRun): Promise<RunRecord>;
	putRun(run: RunRecord): Promise<void>;
	getRun(id: string): Promise<RunRecord | undefined>;
	/** Oldest first. */
	listRuns(migrationId: string): Promise<RunRecord[]>;
	/** Reads, changes and writes the run in one transaction; throws `not-found` for an unknown id. */
	updateRun(id: string, change: RunChange): Promise<RunRecord>;
}

export function runAccess(context: StoreContext): RunAccess {
	const { db } = context;
	return {
		async createRun(init) {
			const run: RunRecord = { id: newId(), migrationId: init.migrationId, kind: init.kind, state: 'running', counters: {}, startedAt: context.now() };
			if (init.rollsBack) run.rollsBack = [...init.rollsBack];
			await db.add('runs', run);
			return run;
		},
		async putRun(run) {
			await db.put('runs', run);
		},
		getRun(id) {
			return db.get('runs', id);
		},
		listRuns(migrationId) {
			return db.getAllFromIndex('runs', 'byMigration', prefixRange(context, [migrationId]));
		},
		async updateRun(id, change) {
			const tx = db.transaction('runs', 'readwrite');
			return allOrNothing(tx, async () => {
				const run = await tx.store.get(id);
				if (!run) throw new MigrationError({ kind: 'not-found', message: `Run ${id} is not in this browser's storage.` });
				const updated: RunRecord = { ...run, ...change };
				await tx.store.put(updated);
				return updated;
			});
		}
	};
}
