// The LevelDB store's range reads and range deletes: lists, pages and counts by prefix or index, and deleting a
// migration, a side's credentials, checkpoints or old events, each delete one batch with its index entries.
import { MigrationError } from '../../src/lib/engine/errors';
import type {
	CheckpointRecord,
	EventPageRequest,
	EventPruning,
	EventRecord,
	IdMapPage,
	IdMapPageRequest,
	IdMapQuery,
	IdMapRow,
	MigrationSettings,
	RunRecord,
	StoredCredentials,
	CredentialSide
} from '../../src/lib/engine/store';
import { encodeKey, prefixBounds, type KeyPart } from './level-keys';
import { indexPrefix, primaryKeyOf, recordKey, replaceOps, type BatchOp, type Level, type TableName } from './level-tables';

type Row = Record<string, unknown>;
type Bounds = { gt?: string; gte?: string; lt: string };

export function levelReads(level: Level) {
	const values = async <T>(bounds: Bounds, limit = -1, reverse = false) => (await level.values({ ...bounds, limit, reverse }).all()) as T[];
	const records = (table: TableName, prefix: readonly KeyPart[]) => values<Row>(prefixBounds(['r', table, ...prefix]));

	/** The records an index selects, in index order: its entries hold the primary keys. */
	async function viaIndex<T>(table: TableName, bounds: Bounds, limit = -1, reverse = false): Promise<T[]> {
		const keys = await values<KeyPart[]>(bounds, limit, reverse);
		const found = keys.length > 0 ? await level.getMany(keys.map((key) => recordKey(table, key))) : [];
		return found.filter((value) => value !== undefined) as T[];
	}

	async function deleteAll(table: TableName, rows: readonly Row[]): Promise<BatchOp[]> {
		return rows.flatMap((row) => replaceOps(table, primaryKeyOf(table, row), row, undefined));
	}

	function idMapBounds(query: IdMapQuery): { table: boolean; prefix: KeyPart[] } {
		switch (query.by) {
			case 'migration':
				return { table: true, prefix: ['r', 'idMap', query.migrationId] };
			case 'entity':
				return { table: true, prefix: ['r', 'idMap', query.migrationId, query.entity] };
			case 'run-status':
				return { table: false, prefix: indexPrefix('idMap', 'byRunStatus', [query.runId, query.status]) };
			case 'migration-status':
				return { table: false, prefix: indexPrefix('idMap', 'byMigrationStatus', [query.migrationId, query.status]) };
			case 'entity-status':
				return { table: false, prefix: indexPrefix('idMap', 'byEntityStatus', [query.migrationId, query.entity, query.status]) };
			case 'kayako-id':
				return { table: false, prefix: indexPrefix('idMap', 'byKayakoId', [query.migrationId, query.entity, query.kayakoId]) };
		}
	}

	return {
		async listMigrations(): Promise<MigrationSettings[]> {
			const all = (await records('migrations', [])) as unknown as MigrationSettings[];
			return all.sort((first, second) => second.updatedAt - first.updatedAt);
		},

		async deleteMigration(id: string): Promise<void> {
			const byMigration = prefixBounds(indexPrefix('runs', 'byMigration', [id]));
			const events = prefixBounds(indexPrefix('events', 'byMigrationTime', [id]));
			const ops = [
				...(await deleteAll('migrations', await records('migrations', [id]))),
				...(await deleteAll('credentials', await records('credentials', [id]))),
				...(await deleteAll('idMap', await records('idMap', [id]))),
				...(await deleteAll('checkpoints', await records('checkpoints', [id]))),
				...(await deleteAll('runs', await viaIndex<Row>('runs', byMigration))),
				...(await deleteAll('events', await viaIndex<Row>('events', events)))
			];
			if (ops.length > 0) await level.batch(ops);
		},

		async listCredentialBlobs(migrationId: string): Promise<StoredCredentials[]> {
			return (await records('credentials', [migrationId])) as unknown as StoredCredentials[];
		},

		async deleteCredentialBlobs(migrationId: string, side?: CredentialSide): Promise<void> {
			const ops = await deleteAll('credentials', await records('credentials', side ? [migrationId, side] : [migrationId]));
			if (ops.length > 0) await level.batch(ops);
		},

		listRuns(migrationId: string): Promise<RunRecord[]> {
			return viaIndex<RunRecord>('runs', prefixBounds(indexPrefix('runs', 'byMigration', [migrationId])));
		},

		async listCheckpoints(migrationId: string): Promise<CheckpointRecord[]> {
			return (await records('checkpoints', [migrationId])) as unknown as CheckpointRecord[];
		},

		async deleteCheckpoints(migrationId: string, stream?: string): Promise<void> {
			const ops = await deleteAll('checkpoints', await records('checkpoints', stream === undefined ? [migrationId] : [migrationId, stream]));
			if (ops.length > 0) await level.batch(ops);
		},

		async listIdMap(query: IdMapQuery, page: IdMapPageRequest): Promise<IdMapPage> {
			if (!Number.isInteger(page.limit) || page.limit < 1) {
				throw new MigrationError({ kind: 'invalid-input', message: `An id-map page holds at least one row; ${page.limit} was asked.` });
			}
			const { table, prefix } = idMapBounds(query);
			const whole = prefixBounds(prefix);
			const after = page.after ? [page.after.migrationId, page.after.entity, page.after.sourceId] : undefined;
			// Both orders end in the primary key, so the page after a row starts just past that row's own key.
			const bounds: Bounds = after ? { gt: table ? recordKey('idMap', after) : encodeKey([...prefix, ...after]), lt: whole.lt } : whole;
			if (after && bounds.gt !== undefined && bounds.gt < whole.gte) bounds.gt = undefined;
			if (bounds.gt === undefined) bounds.gte = whole.gte;
			const rows = table ? await values<IdMapRow>(bounds, page.limit + 1) : await viaIndex<IdMapRow>('idMap', bounds, page.limit + 1);
			const hasMore = rows.length > page.limit;
			const pageRows = hasMore ? rows.slice(0, page.limit) : rows;
			const last = pageRows[pageRows.length - 1];
			return hasMore && last ? { rows: pageRows, next: { migrationId: last.migrationId, entity: last.entity, sourceId: last.sourceId } } : { rows: pageRows };
		},

		async countIdMap(query: IdMapQuery): Promise<number> {
			let count = 0;
			for await (const _key of level.keys(prefixBounds(idMapBounds(query).prefix))) count++;
			return count;
		},

		async listEvents(migrationId: string, page: EventPageRequest): Promise<EventRecord[]> {
			if (!Number.isInteger(page.limit) || page.limit < 1) {
				throw new MigrationError({ kind: 'invalid-input', message: `An event page holds at least one event; ${page.limit} was asked.` });
			}
			const whole = prefixBounds(indexPrefix('events', 'byMigrationTime', [migrationId]));
			const bounds = page.before ? { gte: whole.gte, lt: encodeKey([...indexPrefix('events', 'byMigrationTime', [migrationId, page.before.time]), page.before.id]) } : whole;
			return viaIndex<EventRecord>('events', bounds, page.limit, true);
		},

		async pruneEvents(migrationId: string, pruning: EventPruning): Promise<number> {
			const newestFirst = await viaIndex<EventRecord>('events', prefixBounds(indexPrefix('events', 'byMigrationTime', [migrationId])), -1, true);
			const doomed: EventRecord[] = [];
			let kept = 0;
			for (const event of newestFirst) {
				const tooOld = pruning.olderThan !== undefined && event.time < pruning.olderThan;
				const beyondKept = pruning.keepLatest !== undefined && kept >= pruning.keepLatest;
				if (tooOld || beyondKept) doomed.push(event);
				else kept++;
			}
			const ops = await deleteAll('events', doomed as unknown as Row[]);
			if (ops.length > 0) await level.batch(ops);
			return doomed.length;
		}
	};
}
