// The results of a migration: per entity all / migrated / failed / skipped from the id map, and the report rows behind
// them (each naming its record, its reason in the reader's language), written as CSV or .xlsx.
import type { RecordKind } from '../model';
import type { EntityCounters, IdMapKey, IdMapRow, IdMapStatus, MigrationStore } from '../store';
import { COLUMN_KEYS, reportWords, type ColumnKey } from './columns';
import { csvRows, toCsv, type CsvSeparator } from './csv';
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

/** Rows read from the id map at once: a report of any size holds one kind's ids and this many rows. */
const PAGE = 500;

/** The source ids of one kind's rows (of one status, or all) in report order: numeric ids by value, then the others. */
async function sortedIds(store: MigrationStore, migrationId: string, kind: RecordKind, status: IdMapStatus | 'all'): Promise<string[]> {
	const ids: string[] = [];
	let after: IdMapKey | undefined;
	do {
		const query = status === 'all' ? ({ by: 'entity', migrationId, entity: kind } as const) : ({ by: 'entity-status', migrationId, entity: kind, status } as const);
		const page = await store.listIdMap(query, { limit: PAGE, after });
		for (const row of page.rows) ids.push(row.sourceId);
		after = page.next;
	} while (after);
	return ids.sort(compareSourceIds);
}

/**
 * The report's lines a page at a time, in the order of `reportTable`: a report of 100,000 tickets is written without
 * holding its rows, only the ids of one kind (a few bytes each) and one page of rows.
 */
export async function* reportLinePages(store: MigrationStore, migrationId: string, status: IdMapStatus | 'all', options: ReportOptions, entity?: RecordKind): AsyncGenerator<ReportLine[]> {
	const language = options.language ?? 'en';
	const words = reportWords(language);
	for (const kind of entity ? [entity] : REPORT_KINDS) {
		const ids = await sortedIds(store, migrationId, kind, status);
		for (let start = 0; start < ids.length; start += PAGE) {
			const rows = await Promise.all(ids.slice(start, start + PAGE).map((sourceId) => store.getIdMapRow({ migrationId, entity: kind, sourceId })));
			yield rows.filter((row): row is IdMapRow => row !== undefined && (status === 'all' || row.status === status)).map((row) => reportLine(row, kind, options, language, words));
		}
	}
}

/** The report's header in the reader's language. */
export function reportHeader(language: ReportLanguage | undefined): string[] {
	const words = reportWords(language ?? 'en');
	return COLUMN_KEYS.map((key) => words.columns[key]);
}

/** The rows of one status (or all) of one kind (or all), in numeric id order within each kind, read page by page from the id map. */
export async function reportTable(store: MigrationStore, migrationId: string, status: IdMapStatus | 'all', options: ReportOptions, entity?: RecordKind): Promise<ReportTable> {
	const lines: ReportLine[] = [];
	for await (const page of reportLinePages(store, migrationId, status, options, entity)) lines.push(...page);
	return { header: reportHeader(options.language), lines };
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

const cellsOf = (line: ReportLine) => COLUMN_KEYS.map((key) => line.cells[key]);

/** The same CSV as `reportCsv`, a page of rows at a time, for a file written as it goes: the first piece holds the BOM and the header. */
export async function* reportCsvPieces(store: MigrationStore, migrationId: string, status: IdMapStatus | 'all', options: ReportOptions, entity?: RecordKind): AsyncGenerator<string> {
	const separator = options.separator ?? ',';
	// The header alone ends with a line break (as a report without rows does); rows follow it without one at the end.
	const header = toCsv(reportHeader(options.language), [], separator);
	let started = false;
	for await (const page of reportLinePages(store, migrationId, status, options, entity)) {
		if (page.length === 0) continue;
		yield `${started ? '\r\n' : header}${csvRows(page.map(cellsOf), separator)}`;
		started = true;
	}
	if (!started) yield header;
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
