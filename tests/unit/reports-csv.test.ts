import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { inertCell, toCsv } from '../../src/lib/engine/reports/csv';
import { kayakoLink } from '../../src/lib/engine/reports/links';

describe('report CSV', () => {
	it('starts with a BOM so spreadsheets read UTF-8, and round-trips quotes, commas, newlines and umlauts', () => {
		const csv = toCsv(['id', 'reason'], [['1', 'Feld „Größe“, zu lang\n"zitiert"'], ['2', undefined]]);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
		expect(parsed).toEqual([
			['id', 'reason'],
			['1', 'Feld „Größe“, zu lang\n"zitiert"'],
			['2', '']
		]);
	});

	it('makes cells inert that a spreadsheet would run as formulas', () => {
		for (const formula of ['=HYPERLINK("http://evil")', '+1+1', '-2', '@SUM(A1)', '\t=1']) expect(inertCell(formula)).toBe(`'${formula}`);
		expect(inertCell('plain 42')).toBe('plain 42');
		expect(toCsv(['x'], [['=1+1']])).toContain("'=1+1");
	});

	it('links cases, users and organisations into the agent area, and nothing for teams', () => {
		expect(kayakoLink('https://acme.kayako.com/', 'tickets', 7)).toBe('https://acme.kayako.com/agent/conversations/7');
		expect(kayakoLink('https://acme.kayako.com', 'teams', 7)).toBeUndefined();
		expect(kayakoLink('https://acme.kayako.com', 'users', undefined)).toBeUndefined();
	});
});
