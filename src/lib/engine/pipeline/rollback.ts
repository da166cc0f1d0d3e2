// Rollback: delete in Kayako what chosen runs created and no other run uses, newest dependencies first, and forget
// those records in the id map; records a later run relies on stay, as that run's (see rollback-plan.ts).
import { MigrationError } from '../errors';
import type { RecordKind } from '../model';
import type { IdMapRow } from '../store';
import type { RunContext } from './context';
import { isFatal, reasonOf } from './record-step';
import { undoReimport } from './reimport-rollback';
import { adopted, fateOf, ROLLBACK_ORDER, rollbackScope, rowsOf, type RollbackScope } from './rollback-plan';

/** Counts on the rollback's run: `migrated` deleted in Kayako, `skipped` kept for a later run, `failed` could not be deleted. */
export async function rollbackRuns(context: RunContext, runIds: readonly string[]): Promise<void> {
	const scope = await rollbackScope(context.store, context.run.migrationId, runIds);
	for (const kind of ROLLBACK_ORDER) {
		context.progress.phase = kind;
		context.report();
		for await (const rows of rowsOf(context.store, context.run.migrationId, kind)) {
			for (const row of rows) {
				await context.control.checkpoint();
				await undo(context, kind, row, scope);
			}
		}
	}
	for (const runId of scope.runs) {
		const run = await context.store.getRun(runId);
		if (run) await context.store.putRun({ ...run, state: run.state === 'running' ? 'cancelled' : run.state, rolledBackBy: context.run.id });
	}
}

async function undo(context: RunContext, kind: RecordKind, row: IdMapRow, scope: RollbackScope): Promise<void> {
	const fate = fateOf(row, scope);
	if (fate.action === 'leave') return;
	if (fate.action === 'keep') {
		await context.store.putIdMapRows([adopted(row, fate.adoptedBy, scope)]);
		context.progress.count(kind, 'skipped');
		context.report();
		return;
	}
	// A delta's re-import: its old case comes back out of the trash.
	if (fate.action === 'delete' && (await undoReimport(context, row, scope))) return;
	let kayakoId = fate.action === 'delete' ? row.kayakoId : undefined;
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
	await context.store.deleteIdMapRows([row]);
	if (kayakoId !== undefined) context.progress.count(kind, 'migrated');
	context.report();
}
