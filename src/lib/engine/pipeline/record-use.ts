// A run that relies on a record an earlier run made (counts a ticket as there, resolves a reference, finds a field) says so on its row, once.
import { usesOthers } from '../store/id-map-usage';
import type { IdMapRow } from '../store';
import type { RunContext } from './context';

/** Notes the use on the row unless this run made the record, touched it last, or noted it already: no write then. */
export async function noteUse(context: RunContext, row: IdMapRow | undefined): Promise<void> {
	if (!row || !usesOthers(row, context.run.id)) return;
	await context.store.markUsed(context.run.id, [{ migrationId: row.migrationId, entity: row.entity, sourceId: row.sourceId }]);
}
