// The report as .xlsx: parsed back, names with umlauts stay, long ids are text, phone numbers and "-5" read as written,
// and a formula is only words. Where LibreOffice is installed, it converts the workbook headless as a second reader.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { COLUMN_KEYS } from '../../src/lib/engine/reports/columns';
import type { ReportTable } from '../../src/lib/engine/reports/report';
import { tableXlsx } from '../../src/lib/engine/reports/xlsx';

const LONG_ID = '36028797018963971';
const cells = (values: Partial<Record<(typeof COLUMN_KEYS)[number], string>>) => Object.fromEntries(COLUMN_KEYS.map((key) => [key, values[key]])) as ReportTable['lines'][number]['cells'];
const table: ReportTable = {
	header: ['Art', 'Status', 'Quell-ID', 'Name', 'Link zur Quelle', 'Kayako-ID', 'Link zu Kayako', 'Grund', 'Zeit (UTC)'],
	lines: [
		{
			time: new Date('2026-12-01T10:00:00Z'),
			cells: cells({ entity: 'Benutzer', status: 'übersprungen', 'source id': LONG_ID, name: 'Jürgen Größe <jürgen@müller.de>', reason: 'Inaktiv oder gelöscht, und „Inaktive und gesperrte Benutzer übernehmen“ ist ausgeschaltet.' })
		},
		{ time: new Date('2026-12-01T10:00:01Z'), cells: cells({ entity: 'Tickets', status: 'übertragen', 'source id': '23', name: '+49 30 1234567', 'kayako id': '-5', reason: '=HYPERLINK("http://evil.test")' }) }
	]
};

async function workbook(): Promise<Buffer> {
	return Buffer.from(await (await tableXlsx(table, 'Bericht')).arrayBuffer());
}

const soffice = ['soffice', 'libreoffice'].find((name) => {
	try {
		execFileSync('which', [name], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
});

describe('the .xlsx report', () => {
	it('reads back with umlauts and names intact, long ids as text, and "+49 30 …", "-5" and a formula exactly as written', async () => {
		const rows = await readSheet(await workbook());
		expect(rows[0]).toEqual(table.header);
		const [user, ticket] = [rows[1] ?? [], rows[2] ?? []];
		expect(user.slice(0, 4)).toEqual(['Benutzer', 'übersprungen', LONG_ID, 'Jürgen Größe <jürgen@müller.de>']);
		// As a number it would come back rounded (36028797018963970): it is a text cell.
		expect(typeof user[2]).toBe('string');
		expect(user[7]).toBe('Inaktiv oder gelöscht, und „Inaktive und gesperrte Benutzer übernehmen“ ist ausgeschaltet.');
		expect(ticket[3]).toBe('+49 30 1234567');
		expect(ticket[5]).toBe('-5');
		// A text cell: no apostrophe needed, and no spreadsheet runs it.
		expect(ticket[7]).toBe('=HYPERLINK("http://evil.test")');
		expect(user[8]).toEqual(new Date('2026-12-01T10:00:00Z'));
	});

	it.skipIf(!soffice)(`opens in LibreOffice headless (${soffice ? 'installed' : 'NOT RUN: soffice is not installed on this machine'})`, async () => {
		const dir = mkdtempSync(join(tmpdir(), 'xlsx-'));
		writeFileSync(join(dir, 'bericht.xlsx'), await workbook());
		execFileSync(soffice as string, ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76', '--outdir', dir, join(dir, 'bericht.xlsx')], { timeout: 60_000 });
		const csv = readFileSync(join(dir, 'bericht.csv'), 'utf8');
		expect(csv).toContain('Jürgen Größe <jürgen@müller.de>');
		expect(csv).toContain(LONG_ID);
		expect(csv).toContain('+49 30 1234567');
	});
});
