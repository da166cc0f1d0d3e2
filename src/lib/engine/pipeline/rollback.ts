// Rollback: delete in Kayako what chosen runs created, newest dependencies first, and forget those records in the id map.
import { MigrationError } from '../errors';
import type { RecordKind } from '../model';
import type { IdMapKey, IdMapRow } from '../store';
import type { RunContext } from './context';
import { isFatal, reasonOf } from './record-step';

/** Tickets before the users they belong to, sections before their categories, ... */
export const ROLLBACK_ORDER: readonly RecordKind[] = ['articles', 'kb-sections', 'kb-categories', 'tickets', 'users', 'organizations', 'fields', 'teams'];

const PAGE = 200;

export async function rollbackRuns(context: RunContext, runIds: readonly string[]): Promise<void> {
	const runs = new Set(runIds);
	for (const kind of ROLLBACK_ORDER) {
		context.progress.phase = kind;
		context.report();
		let after: IdMapKey | undefined;
		do {
			const page = await context.store.listIdMap({ by: 'entity', migrationId: context.run.migrationId, entity: kind }, { limit: PAGE, after });
			for (const row of page.rows) {
				await context.control.checkpoint();
				await undo(context, kind, row, runs);
			}
			after = page.next;
		} while (after);
	}
	for (const runId of runs) {
		const run = await context.store.getRun(runId);
		if (run) await context.store.putRun({ ...run, state: run.state === 'running' ? 'cancelled' : run.state, rolledBackBy: context.run.id });
	}
}

async function undo(context: RunContext, kind: RecordKind, row: IdMapRow, runs: Set<string>): Promise<void> {
	const created = row.createdBy !== undefined && runs.has(row.createdBy);
	const touched = runs.has(row.runId);
	if (!created && !touched) return;
	let kayakoId = created ? row.kayakoId : undefined;
	// A create left pending may have happened: ask Kayako, and delete it if so.
	if (kayakoId === undefined && row.status === 'pending') kayakoId = (await context.target.findExisting(kind, [{ sourceId: row.sourceId }])).get(row.sourceId);
	if (kayakoId !== undefined) {
		try {
			await context.target.remove(kind, kayakoId);
		} catch (error) {
			if (isFatal(error)) throw error;
			if (!(error instanceof MigrationError && error.kind === 'not-found')) {
				// Kept in the id map so the rollback can be run again; reported as failed.
				context.progress.count(kind, 'failed');
				await context.log('warn', `Could not delete ${kind} ${kayakoId} in Kayako: ${reasonOf(error)}`, { kind, sourceId: row.sourceId });
				return;
			}
		}
	}
	// A record matched to an existing Kayako one, or one that failed, only leaves the id map.
	if (!created && row.status === 'migrated' && row.createdBy !== undefined) return;
	await context.store.deleteIdMapRows([row]);
	context.progress.count(kind, 'migrated');
	context.report();
}
