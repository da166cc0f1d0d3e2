// The runner's .xlsx report written a page of rows at a time: the workbook's XML parts are zipped (fflate's streaming
// Zip) straight into the file while the report is read from the store, so 100,000 rows weigh one page in memory, not
// the whole workbook. The cells are those of `tableXlsx` (write-excel-file) for the same rows: text cells (inline, so no
// shared-string table grows), the time as a real date "yyyy-mm-dd hh:mm:ss", a bold and frozen header, the same widths.
import { rename, rm, open } from 'node:fs/promises';
import { Zip, ZipDeflate } from 'fflate';
import { COLUMN_KEYS } from '../../src/lib/engine/reports/columns';
import type { ReportLine } from '../../src/lib/engine/reports/report';
import { XLSX_DATE_FORMAT, XLSX_WIDTHS, xlsxCellText } from '../../src/lib/engine/reports/xlsx';

// Characters XML 1.0 forbids (C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF, and U+FFFD) and
// those it discourages: the same two patterns write-excel-file 4.1.1 removes (xml/removeInvalidXmlCharacters.js, MIT).
// eslint-disable-next-line no-control-regex -- these are the characters to remove
const INVALID = /((?:[\0-\x08\x0B\f\x0E-\x1F\uFFFD\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]))/g;
const DISCOURAGED = new RegExp(
	// eslint-disable-next-line no-control-regex -- as above
	'([\\x7F-\\x84]|[\\x86-\\x9F]|[\\uFDD0-\\uFDEF]|(?:\\uD83F[\\uDFFE\\uDFFF])|(?:\\uD87F[\\uDFFE\\uDFFF])|(?:\\uD8BF[\\uDFFE\\uDFFF])|(?:\\uD8FF[\\uDFFE\\uDFFF])|(?:\\uD93F[\\uDFFE\\uDFFF])|(?:\\uD97F[\\uDFFE\\uDFFF])|(?:\\uD9BF[\\uDFFE\\uDFFF])|(?:\\uD9FF[\\uDFFE\\uDFFF])|(?:\\uDA3F[\\uDFFE\\uDFFF])|(?:\\uDA7F[\\uDFFE\\uDFFF])|(?:\\uDABF[\\uDFFE\\uDFFF])|(?:\\uDAFF[\\uDFFE\\uDFFF])|(?:\\uDB3F[\\uDFFE\\uDFFF])|(?:\\uDB7F[\\uDFFE\\uDFFF])|(?:\\uDBBF[\\uDFFE\\uDFFF])|(?:\\uDBFF[\\uDFFE\\uDFFF])(?:[\\0-\\t\\x0B\\f\\x0E-\\u2027\\u202A-\\uD7FF\\uE000-\\uFFFF]|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?:[^\\uD800-\\uDBFF]|^)[\\uDC00-\\uDFFF]))',
	'g'
);

/** Text as XML element content: forbidden characters removed, "&", "<" and ">" escaped. */
export function xmlText(value: string): string {
	return value.replace(INVALID, '').replace(DISCOURAGED, '').replaceAll('&', '&amp;').replaceAll('>', '&gt;').replaceAll('<', '&lt;');
}

const xmlAttribute = (value: string) => xmlText(value).replaceAll("'", '&apos;').replaceAll('"', '&quot;');

/** "A", "B", … "I": the report has nine columns. */
const column = (index: number) => String.fromCharCode(65 + index);

/** Days since 1900-01-01 as Excel counts them (write-excel-file's serial number, milliseconds kept). */
const serial = (date: Date) => date.getTime() / 86_400_000 + (70 * 365 + 19);

