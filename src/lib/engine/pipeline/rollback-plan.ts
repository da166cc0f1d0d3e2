// What a rollback of some runs does to each id map row: delete the Kayako record, only forget the row, keep it for a run
// that uses it, or leave it alone; and the preview of those outcomes by kind that the page shows before anything goes.
import type { RecordKind } from '../model';
import type { IdMapKey, IdMapRow, MigrationStore } from '../store';

/** Tickets before the users they belong to, sections before their categories, ... */
export const ROLLBACK_ORDER: readonly RecordKind[] = ['articles', 'kb-sections', 'kb-categories', 'tickets', 'users', 'organizations', 'fields', 'teams'];

const PAGE = 200;

/** Kinds no other record points at. */
const LEAVES = new Set<string>(['tickets', 'articles']);

export interface RollbackScope {
	/** The runs rolled back now. */
	runs: ReadonlySet<string>;
	/** Runs whose use of a record no longer counts: these, and runs rolled back before. */
	gone: ReadonlySet<string>;
	/**
	 * Per rolled-back run, the first full or delta run after it made by a version that did not note its uses: it may have
	 * relied on anything the earlier run made, so that stays for it.
	 */
	unnotedAfter?: ReadonlyMap<string, string>;
}

export type RowFate =
	/** Not this rollback's business: made by a run outside it, or never touched by it. */
	| { action: 'leave' }
	/** Made by the rolled-back runs and used by no other run: deleted in Kayako, then forgotten. */
	| { action: 'delete' }
	/** Nothing of it to delete in Kayako (matched to a record that existed, failed, skipped): the id map forgets it. */
	| { action: 'forget' }
	/** A later run relies on it (counted it as there, referenced it, updated it): stays in Kayako and becomes that run's. */
	| { action: 'keep'; adoptedBy: string };

export interface RollbackPreview {
	/** Records deleted in Kayako, by kind. */
	deletes: Partial<Record<RecordKind, number>>;
	/** Records the runs made that stay because a later run uses them, by kind. */
	keeps: Partial<Record<RecordKind, number>>;
}

export async function rollbackScope(store: MigrationStore, migrationId: string, runIds: readonly string[]): Promise<RollbackScope> {
	const runs = new Set(runIds);
	const gone = new Set(runIds);
	const all = await store.listRuns(migrationId);
	for (const run of all) if (run.rolledBackBy || run.kind === 'rollback') gone.add(run.id);
	const unnotedAfter = new Map<string, string>();
	for (const rolled of all.filter((run) => runs.has(run.id))) {
		const later = all.find((run) => (run.kind === 'full' || run.kind === 'delta') && !run.notesUse && !gone.has(run.id) && run.startedAt >= rolled.startedAt);
		if (later) unnotedAfter.set(rolled.id, later.id);
	}
	return { runs, gone, unnotedAfter };
}

export function fateOf(row: IdMapRow, scope: RollbackScope): RowFate {
	const created = row.createdBy !== undefined && scope.runs.has(row.createdBy);
	if (!created && (row.createdBy !== undefined || !scope.runs.has(row.runId))) return { action: 'leave' };
	// The run that touched the row last counts as a user too (a delta that updated the record, a full run that reconciled
	// it), unless it only skipped a record nothing points at: a full run that filtered a demo's ticket out does not want it.
	// A user it skipped may still be named by the demo's tickets it kept, so that stays.
	const touchedBy = row.status === 'skipped' && LEAVES.has(row.entity) ? [] : [row.runId];
	const unnoted = row.createdBy !== undefined && row.status === 'migrated' ? scope.unnotedAfter?.get(row.createdBy) : undefined;
	const users = [...(row.usedBy ?? []), ...touchedBy, ...(unnoted ? [unnoted] : [])].filter((id) => !scope.gone.has(id) && id !== row.createdBy);
	const adoptedBy = users[0];
	if (adoptedBy !== undefined && row.kayakoId !== undefined) return { action: 'keep', adoptedBy };
	if (created || row.status === 'pending') return { action: 'delete' };
	return { action: 'forget' };
}

/** The row as it stays after a rollback kept it: the first run that still uses it is now its maker. */
export function adopted(row: IdMapRow, adoptedBy: string, scope: RollbackScope): IdMapRow {
	const usedBy = (row.usedBy ?? []).filter((id) => id !== adoptedBy && !scope.gone.has(id));
	const kept: IdMapRow = { ...row, runId: adoptedBy };
	if (row.createdBy !== undefined) kept.createdBy = adoptedBy;
	if (usedBy.length > 0) kept.usedBy = usedBy;
	else delete kept.usedBy;
	return kept;
}

/** Every row of one kind, a page at a time; a page may be changed (rows deleted) before the next is read. */
export async function* rowsOf(store: MigrationStore, migrationId: string, kind: RecordKind): AsyncGenerator<IdMapRow[]> {
	let after: IdMapKey | undefined;
	do {
		const page = await store.listIdMap({ by: 'entity', migrationId, entity: kind }, { limit: PAGE, after });
		yield page.rows;
		after = page.next;
	} while (after);
}

/** What a rollback of these runs would delete and keep, counted by kind, without touching Kayako or the id map. */
export async function previewRollback(store: MigrationStore, migrationId: string, runIds: readonly string[]): Promise<RollbackPreview> {
	const scope = await rollbackScope(store, migrationId, runIds);
	const preview: RollbackPreview = { deletes: {}, keeps: {} };
	for (const kind of ROLLBACK_ORDER) {
		for await (const rows of rowsOf(store, migrationId, kind)) {
			for (const row of rows) {
				const fate = fateOf(row, scope);
				// A forgotten row has nothing in Kayako; a pending one may (an unanswered create), so it counts as a delete.
				const goes = fate.action === 'delete' && (row.kayakoId !== undefined || row.status === 'pending');
				const tally = goes ? preview.deletes : fate.action === 'keep' ? preview.keeps : undefined;
				if (tally) tally[kind] = (tally[kind] ?? 0) + 1;
			}
		}
	}
	return preview;
}
