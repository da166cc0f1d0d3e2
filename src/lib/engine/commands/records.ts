// The records behind one number of the results table (page by page, in numeric id order, named, with links into the
// source and Kayako and reasons in the reader's language), and the same rows as a CSV or .xlsx download.
import { MigrationError } from '../errors';
import type { RecordKind } from '../model';
import type { CsvSeparator } from '../reports/csv';
import { kayakoLink, sourceLinks } from '../reports/links';
import { renderReason, type ReportLanguage } from '../reports/reasons/render';
import { REPORT_KINDS, reportCsv, type ReportOptions } from '../reports/report';
import { compareSourceIds } from '../reports/sort';
import { reportXlsx } from '../reports/xlsx';
import type { IdMapKey, IdMapQuery, IdMapRow, IdMapStatus, KayakoId, MigrationSettings, MigrationStore } from '../store';
import { asResult, type CommandDeps } from './deps';
import { requireMigration } from './migrations';

/** One source record as the results page lists it. */
export interface RecordLine {
	sourceId: string;
	status: IdMapStatus;
	/** What a reader knows the record by (subject, name and e-mail, title), when the run saw it. */
	label?: string;
	/** The record's page in the source helpdesk. */
	sourceLink?: string;
	kayakoId?: KayakoId;
	/** Where the record lives in Kayako's agent area; only for migrated records of kinds that have a page. */
	kayakoLink?: string;
	/** In the language asked for, when the reason was recorded as codes; older rows say it as they stored it. */
	reason?: string;
	updatedAt: number;
}

export interface RecordPage {
	records: RecordLine[];
	/** Pass back as `after` for the next page; absent on the last page. */
	next?: IdMapKey;
}

/** How a report download is written: the language of its words, and the CSV's separator. */
export interface ReportFormat {
	language?: ReportLanguage;
	separator?: CsvSeparator;
}

const MAX_PAGE = 200;
/** Up to this many records, a list is sorted by numeric id across pages; beyond it, pages follow the store's order. */
const SORTED_UP_TO = 20_000;

function checkKind(entity: RecordKind | undefined): void {
	if (entity !== undefined && !REPORT_KINDS.includes(entity)) throw new MigrationError({ kind: 'invalid-input', message: `There are no records of the kind "${entity}".` });
}

function reportOptions(settings: MigrationSettings, format: ReportFormat | undefined): ReportOptions {
	return { kayakoBaseUrl: settings.target.url, sourceLink: sourceLinks(settings.source), ...format };
}

/** One page after `after`, in numeric id order: the whole list is read and sorted while it is small enough. */
async function sortedPage(store: MigrationStore, query: IdMapQuery, limit: number, after: IdMapKey | undefined): Promise<{ rows: IdMapRow[]; next?: IdMapKey }> {
	if ((await store.countIdMap(query)) > SORTED_UP_TO) return store.listIdMap(query, { limit, ...(after && { after }) });
	const all: IdMapRow[] = [];
	let cursor: IdMapKey | undefined;
	do {
		const page = await store.listIdMap(query, { limit: 1000, ...(cursor && { after: cursor }) });
		all.push(...page.rows);
		cursor = page.next;
	} while (cursor);
	all.sort((a, b) => compareSourceIds(a.sourceId, b.sourceId));
	const start = after ? all.findIndex((row) => compareSourceIds(row.sourceId, after.sourceId) > 0) : 0;
	const rows = start < 0 ? [] : all.slice(start, start + limit);
	const last = rows[rows.length - 1];
	return last && start + limit < all.length ? { rows, next: { migrationId: last.migrationId, entity: last.entity, sourceId: last.sourceId } } : { rows };
}

export function recordCommands(deps: CommandDeps) {
	return {
		listRecords: (migrationId: string, entity: RecordKind, status: IdMapStatus | 'all', limit = 50, after?: IdMapKey, language: ReportLanguage = 'en') =>
			asResult(async (): Promise<RecordPage> => {
				checkKind(entity);
				const settings = await requireMigration(deps, migrationId);
				const links = sourceLinks(settings.source);
				const query = status === 'all' ? ({ by: 'entity', migrationId, entity } as const) : ({ by: 'entity-status', migrationId, entity, status } as const);
				const page = await sortedPage(await deps.store(), query, Math.min(MAX_PAGE, Math.max(1, Math.floor(limit))), after);
				const records = page.rows.map((row): RecordLine => {
					const link = row.status === 'migrated' ? kayakoLink(settings.target.url, entity, row.kayakoId) : undefined;
					const source = links(entity, row.sourceId, row.sourceUrl);
					const reason = renderReason(row, language);
					return {
						sourceId: row.sourceId,
						status: row.status,
						updatedAt: row.updatedAt,
						...(row.label && { label: row.label }),
						...(source && { sourceLink: source }),
						...(row.kayakoId !== undefined && { kayakoId: row.kayakoId }),
						...(link && { kayakoLink: link }),
						...(reason && { reason })
					};
				});
				return page.next ? { records, next: page.next } : { records };
			}),

		/** One report as CSV text (UTF-8 with BOM), in the language and with the separator asked for. */
		reportCsv: (migrationId: string, status: IdMapStatus | 'all', entity?: RecordKind, format?: ReportFormat) =>
			asResult(async () => {
				checkKind(entity);
				const settings = await requireMigration(deps, migrationId);
				return reportCsv(await deps.store(), migrationId, status, reportOptions(settings, format), entity);
			}),

		/** The same report as an .xlsx workbook, every cell text. */
		reportXlsx: (migrationId: string, status: IdMapStatus | 'all', entity?: RecordKind, format?: ReportFormat) =>
			asResult(async () => {
				checkKind(entity);
				const settings = await requireMigration(deps, migrationId);
				return reportXlsx(await deps.store(), migrationId, status, reportOptions(settings, format), entity);
			})
	};
}
