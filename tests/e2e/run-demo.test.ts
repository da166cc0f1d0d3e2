// The demo in a real browser: connect both sandboxes, run 20 tickets, check the results against what Kayako holds, download a report, roll back.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';
import { expectAccessible } from './a11y';
import { expectNoEnglish, switchLanguage } from './german';
import { connectBoth, newMigration, sandboxKayako } from './sandboxes';
import { saveStepScreenshot } from './screenshots';

type Column = 'total' | 'migrated' | 'failed' | 'skipped';

/** Where each entity of the results table lives in the sandbox's state. */
const HELD_IN = {
	teams: 'teams',
	fields: 'fields',
	organizations: 'organizations',
	users: 'users',
	tickets: 'cases',
	articles: 'articles',
	'kb-categories': 'categories',
	'kb-sections': 'sections'
} as const satisfies Record<string, keyof KayakoAccountView>;
type Entity = keyof typeof HELD_IN;

/** What a rollback must bring back: how many live records of each kind, and none carrying a source id. */
function footprint(state: KayakoAccountView) {
	const live = state.cases.filter((kase) => kase.state === 'ACTIVE');
	const counts = Object.fromEntries(Object.entries(HELD_IN).map(([entity, key]) => [entity, entity === 'tickets' ? live.length : (state[key] as unknown[]).length]));
	const marked = [...live, ...state.users, ...state.organizations, ...state.teams].filter((record) => record.legacy_id).length;
	return { counts, marked };
}

/** The four numbers of each row of the results table, as the page shows them. */
async function resultsOnPage(page: Page): Promise<Partial<Record<Entity, Record<Column, number>>>> {
	return page.getByTestId('results').evaluate((table) => {
		const rows: Record<string, Record<string, number>> = {};
		for (const row of table.querySelectorAll('tbody tr[data-entity]')) {
			const cells = [...row.querySelectorAll('td[data-column]')].map((cell) => [cell.getAttribute('data-column') ?? '', Number(cell.getAttribute('data-count'))]);
			rows[row.getAttribute('data-entity') ?? ''] = Object.fromEntries(cells);
		}
		return rows;
	});
}

/** After a run's end: no progress left on the page, and no error. */
async function runEnds(page: Page) {
	await expect(page.getByTestId('progress')).toHaveCount(0);
	await expect(page.getByRole('alert')).toHaveCount(0);
}

