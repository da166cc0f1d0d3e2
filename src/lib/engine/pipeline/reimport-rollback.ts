// Rolling back a delta's re-import: the new case is deleted, and the old case comes back out of the trash with its id-map row.
import { MigrationError } from '../errors';
import type { IdMapRow } from '../store';
import type { RunContext } from './context';
import { isFatal, reasonOf } from './record-step';
import type { RollbackScope } from './rollback-plan';
import { replacedStream } from './ticket-reimport';

/**
 * A ticket row a rolled-back run made by re-importing the ticket: deletes the new case, then restores the old case and
 * its row, or deletes the old case too when the run that made it is rolled back as well. False for any other row.
 */
export async function undoReimport(context: RunContext, row: IdMapRow, scope: RollbackScope): Promise<boolean> {
	const reimport = context.target.reimport;
	if (row.entity !== 'tickets' || row.createdBy === undefined || row.kayakoId === undefined || !reimport) return false;
	const { migrationId } = context.run;
	const stream = replacedStream(row.createdBy, row.sourceId);
	const kept = await context.store.getCheckpoint(migrationId, stream);
	const old = kept?.checkpoint as unknown as IdMapRow | undefined;
	if (old?.kayakoId === undefined) return false;
	const oldGoesToo = old.createdBy !== undefined && scope.runs.has(old.createdBy);
	try {
		await context.target.remove('tickets', row.kayakoId);
		if (oldGoesToo) await context.target.remove('tickets', old.kayakoId);
		else await reimport.restore(old.kayakoId);
	} catch (error) {
		if (isFatal(error)) throw error;
		if (!(error instanceof MigrationError && error.kind === 'not-found')) {
			// The row and what it replaced stay, so the rollback can be run again.
			context.progress.count('tickets', 'failed');
			await context.log('warn', `Could not undo the re-import of ticket ${row.sourceId} (case ${row.kayakoId}, before it case ${old.kayakoId}): ${reasonOf(error)}`, { kind: 'tickets', sourceId: row.sourceId });
			return true;
		}
	}
	if (oldGoesToo) await context.store.deleteIdMapRows([row]);
	else await context.store.putIdMapRows([old]);
	await context.store.deleteCheckpoints(migrationId, stream);
	context.progress.count('tickets', 'migrated');
	context.report();
	return true;
}
