// The report as an .xlsx workbook: the same rows as the CSV, every cell typed as text (long ids stay exact, "+49 30 …"
// and "-5" stay as written, and a formula is only words), the time as a date, so no separator or encoding question arises.
import writeXlsxFile from 'write-excel-file/universal';
import type { Cell, Row } from 'write-excel-file/universal';
import type { RecordKind } from '../model';
import type { IdMapStatus, MigrationStore } from '../store';
import { COLUMN_KEYS } from './columns';
import { reportTable, type ReportOptions, type ReportTable } from './report';

/** Wide enough to read a name or a link without resizing; the reason gets the most room. */
export const XLSX_WIDTHS: Record<(typeof COLUMN_KEYS)[number], number> = {
	entity: 14,
	status: 14,
	'source id': 14,
	name: 36,
	'source link': 40,
	'kayako id': 12,
	'kayako link': 40,
	reason: 80,
	time: 20
};

/** How the time column shows its dates. */
export const XLSX_DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** The most characters Excel keeps in a cell; a file with a longer one opens only after Excel "repairs" it. */
export const XLSX_CELL_MAX = 32_767;

/** A cell's text within Excel's limit: a longer one (a 40,000-character error) is cut and ends in "…"; the CSV has it whole. */
export function xlsxCellText(value: string): string {
	if (value.length <= XLSX_CELL_MAX) return value;
	let end = XLSX_CELL_MAX - 1;
	// Not between the two halves of an emoji.
	if (/[\uD800-\uDBFF]/.test(value[end - 1] ?? '')) end--;
	return `${value.slice(0, end)}…`;
}

const text = (value: string | undefined): Cell => (value === undefined || value === '' ? null : { value: xlsxCellText(value), type: String });

export function tableXlsx(table: ReportTable, sheet: string): Promise<Blob> {
	const header: Row = table.header.map((title) => ({ value: title, type: String, fontWeight: 'bold' }));
	const rows: Row[] = table.lines.map((line) =>
		COLUMN_KEYS.map((key) => (key === 'time' ? { value: line.time, type: Date, format: XLSX_DATE_FORMAT } : text(line.cells[key])))
	);
	return writeXlsxFile([header, ...rows], { sheet, columns: COLUMN_KEYS.map((key) => ({ width: XLSX_WIDTHS[key] })), stickyRowsCount: 1 }).toBlob();
}

/** The report's one sheet, named in the reader's language (the app's download and the runner's paged file alike). */
export function reportSheetName(language: ReportOptions['language']): string {
	return language === 'de' ? 'Bericht' : 'Report';
}

/** Every row of one status (or all) as an .xlsx workbook with one sheet. */
export async function reportXlsx(store: MigrationStore, migrationId: string, status: IdMapStatus | 'all', options: ReportOptions, entity?: RecordKind): Promise<Blob> {
	const table = await reportTable(store, migrationId, status, options, entity);
	return tableXlsx(table, reportSheetName(options.language));
}