/** A text cell kept as written (no number, no formula); leading or trailing spaces kept as write-excel-file does. */
function textCell(ref: string, value: string, style = ''): string {
	const space = value.trim().length === value.length ? '' : ' xml:space="preserve"';
	return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${xmlText(value)}</t></is></c>`;
}

function rowXml(line: ReportLine, row: number): string {
	let cells = '';
	COLUMN_KEYS.forEach((key, index) => {
		const ref = `${column(index)}${row}`;
		if (key === 'time') cells += `<c r="${ref}" s="2"><v>${String(serial(line.time))}</v></c>`;
		else if (line.cells[key] !== undefined && line.cells[key] !== '') cells += textCell(ref, xlsxCellText(line.cells[key]));
	});
	return `<row r="${row}">${cells}</row>`;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

function fixedParts(sheet: string): [string, string][] {
	return [
		[
			'[Content_Types].xml',
			`${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default ContentType="application/xml" Extension="xml"/><Default ContentType="application/vnd.openxmlformats-package.relationships+xml" Extension="rels"/><Override ContentType="${TYPE}.sheet.main+xml" PartName="/xl/workbook.xml"/><Override ContentType="${TYPE}.styles+xml" PartName="/xl/styles.xml"/><Override ContentType="${TYPE}.worksheet+xml" PartName="/xl/worksheets/sheet1.xml"/></Types>`
		],
		['_rels/.rels', `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId-workbook-1" Type="${OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
		[
			'xl/workbook.xml',
			`${XML}<workbook xmlns="${MAIN}" xmlns:r="${OFFICE}"><workbookPr/><bookViews><workbookView/></bookViews><sheets><sheet r:id="rId1" sheetId="1" name="${xmlAttribute(sheet)}"/></sheets><definedNames/><calcPr/></workbook>`
		],
		[
			'xl/_rels/workbook.xml.rels',
			`${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="${OFFICE}/styles" Target="styles.xml"/></Relationships>`
		],
		[
			'xl/styles.xml',
			// Style 0 plain, 1 bold (the header), 2 the date format (the time column): as write-excel-file numbers them.
			`${XML}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="100" formatCode="${XLSX_DATE_FORMAT}"/></numFmts><fonts count="2"><font><family val="2"/><scheme val="minor"/><color theme="1"/></font><font><family val="2"/><scheme val="minor"/><b/><color theme="1"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellXfs count="3"><xf/><xf fontId="1" applyFont="1"/><xf numFmtId="100" applyNumberFormat="1"/></cellXfs></styleSheet>`
		]
	];
}

function sheetStart(header: readonly string[]): string {
	const cols = COLUMN_KEYS.map((key, index) => `<col min="${index + 1}" max="${index + 1}" width="${XLSX_WIDTHS[key]}" customWidth="1"/>`).join('');
	const titles = header.map((title, index) => textCell(`${column(index)}1`, title, ' s="1"')).join('');
	return (
		`${XML}<worksheet xmlns="${MAIN}" xmlns:r="${OFFICE}"><sheetViews><sheetView tabSelected="1" workbookViewId="0">` +
		`<pane ySplit="1" xSplit="0" topLeftCell="A2" activePane="bottomRight" state="frozen"/></sheetView></sheetViews>` +
		`<cols>${cols}</cols><sheetData><row r="1">${titles}</row>`
	);
}

/**
 * Writes the report's workbook to `path` as its pages of rows arrive. It is written beside the file and renamed at the
 * end, so a run that stops while writing leaves the earlier report whole rather than half a workbook.
 */
export async function writeXlsxPages(path: string, header: readonly string[], pages: AsyncIterable<readonly ReportLine[]>, sheet: string): Promise<void> {
	const partial = `${path}.partial`;
	const file = await open(partial, 'w');
	let chunks: Uint8Array[] = [];
	let failure: Error | null = null;
	const zip = new Zip((error, chunk) => {
		if (error) failure = error;
		else chunks.push(chunk);
	});
	const flush = async () => {
		if (failure) throw failure;
		const ready = chunks;
		chunks = [];
		for (const chunk of ready) await file.write(chunk);
	};
	const encoder = new TextEncoder();
	try {
		for (const [name, xml] of fixedParts(sheet)) {
			const part = new ZipDeflate(name, { level: 6 });
			zip.add(part);
			part.push(encoder.encode(xml), true);
		}
		const worksheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
		zip.add(worksheet);
		worksheet.push(encoder.encode(sheetStart(header)));
		let row = 1;
		for await (const page of pages) {
			let xml = '';
			for (const line of page) xml += rowXml(line, ++row);
			if (xml) worksheet.push(encoder.encode(xml));
			await flush();
		}
		worksheet.push(encoder.encode('</sheetData></worksheet>'), true);
		zip.end();
		await flush();
		await file.close();
		await rename(partial, path);
	} catch (error) {
		await file.close().catch(() => undefined);
		await rm(partial, { force: true });
		throw error;
	}
}
