// The results of a migration: per entity all / migrated / failed / skipped from the id map, and the report rows behind
// them (each naming its record, its reason in the reader's language), written as CSV or .xlsx.
import type { RecordKind } from '../model';
import type { EntityCounters, IdMapKey, IdMapRow, IdMapStatus, MigrationStore } from '../store';
import { COLUMN_KEYS, reportWords, type ColumnKey } from './columns';
import { toCsv, type CsvSeparator } from './csv';
import { kayakoLink, type SourceLink } from './links';
import { renderReason, type ReportLanguage } from './reasons/render';
import { compareSourceIds } from './sort';

export const REPORT_KINDS: readonly RecordKind[] = ['teams', 'fields', 'organizations', 'users', 'tickets', 'kb-categories', 'kb-sections', 'articles'];
/** The English report's header: the column keys. */
export const REPORT_HEADER = COLUMN_KEYS;

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
	sourceLink?: SourceLink;
}

export interface ReportOptions extends ReportLinks {
	/** The language of the header, the kinds, the statuses and the reasons; English when not given. */
	language?: ReportLanguage;
	/** The CSV's separator; "," when not given. */
	separator?: CsvSeparator;
}

/** One report line: every cell as text, in the order of COLUMN_KEYS; the time also as a date for a spreadsheet cell. */
export interface ReportLine {
	cells: Record<ColumnKey, string | undefined>;
	time: Date;
}

export interface ReportTable {
	header: string[];
	lines: ReportLine[];
}

/** The rows of one status (or all) of one kind (or all), in numeric id order within each kind, read page by page from the id map. */
export async function reportTable(store: MigrationStore, migrationId: string, status: IdMapStatus | 'all', options: ReportOptions, entity?: RecordKind): Promise<ReportTable> {
	const language = options.language ?? 'en';
	const words = reportWords(language);
	const lines: ReportLine[] = [];
	for (const kind of entity ? [entity] : REPORT_KINDS) {
		const rows: IdMapRow[] = [];
		let after: IdMapKey | undefined;
		do {
			const query = status === 'all' ? ({ by: 'entity', migrationId, entity: kind } as const) : ({ by: 'entity-status', migrationId, entity: kind, status } as const);
			const page = await store.listIdMap(query, { limit: 500, after });
			rows.push(...page.rows);
			after = page.next;
		} while (after);
		rows.sort((a, b) => compareSourceIds(a.sourceId, b.sourceId));
		for (const row of rows) lines.push(reportLine(row, kind, options, language, words));
	}
	return { header: COLUMN_KEYS.map((key) => words.columns[key]), lines };
}

function reportLine(row: IdMapRow, kind: RecordKind, options: ReportOptions, language: ReportLanguage, words: ReturnType<typeof reportWords>): ReportLine {
	const time = new Date(row.updatedAt);
	return {
		time,
		cells: {
			entity: words.kinds[kind],
			status: words.statuses[row.status],
			'source id': row.sourceId,
			name: row.label,
			'source link': options.sourceLink?.(kind, row.sourceId, row.sourceUrl),
			'kayako id': row.kayakoId === undefined ? undefined : String(row.kayakoId),
			'kayako link': row.status === 'migrated' ? kayakoLink(options.kayakoBaseUrl, kind, row.kayakoId) : undefined,
			reason: renderReason(row, language),
			time: time.toISOString()
		}
	};
}

/** Every row of one status (or all) as CSV: UTF-8 with a BOM, the chosen separator, no cell a spreadsheet would run. */
export async function reportCsv(store: MigrationStore, migrationId: string, status: IdMapStatus | 'all', options: ReportOptions, entity?: RecordKind): Promise<string> {
	const table = await reportTable(store, migrationId, status, options, entity);
	return toCsv(
		table.header,
		table.lines.map((line) => COLUMN_KEYS.map((key) => line.cells[key])),
		options.separator ?? ','
	);
}
