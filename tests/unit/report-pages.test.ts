// A report is written a page of rows at a time (the runner's CSV at 100,000 tickets), with the same bytes, in the same
// order, as the report built whole: numeric ids by value, then the others, kind after kind.
import { describe, expect, it } from 'vitest';
import { reportCsv, reportCsvPieces, reportLinePages } from '../../src/lib/engine/reports/report';
import type { IdMapRow } from '../../src/lib/engine/store';
import { openTestStore, zendeskMigration } from './store-fixtures';

function row(migrationId: string, entity: string, sourceId: string, status: IdMapRow['status']): IdMapRow {
	return { migrationId, entity, sourceId, status, label: `=${entity} ${sourceId}, "quoted"`, ...(status === 'migrated' && { kayakoId: Number(sourceId) || 7 }), runId: 'r', updatedAt: 1, attempts: 0 } as IdMapRow;
}

describe('a report written in pages', () => {
	it('gives the bytes of the whole report, in report order, a page at a time', async () => {
		const { store } = await openTestStore();
		const settings = await store.createMigration(zendeskMigration());
		const ids = [...Array.from({ length: 520 }, (_, index) => String(520 - index)), 'abc', 'ab', '0012'];
		const rows = ids.flatMap((id, index) => [row(settings.id, 'tickets', id, index % 3 === 0 ? 'failed' : 'migrated'), ...(index < 40 ? [row(settings.id, 'users', `${id}`, 'migrated')] : [])]);
		await store.putIdMapRows(rows);
		const options = { kayakoBaseUrl: 'https://acme.kayako.com', separator: ';' as const };
		for (const status of ['failed', 'all'] as const) {
			let streamed = '';
			for await (const piece of reportCsvPieces(store, settings.id, status, options)) streamed += piece;
			expect(streamed).toBe(await reportCsv(store, settings.id, status, options));
		}
		const pages: string[][] = [];
		for await (const page of reportLinePages(store, settings.id, 'all', options, 'tickets')) pages.push(page.map((line) => line.cells['source id']!));
		expect(Math.max(...pages.map((page) => page.length))).toBe(500);
		const order = pages.flat();
		expect(order.slice(0, 3)).toEqual(['1', '2', '3']);
		expect(order.slice(-4)).toEqual(['519', '520', 'ab', 'abc']);
		expect(order).toContain('0012');
	});
});
