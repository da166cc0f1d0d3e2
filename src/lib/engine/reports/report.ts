// The results of a migration: per entity all / migrated / failed / skipped from the id map, and one CSV per status.
import type { RecordKind } from '../model';
import type { EntityCounters, IdMapKey, IdMapRow, IdMapStatus, MigrationStore } from '../store';
import { toCsv } from './csv';
import { kayakoLink } from './links';

export const REPORT_KINDS: readonly RecordKind[] = ['teams', 'fields', 'organizations', 'users', 'tickets', 'kb-categories', 'kb-sections', 'articles'];
export const REPORT_HEADER = ['entity', 'status', 'source id', 'source link', 'kayako id', 'kayako link', 'reason', 'time'] as const;

/** Counts straight from the id map, so the table always says what is true now (after resumes, rollbacks, deltas). */
export async function resultsTable(store: MigrationStore, migrationId: string): Promise<Partial<Record<RecordKind, EntityCounters>>> {
	const table: Partial<Record<RecordKind, EntityCounters>> = {};
	for (const entity of REPORT_KINDS) {
		const count = (status: IdMapStatus) => store.countIdMap({ by: 'entity-status', migrationId, entity, status });
		const [migrated, failed, skipped, pending] = await Promise.all([count('migrated'), count('failed'), count('skipped'), count('pending')]);
		const total = migrated + failed + skipped + pending;
		if (total > 0) table[entity] = { total, migrated, failed, skipped };
	}
	return table;
}

export interface ReportLinks {
	kayakoBaseUrl: string;
	sourceLink?: (kind: RecordKind, sourceId: string) => string | undefined;
}

/** Every row of one status (or all) as CSV, read page by page from the id map. */
export async function reportCsv(store: MigrationStore, migrationId: string, status: IdMapStatus | 'all', links: ReportLinks, entity?: RecordKind): Promise<string> {
	const rows: (string | number | undefined)[][] = [];
	for (const kind of entity ? [entity] : REPORT_KINDS) {
		let after: IdMapKey | undefined;
		do {
			const query = status === 'all' ? ({ by: 'entity', migrationId, entity: kind } as const) : ({ by: 'entity-status', migrationId, entity: kind, status } as const);
			const page = await store.listIdMap(query, { limit: 500, after });
			for (const row of page.rows) rows.push(reportRow(row, kind, links));
			after = page.next;
		} while (after);
	}
	return toCsv(REPORT_HEADER, rows);
}

function reportRow(row: IdMapRow, kind: RecordKind, links: ReportLinks): (string | number | undefined)[] {
	return [
		kind,
		row.status,
		row.sourceId,
		links.sourceLink?.(kind, row.sourceId),
		row.kayakoId,
		row.status === 'migrated' ? kayakoLink(links.kayakoBaseUrl, kind, row.kayakoId) : undefined,
		row.reason,
		new Date(row.updatedAt).toISOString()
	];
}
