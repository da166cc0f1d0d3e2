// The runner's paged .xlsx: for the same report it reads back cell for cell as the app's write-excel-file workbook
// (hostile text, a 40,000-character reason cut at Excel's limit, emoji, umlauts, several pages), each zip part is well-formed XML 1.0, and
// the runner's reports folder gets it. LibreOffice is not installed here, so read-excel-file is the reader.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeReports } from '../../server/runner/reports';
import { writeXlsxPages } from '../../server/runner/xlsx-pages';
import { COLUMN_KEYS } from '../../src/lib/engine/reports/columns';
import type { ReportLine, ReportTable } from '../../src/lib/engine/reports/report';
import { tableXlsx } from '../../src/lib/engine/reports/xlsx';
import { openTestStore, zendeskMigration } from './store-fixtures';

beforeEach(() => void vi.spyOn(console, 'log').mockImplementation(() => undefined));
afterEach(() => vi.restoreAllMocks());

const cells = (values: Partial<Record<(typeof COLUMN_KEYS)[number], string>>) => Object.fromEntries(COLUMN_KEYS.map((key) => [key, values[key]])) as ReportLine['cells'];
const LONG_REASON = `Kayako answered: ${'Größe 😀 '.repeat(5_000)}`.slice(0, 40_000);

const hostile: ReportLine = {
	time: new Date('2026-12-01T10:00:00.123Z'),
	cells: cells({
		entity: 'tickets',
		status: 'failed',
		'source id': '36028797018963971',
		name: '=CMD()',
		'source link': 'https://acme.zendesk.com/agent/tickets/7?a=1&b=<2>',
		'kayako id': '-5',
		reason: `<b>&amp; "quoted" 'single' \u0001bell\u000b\u0000 tab\tline\r\nJürgen Größe 👩‍👩‍👧 \uFFFE\uD800 ]]> ${LONG_REASON}`
	})
};
const spaced: ReportLine = { time: new Date('2026-12-01T10:00:00Z'), cells: cells({ entity: 'users', status: 'skipped', 'source id': '8', name: '  Ärger  ', reason: '@SUM(A1)' }) };
const plain = (n: number): ReportLine => ({
	time: new Date(Date.UTC(2026, 11, 1, 10, 0, n % 60)),
	cells: cells({ entity: 'tickets', status: 'migrated', 'source id': String(n), name: `Übergabe ${n}`, 'kayako id': String(1000 + n), 'kayako link': `https://acme.kayako.com/agent/conversations/${1000 + n}`, reason: '' })
});
const header = ['Art', 'Status', 'Quell-ID', 'Name', 'Link zur Quelle', 'Kayako-ID', 'Link zu Kayako', 'Grund', 'Zeit (UTC)'];
const lines = [hostile, spaced, ...Array.from({ length: 1_100 }, (_, n) => plain(n + 1))];

async function* inPages(all: readonly ReportLine[], size: number): AsyncGenerator<ReportLine[]> {
	for (let start = 0; start < all.length; start += size) yield all.slice(start, start + size);
}

async function paged(all: readonly ReportLine[], sheet = 'Bericht'): Promise<Buffer> {
	const path = join(mkdtempSync(join(tmpdir(), 'xlsx-pages-')), 'report.xlsx');
	await writeXlsxPages(path, header, inPages(all, 500), sheet);
	return readFileSync(path);
}

// XML 1.0 well-formedness, enough for these parts: tags nest and close, names are names, attribute values are quoted,
// every "&" starts an entity, and no character outside XML 1.0's Char production appears.
function wellFormed(xml: string): string[] {
	const problems: string[] = [];
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(xml)) problems.push('a character XML 1.0 forbids');
	if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(xml)) problems.push('a bare "&"');
	const body = xml.replace(/^<\?xml [^?]*\?>/, '');
	if (body.includes('<?')) problems.push('a misplaced declaration');
	const stack: string[] = [];
	const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
	let at = 0;
	let roots = 0;
	while (at < body.length) {
		const next = body.indexOf('<', at);
		if (next < 0) break;
		tag.lastIndex = next;
		const match = tag.exec(body);
		if (!match) return [...problems, `a broken tag at ${next}: ${body.slice(next, next + 40)}`];
		const [, closing, name, , selfClosing] = match;
		if (closing) {
			if (stack.pop() !== name) problems.push(`</${name}> closes the wrong element`);
		} else if (!selfClosing) {
			if (stack.length === 0) roots++;
			stack.push(name as string);
		} else if (stack.length === 0) roots++;
		at = tag.lastIndex;
	}
	if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
	if (roots !== 1) problems.push(`${roots} root elements`);
	return problems;
}

