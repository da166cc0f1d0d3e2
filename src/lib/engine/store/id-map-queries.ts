// Reads of the id map by each of its indices, paged with cursors so a 100,000-row map never sits in memory at once.
import type { IndexKey, IndexNames } from 'idb';
import { MigrationError } from '../errors';
import { prefixRange, type StoreContext } from './context';
import { idMapKey } from './id-map';
import type { IdMapPrimaryKey, MigratorDB } from './schema';
import type { IdMapPage, IdMapPageRequest, IdMapQuery, IdMapRow } from './types';

export interface IdMapReadAccess {
	/** One page of the rows the query selects, in primary-key order; pass `page.next` as `after` for the following page. */
	listIdMap(query: IdMapQuery, page: IdMapPageRequest): Promise<IdMapPage>;
	/** How many rows the query selects, counted by IndexedDB without loading them. */
	countIdMap(query: IdMapQuery): Promise<number>;
}

type IdMapIndexName = IndexNames<MigratorDB, 'idMap'>;
type Selection = { range: IDBKeyRange } | { index: IdMapIndexName; key: IndexKey<MigratorDB, 'idMap', IdMapIndexName> };

/** Which index answers a query, and the key to look up in it. */
function select(context: StoreContext, query: IdMapQuery): Selection {
	switch (query.by) {
		case 'migration':
			return { range: prefixRange(context, [query.migrationId]) };
		case 'entity':
			return { range: prefixRange(context, [query.migrationId, query.entity]) };
		case 'run-status':
			return { index: 'byRunStatus', key: [query.runId, query.status] };
		case 'migration-status':
			return { index: 'byMigrationStatus', key: [query.migrationId, query.status] };
		case 'entity-status':
			return { index: 'byEntityStatus', key: [query.migrationId, query.entity, query.status] };
		case 'kayako-id':
			return { index: 'byKayakoId', key: [query.migrationId, query.entity, query.kayakoId] };
	}
}

export function idMapReadAccess(context: StoreContext): IdMapReadAccess {
	const { db } = context;

	// Primary-key ranges page by moving the range's lower bound past the last key seen.
	async function listByRange(range: IDBKeyRange, page: IdMapPageRequest): Promise<IdMapRow[]> {
		const from = page.after ? context.keyRange.bound(idMapKey(page.after), range.upper, true, range.upperOpen) : range;
		return db.getAll('idMap', from, page.limit + 1);
	}

	// Within one index key the rows are ordered by primary key, so `continuePrimaryKey` seeks straight past the last row seen.
	async function listByIndex(index: IdMapIndexName, key: IndexKey<MigratorDB, 'idMap', IdMapIndexName>, page: IdMapPageRequest): Promise<IdMapRow[]> {
		const tx = db.transaction('idMap', 'readonly');
		let cursor = await tx.store.index(index).openCursor(key);
		if (cursor && page.after) {
			const after: IdMapPrimaryKey = idMapKey(page.after);
			if (context.compareKeys(cursor.primaryKey, after) < 0) cursor = await cursor.continuePrimaryKey(key, after);
			if (cursor && context.compareKeys(cursor.primaryKey, after) === 0) cursor = await cursor.continue();
		}
		const rows: IdMapRow[] = [];
		while (cursor && rows.length <= page.limit) {
			rows.push(cursor.value);
			if (rows.length <= page.limit) cursor = await cursor.continue();
		}
		await tx.done;
		return rows;
	}

	return {
		async listIdMap(query, page) {
			if (!Number.isInteger(page.limit) || page.limit < 1) {
				throw new MigrationError({ kind: 'invalid-input', message: `An id-map page holds at least one row; ${page.limit} was asked.` });
			}
			const selection = select(context, query);
			// One row more than asked tells whether another page follows, without an empty last page.
			const rows = 'range' in selection ? await listByRange(selection.range, page) : await listByIndex(selection.index, selection.key, page);
			const hasMore = rows.length > page.limit;
			const pageRows = hasMore ? rows.slice(0, page.limit) : rows;
			const last = pageRows[pageRows.length - 1];
			return hasMore && last ? { rows: pageRows, next: { migrationId: last.migrationId, entity: last.entity, sourceId: last.sourceId } } : { rows: pageRows };
		},

		countIdMap(query) {
			const selection = select(context, query);
			return 'range' in selection ? db.count('idMap', selection.range) : db.countFromIndex('idMap', selection.index, selection.key);
		}
	};
}
