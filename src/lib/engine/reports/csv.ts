// CSV for people who open it in a spreadsheet: UTF-8 with a BOM, the separator their spreadsheet expects, and no cell
// that a spreadsheet would run as a formula.
import Papa from 'papaparse';

const BOM = '\uFEFF';

/** "," for English spreadsheets, ";" for German ones (where "," is the decimal comma). */
export type CsvSeparator = ',' | ';';

/** The separator a spreadsheet in this language opens without asking. */
export function defaultSeparator(language: string | null | undefined): CsvSeparator {
	return language?.toLowerCase().startsWith('de') ? ';' : ',';
}

/**
 * Where a spreadsheet may start a cell: the start of ours, and after any separator a reader might split on. We write
 * "," or ";", text import offers tab and "|", and a reader that ignores quotes starts a row after a line break. So every
 * one of these places is treated as the start of a cell.
 */
const CELL_START = String.raw`(^|[,;|\t\r\n])`;
/** Blanks a spreadsheet may skip before the formula sign (tab and CR are the classic ones, per OWASP). */
const BLANKS = String.raw`([ \t\r\n]*)`;
/**
 * What a spreadsheet evaluates: "=" and "@" always; "+" and "-" unless only a plain number or phone number follows up
 * to the next separator ("-5", "+49 30 1234", "+1 (555) 010-0199"). Those stay as they are: they call no function and
 * refer to no cell, and a support lead wants them readable.
 */
const FORMULA = String.raw`(?=[=@]|[+-](?![\d .()/-]*(?:$|[,;|\t\r\n])))`;
const FORMULA_START = new RegExp(CELL_START + BLANKS + FORMULA, 'g');

/** Makes every formula in the cell inert by putting an apostrophe (text, to Excel and LibreOffice) where the formula starts. */
export function inertCell(value: string): string {
	return value.replace(FORMULA_START, (_match, separator: string, blanks: string) => `${separator}'${blanks}`);
}

type CsvRow = readonly (string | number | undefined)[];

const cells = (rows: readonly CsvRow[]) => rows.map((row) => row.map((cell) => (cell === undefined ? '' : typeof cell === 'number' ? String(cell) : inertCell(cell))));

export function toCsv(header: readonly string[], rows: readonly CsvRow[], separator: CsvSeparator = ','): string {
	return BOM + Papa.unparse({ fields: [...header], data: cells(rows) }, { newline: '\r\n', quotes: false, delimiter: separator });
}

/** Rows without a header or BOM, lines joined by CRLF and no line break at the end: a piece of a CSV that `toCsv` began. */
export function csvRows(rows: readonly CsvRow[], separator: CsvSeparator = ','): string {
	return Papa.unparse(cells(rows) as string[][], { newline: '\r\n', quotes: false, delimiter: separator });
}