describe('the runner’s paged .xlsx', () => {
	it('reads back with the same cells as the app’s workbook, across pages and with hostile text', async () => {
		const table: ReportTable = { header, lines };
		const [ours, theirs] = await Promise.all([paged(lines), tableXlsx(table, 'Bericht').then(async (blob) => Buffer.from(await blob.arrayBuffer()))]);
		const [rows, expected] = await Promise.all([readSheet(ours), readSheet(theirs)]);
		expect(rows).toEqual(expected);
		expect(rows).toHaveLength(1 + lines.length);
		expect(rows[0]).toEqual(header);
		const [first, second] = [rows[1] ?? [], rows[2] ?? []];
		expect(first[2]).toBe('36028797018963971');
		expect(first[3]).toBe('=CMD()');
		expect(first[5]).toBe('-5');
		expect(first[4]).toBe('https://acme.zendesk.com/agent/tickets/7?a=1&b=<2>');
		// Cut at Excel's 32,767 characters per cell (a longer one makes Excel repair the file), not inside an emoji.
		const reason = `<b>&amp; "quoted" 'single' bell tab\tline\r\nJürgen Größe 👩‍👩‍👧  ]]> ${LONG_REASON}`;
		expect(first[7]).toMatch(/[^\uD800-\uDBFF]…$/u);
		expect(String(first[7]).length).toBeLessThanOrEqual(32_767);
		expect(reason.startsWith(String(first[7]).slice(0, -1))).toBe(true);
		expect(first[8]).toEqual(hostile.time);
		// read-excel-file trims text as it reads, both workbooks alike; the spaces are in the file (checked below).
		expect(second[3]).toBe('Ärger');
		expect(second[7]).toBe('@SUM(A1)');
		expect(rows.at(-1)?.slice(2, 4)).toEqual(['1100', 'Übergabe 1100']);
	});

	it('is a zip of well-formed XML parts with the frozen bold header, the widths, the date format and the sheet name', async () => {
		const parts = unzipSync(new Uint8Array(await paged(lines, 'Bericht & Co')));
		expect(Object.keys(parts).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
		for (const [name, bytes] of Object.entries(parts)) expect({ name, problems: wellFormed(strFromU8(bytes)) }).toEqual({ name, problems: [] });
		const sheet = strFromU8(parts['xl/worksheets/sheet1.xml'] as Uint8Array);
		expect(sheet).toContain('<pane ySplit="1" xSplit="0" topLeftCell="A2" activePane="bottomRight" state="frozen"/>');
		expect(sheet).toContain('<col min="8" max="8" width="80" customWidth="1"/>');
		expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t>Art</t></is></c>');
		expect(sheet).toMatch(/<c r="I2" s="2"><v>46357\.41666\d+<\/v><\/c>/);
		expect(sheet).toContain('<t xml:space="preserve">  Ärger  </t>');
		expect(strFromU8(parts['xl/styles.xml'] as Uint8Array)).toContain('formatCode="yyyy-mm-dd hh:mm:ss"');
		expect(strFromU8(parts['xl/workbook.xml'] as Uint8Array)).toContain('name="Bericht &amp; Co"');
	});

	it('writes an empty report as the header alone', async () => {
		const rows = await readSheet(await paged([]));
		expect(rows).toEqual([header]);
	});

	it('keeps the earlier report whole when reading the rows fails halfway, and leaves no partial file', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'xlsx-pages-'));
		const path = join(dir, 'failed.xlsx');
		await writeXlsxPages(path, header, inPages([spaced], 500), 'Report');
		const before = readFileSync(path);
		async function* broken(): AsyncGenerator<ReportLine[]> {
			yield [plain(1)];
			throw new Error('the store could not be read');
		}
		await expect(writeXlsxPages(path, header, broken(), 'Report')).rejects.toThrow('the store could not be read');
		expect(readFileSync(path).equals(before)).toBe(true);
		expect(readdirSync(dir)).toEqual(['failed.xlsx']);
	});

	it('gives the runner’s reports folder the paged workbook, with more rows than one page of the store', async () => {
		const { store } = await openTestStore();
		const settings = await store.createMigration(zendeskMigration());
		await store.putIdMapRows(
			Array.from({ length: 501 }, (_, n) => ({ migrationId: settings.id, entity: 'tickets' as const, sourceId: String(n + 1), status: 'migrated' as const, kayakoId: 5000 + n, label: `Größe <${n + 1}>`, runId: 'r', updatedAt: Date.UTC(2026, 11, 1, 10, 0, 5), attempts: 0 }))
		);
		const dir = mkdtempSync(join(tmpdir(), 'runner-xlsx-'));
		await writeReports(store, settings, dir, { language: 'de', separator: ';' });
		const file = readFileSync(join(dir, 'migrated.xlsx'));
		// Inline text cells and no shared-string table: the paged writer's workbook, not write-excel-file's.
		expect(Object.keys(unzipSync(new Uint8Array(file)))).not.toContain('xl/sharedStrings.xml');
		const rows = await readSheet(file);
		expect(rows).toHaveLength(502);
		expect(rows[0]?.[0]).toBe('Art');
		expect(rows[501]?.slice(0, 6)).toEqual(['Tickets', 'übertragen', '501', 'Größe <501>', 'https://acme.zendesk.com/agent/tickets/501', '5500']);
		// A date cell: a serial day number read back to within the millisecond its floating point allows.
		const time = rows[1]?.[8];
		expect(time).toBeInstanceOf(Date);
		expect(Math.abs((time as unknown as Date).getTime() - Date.UTC(2026, 11, 1, 10, 0, 5))).toBeLessThanOrEqual(1);
		expect(readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
		expect(existsSync(join(dir, 'failed.xlsx'))).toBe(true);
	});
});
