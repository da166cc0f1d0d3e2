// The records behind one number of the results table: one entity, one status, page by page, with reasons and links into Kayako.
import { MigrationError } from '../errors';
import type { RecordKind } from '../model';
import { kayakoLink } from '../reports/links';
import { REPORT_KINDS } from '../reports/report';
import type { IdMapKey, IdMapStatus, KayakoId } from '../store';
import { asResult, type CommandDeps } from './deps';
import { requireMigration } from './migrations';

/** One source record as the results page lists it. */
export interface RecordLine {
	sourceId: string;
	status: IdMapStatus;
	kayakoId?: KayakoId;
	/** Where the record lives in Kayako's agent area; only for migrated records of kinds that have a page. */
	kayakoLink?: string;
	reason?: string;
	updatedAt: number;
}

export interface RecordPage {
	records: RecordLine[];
	/** Pass back as `after` for the next page; absent on the last page. */
	next?: IdMapKey;
}

const MAX_PAGE = 200;

export function recordCommands(deps: CommandDeps) {
	return {
		listRecords: (migrationId: string, entity: RecordKind, status: IdMapStatus | 'all', limit = 50, after?: IdMapKey) =>
			asResult(async (): Promise<RecordPage> => {
				if (!REPORT_KINDS.includes(entity)) throw new MigrationError({ kind: 'invalid-input', message: `There are no records of the kind "${entity}".` });
				const settings = await requireMigration(deps, migrationId);
				const query = status === 'all' ? ({ by: 'entity', migrationId, entity } as const) : ({ by: 'entity-status', migrationId, entity, status } as const);
				const page = await (await deps.store()).listIdMap(query, { limit: Math.min(MAX_PAGE, Math.max(1, Math.floor(limit))), ...(after && { after }) });
				const records = page.rows.map((row): RecordLine => {
					const link = row.status === 'migrated' ? kayakoLink(settings.target.url, entity, row.kayakoId) : undefined;
					return {
						sourceId: row.sourceId,
						status: row.status,
						updatedAt: row.updatedAt,
						...(row.kayakoId !== undefined && { kayakoId: row.kayakoId }),
						...(link && { kayakoLink: link }),
						...(row.reason && { reason: row.reason })
					};
				});
				return page.next ? { records, next: page.next } : { records };
			})
	};
}
