import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { defaultSeparator, inertCell, toCsv } from '../../src/lib/engine/reports/csv';
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
		for (const formula of ['=HYPERLINK("http://evil.test","click")', '+1+1', '@SUM(1)', '@SUM(A1)', '\t=1', '\r=1', '-2+3+cmd|\' /C calc\'!A0', '- item', '+A1']) {
			expect(inertCell(formula)).toBe(`'${formula}`);
		}
		expect(inertCell('plain 42')).toBe('plain 42');
		expect(toCsv(['x'], [['=1+1']])).toContain("'=1+1");
	});

	it('makes a formula inert after any separator a spreadsheet might split on, not only at the start of the cell', () => {
		expect(inertCell('ok;=1+1')).toBe("ok;'=1+1");
		expect(inertCell('a,=HYPERLINK("http://evil.test")')).toBe('a,\'=HYPERLINK("http://evil.test")');
		expect(inertCell('a|@SUM(1)')).toBe("a|'@SUM(1)");
		expect(inertCell('a\t=1')).toBe("a\t'=1");
		expect(inertCell('first line\n=1+1')).toBe("first line\n'=1+1");
		expect(inertCell('ok; =1+1')).toBe("ok;' =1+1");
		expect(inertCell('x;+cmd')).toBe("x;'+cmd");
		const reread = Papa.parse<string[]>(toCsv(['reason'], [['ok;=1+1']]).slice(1), { delimiter: ';', quoteChar: '"' }).data.flat();
		expect(reread.some((cell) => /^[=+@-]/.test(cell.replace(/^"/, '')))).toBe(false);
	});

	it('leaves plain numbers and phone numbers as they are', () => {
		for (const plain of ['-5', '+49 30 1234', '+1 (555) 010-0199', '-5,5', '+49 30 1234; -5', 'Call +49 30 1234', '2023-05-01', '-']) expect(inertCell(plain)).toBe(plain);
	});

	it('links cases, users and organisations into the agent area, and nothing for teams', () => {
		expect(kayakoLink('https://acme.kayako.com/', 'tickets', 7)).toBe('https://acme.kayako.com/agent/conversations/7');
		expect(kayakoLink('https://acme.kayako.com', 'teams', 7)).toBeUndefined();
		expect(kayakoLink('https://acme.kayako.com', 'users', undefined)).toBeUndefined();
	});
});

describe('report CSV separators', () => {
	it('writes ";" for a German spreadsheet and "," for an English one, each with the BOM', () => {
		expect(defaultSeparator('de')).toBe(';');
		expect(defaultSeparator('de-AT')).toBe(';');
		expect(defaultSeparator('en')).toBe(',');
		const csv = toCsv(['Quell-ID', 'Name'], [['118', 'Müller, Jürgen'], ['23', '+49 30 1234']], ';');
		expect(csv.startsWith('\uFEFFQuell-ID;Name\r\n')).toBe(true);
		// The comma inside a name is no separator in a ";" file: no quotes needed, nothing split.
		expect(csv).toContain('118;Müller, Jürgen\r\n');
		expect(csv).toContain('23;+49 30 1234');
		const quoted = toCsv(['a', 'b'], [['x;y', '-5']], ';');
		expect(Papa.parse<string[]>(quoted.slice(1), { delimiter: ';' }).data[1]).toEqual(['x;y', '-5']);
		expect(toCsv(['a'], [['=1+1']], ';')).toContain("'=1+1");
	});
});
