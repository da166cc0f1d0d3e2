// Which later runs use a record another run made in Kayako, kept on its id map row so a rollback of the maker spares it.
import { allOrNothing, type StoreContext } from './context';
import type { IdMapKey, IdMapRow } from './types';

export interface IdMapUsageAccess {
	/**
	 * Notes that `runId` used these records (counted them as there, resolved a reference to them) although another run
	 * made them. Rows already noted for the run, made by it, or gone are left as they are; nothing else on a row changes.
	 */
	markUsed(runId: string, keys: readonly IdMapKey[]): Promise<void>;
}

/** Does `runId` use a record it did not make, and has that not been noted yet? Answers false for rows without a Kayako record. */
export function usesOthers(row: IdMapRow | undefined, runId: string): boolean {
	if (row?.kayakoId === undefined || row.runId === runId || row.createdBy === runId) return false;
	return !(row.usedBy ?? []).includes(runId);
}

/**
 * The `usedBy` of a row a run writes again (`next`) over the row as it was (`previous`): the runs noted before, and this
 * run when it takes up the same Kayako record another run made or matched. Undefined when there is nothing to note.
 */
export function usedAfter(previous: IdMapRow | undefined, next: IdMapRow): string[] | undefined {
	const before = previous?.usedBy;
	if (previous === undefined || previous.kayakoId === undefined || previous.kayakoId !== next.kayakoId) return before;
	if (next.createdBy === next.runId || !usesOthers(previous, next.runId)) return before;
	return [...(before ?? []), next.runId];
}

export function idMapUsageAccess(context: StoreContext): IdMapUsageAccess {
	const { db } = context;
	return {
		async markUsed(runId, keys) {
			if (keys.length === 0) return;
			const tx = db.transaction('idMap', 'readwrite');
			await allOrNothing(tx, () =>
				Promise.all(
					keys.map(async (key) => {
						const row = await tx.store.get([key.migrationId, key.entity, key.sourceId]);
						if (!row || !usesOthers(row, runId)) return;
						await tx.store.put({ ...row, usedBy: [...(row.usedBy ?? []), runId] });
					})
				)
			);
		}
	};
}