test('a demo of 20 tickets moves what the results table says, its report downloads, and its rollback leaves Kayako as it was', async ({ page }) => {
	test.setTimeout(420_000);
	page.on('dialog', (dialog) => dialog.accept());
	await sandboxKayako.reset();
	const seed = footprint(await sandboxKayako.state());

	await newMigration(page, 'Demo in the browser');
	await connectBoth(page);
	await expectAccessible(page, 'the connect step');
	await saveStepScreenshot(page, 'connect');

	// Within the app, so the passwords stay in the engine's memory.
	const steps = page.getByTestId('wizard-steps');
	await steps.getByRole('link', { name: /Demo/ }).click();
	await expect(page.getByRole('heading', { name: 'Run the migration' })).toBeVisible();
	await expect(steps.getByRole('link', { name: /Demo/ })).toHaveAttribute('aria-current', 'step');

	await page.getByRole('button', { name: 'Run the demo (20 tickets)' }).click();
	await expect(page.getByRole('button', { name: 'Run the demo again' })).toBeVisible({ timeout: 240_000 });
	await runEnds(page);
	await expect(steps.getByRole('link', { name: 'Demo (done)' })).toBeVisible();

	// The four numbers of each entity are what Kayako now holds.
	const shown = await resultsOnPage(page);
	const kayako = await sandboxKayako.state();
	expect(shown.tickets?.migrated).toBeGreaterThan(0);
	const report = new Map<string, Papa.ParseResult<Record<string, string>>>();
	for (const [entity, counts] of Object.entries(shown) as [Entity, Record<Column, number>][]) {
		expect(counts.total, `${entity}: all = migrated + failed + skipped`).toBe(counts.migrated + counts.failed + counts.skipped);
		const download = page.waitForEvent('download');
		await page.locator(`tr[data-entity="${entity}"]`).getByRole('button', { name: /CSV/ }).click();
		const file = await (await download).path();
		const text = await readFile(file, 'utf8');
		expect(text.charCodeAt(0), `${entity} report starts with a BOM`).toBe(0xfeff);
		const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		report.set(entity, parsed);
		const byStatus = (status: string) => parsed.data.filter((row) => row.status === status);
		expect(parsed.data.length, `${entity}: rows of the report`).toBe(counts.total);
		for (const status of ['migrated', 'failed', 'skipped'] as const) expect(byStatus(status).length, `${entity} ${status}`).toBe(counts[status]);
		// Every migrated record is in Kayako under the id the report gives; no failed or skipped one is.
		// Kayako numbers case, user and organisation fields apart, so the id map keeps a field's family with its id.
		const held = new Set((kayako[HELD_IN[entity]] as { id: number; family?: string }[]).map((record) => (entity === 'fields' ? `${record.family}:${record.id}` : String(record.id))));
		for (const row of byStatus('migrated')) expect(held.has(row['kayako id'] ?? ''), `${entity} ${row['source id']} in Kayako`).toBe(true);
		if (entity === 'tickets') {
			const created = kayako.cases.filter((kase) => kase.legacy_id).map((kase) => kase.legacy_id);
			expect(created.length, 'cases Kayako holds from the source').toBe(counts.migrated);
			for (const row of [...byStatus('failed'), ...byStatus('skipped')]) expect(created).not.toContain(row['source id']);
		}
	}
	expect(report.get('tickets')?.data.length).toBe(shown.tickets?.total);

	// Each number opens its records, with a link into Kayako for the migrated ones.
	await page.locator('tr[data-entity="tickets"] td[data-column="migrated"] button').click();
	const records = page.getByTestId('records');
	await expect(records.getByRole('heading', { name: 'Tickets: Migrated' })).toBeFocused();
	await expect(records.locator('tbody tr')).toHaveCount(Math.min(50, shown.tickets?.migrated ?? 0));
	await expect(records.getByRole('link', { name: /in Kayako/ }).first()).toHaveAttribute('href', new RegExp(`/agent/conversations/\\d+$`));
	await expect(page.getByTestId('results-chart').locator('[data-entity="tickets"] .segment.migrated')).toHaveCount(1);
	await expectAccessible(page, 'the run step with its results');
	await saveStepScreenshot(page, 'demo-results');

	// On a phone the page fits its width: the steps wrap, wide tables scroll inside their own box.
	const laptop = page.viewportSize();
	await page.setViewportSize({ width: 390, height: 844 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await saveStepScreenshot(page, 'demo-results-phone');
	if (laptop) await page.setViewportSize(laptop);

	// In German, neither page shows a sentence of the English catalogue.
	await switchLanguage(page, 'de');
	await expectNoEnglish(page, 'run step');
	await saveStepScreenshot(page, 'demo-results-de');
	await steps.getByRole('link', { name: /Verbinden/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectNoEnglish(page, 'connect step');
	await saveStepScreenshot(page, 'connect-de');
	await steps.getByRole('link', { name: /Demo/ }).click();
	await switchLanguage(page, 'en');

	// The rollback deletes what the demo created: Kayako is back to its seed.
	const rollback = page.getByRole('button', { name: "Delete the demo's records from Kayako" });
	await rollback.click();
	// Once no demo is left to roll back, the button goes.
	await expect(rollback).toHaveCount(0, { timeout: 240_000 });
	await runEnds(page);
	expect(footprint(await sandboxKayako.state())).toEqual(seed);
	await saveStepScreenshot(page, 'demo-rolled-back');
});
