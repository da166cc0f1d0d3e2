// CSV for people who open it in a spreadsheet: UTF-8 with a BOM, and no cell that a spreadsheet would run as a formula.
import Papa from 'papaparse';

const BOM = '\uFEFF';

/** A cell starting with = + - @ (or a tab or carriage return before them) is a formula to Excel and LibreOffice: a leading apostrophe makes it text. */
export function inertCell(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
	const data = rows.map((row) => row.map((cell) => (cell === undefined ? '' : typeof cell === 'number' ? String(cell) : inertCell(cell))));
	return BOM + Papa.unparse({ fields: [...header], data }, { newline: '\r\n', quotes: false });
}
