// The results table as the browser tests read it, and where each of its entities lives in the sandbox Kayako.
import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';
import Papa from 'papaparse';
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';
import { sandboxKayako } from './sandboxes';

export type Column = 'total' | 'migrated' | 'failed' | 'skipped';
export type Results = Partial<Record<Entity, Record<Column, number>>>;

/** Where each entity of the results table lives in the sandbox's state. */
export const HELD_IN = {
	teams: 'teams',
	fields: 'fields',
	organizations: 'organizations',
	users: 'users',
	tickets: 'cases',
	articles: 'articles',
	'kb-categories': 'categories',
	'kb-sections': 'sections'
} as const satisfies Record<string, keyof KayakoAccountView>;
export type Entity = keyof typeof HELD_IN;

/** The Kayako ids of an entity's records; Kayako numbers case, user and organisation fields apart, so a field is "family:id" as the id map keeps it. */
export function heldIds(state: KayakoAccountView, entity: Entity): Set<string> {
	if (entity === 'tickets') return new Set(state.cases.filter((kase) => kase.state === 'ACTIVE').map((kase) => String(kase.id)));
	if (entity === 'fields') return new Set(state.fields.map((field) => `${field.family}:${field.id}`));
	return new Set((state[HELD_IN[entity]] as { id: number }[]).map((record) => String(record.id)));
}

/** The four numbers of each row of the results table, as the page shows them. */
export async function resultsOnPage(page: Page): Promise<Results> {
	return page.getByTestId('results').evaluate((table) => {
		const rows: Record<string, Record<string, number>> = {};
		for (const row of table.querySelectorAll('tbody tr[data-entity]')) {
			const cells = [...row.querySelectorAll('td[data-column]')].map((cell) => [cell.getAttribute('data-column') ?? '', Number(cell.getAttribute('data-count'))]);
			rows[row.getAttribute('data-entity') ?? ''] = Object.fromEntries(cells);
		}
		return rows;
	}) as Promise<Results>;
}

/** Downloads one entity's CSV report from the results table and parses it: UTF-8 with a BOM, one row per record. */
export async function downloadReport(page: Page, entity: Entity): Promise<Record<string, string>[]> {
	const download = page.waitForEvent('download');
	await page.locator(`tr[data-entity="${entity}"]`).getByRole('button', { name: /CSV/ }).click();
	const text = await readFile(await (await download).path(), 'utf8');
	expect(text.charCodeAt(0), `the ${entity} report starts with a BOM`).toBe(0xfeff);
	const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
	expect(parsed.errors).toEqual([]);
	return parsed.data;
}

/** A run has ended: no progress on the page, and no error. */
export async function runEnds(page: Page, timeout = 15_000): Promise<void> {
	await expect(page.getByTestId('progress')).toHaveCount(0, { timeout });
	await expect(page.getByRole('alert')).toHaveCount(0);
}

/** The source ticket ids of the live cases in Kayako, one entry per case. */
export const migratedTicketIds = (state: KayakoAccountView) => state.cases.filter((kase) => kase.state === 'ACTIVE' && kase.legacy_id).map((kase) => kase.legacy_id ?? '');

/**
 * Each number of the results table is what Kayako holds: every entity's report has a row per record counted, every
 * migrated record is in Kayako under the id its report gives, and no failed or skipped ticket became a case.
 */
export async function expectResultsHeldByKayako(page: Page, shown: Results): Promise<void> {
	const kayako = await sandboxKayako.state();
	const cases = migratedTicketIds(kayako);
	for (const [entity, counts] of Object.entries(shown) as [Entity, Record<Column, number>][]) {
		expect(counts.total, `${entity}: all = migrated + failed + skipped`).toBe(counts.migrated + counts.failed + counts.skipped);
		const rows = await downloadReport(page, entity);
		expect(rows.length, `${entity}: rows of the report`).toBe(counts.total);
		for (const status of ['migrated', 'failed', 'skipped'] as const) expect(rows.filter((row) => row.status === status).length, `${entity} ${status}`).toBe(counts[status]);
		const held = heldIds(kayako, entity);
		const migrated = rows.filter((row) => row.status === 'migrated');
		expect(migrated.filter((row) => !held.has(row['kayako id'] ?? '')).map((row) => row['source id']), `${entity} migrated but not in Kayako`).toEqual([]);
		if (entity === 'tickets') expect(rows.filter((row) => row.status !== 'migrated' && cases.includes(row['source id'] ?? '')).map((row) => row['source id']), 'tickets not migrated yet in Kayako').toEqual([]);
	}
	expect(cases.length, 'cases in Kayako from the source').toBe(shown.tickets?.migrated);
}
