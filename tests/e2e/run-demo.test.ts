// The demo in a real browser: connect both sandboxes, run 20 tickets, check the results against what Kayako holds, download a report, roll back.
import { expect, test } from '@playwright/test';
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';
import { expectAccessible } from './a11y';
import { expectNoEnglish, switchLanguage } from './german';
import { expectCaseViewFromLink } from './kayako-case-view';
import { expectResultsHeldByKayako, HELD_IN, resultsOnPage, runEnds } from './results';
import { connectBoth, newMigration, sandboxKayako } from './sandboxes';
import { saveStepScreenshot } from './screenshots';

/** What a rollback must bring back: how many live records of each kind, and none carrying a source id. */
function footprint(state: KayakoAccountView) {
	const live = state.cases.filter((kase) => kase.state === 'ACTIVE');
	const counts = Object.fromEntries(Object.entries(HELD_IN).map(([entity, key]) => [entity, entity === 'tickets' ? live.length : (state[key] as unknown[]).length]));
	const marked = [...live, ...state.users, ...state.organizations, ...state.teams].filter((record) => record.legacy_id).length;
	return { counts, marked };
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

	// Within the app, so the passwords stay in the engine's memory. Both helpdesks answered: the connect step is done.
	const steps = page.getByTestId('wizard-steps');
	await expect(steps.getByRole('link', { name: 'Connect (done)' })).toBeVisible();
	await steps.getByRole('link', { name: /Demo/ }).click();
	await expect(page.getByRole('heading', { name: 'Run the migration' })).toBeVisible();
	await expect(steps.getByRole('link', { name: /Demo/ })).toHaveAttribute('aria-current', 'step');

	await page.getByRole('button', { name: 'Run the demo (20 tickets)' }).click();
	await expect(page.getByRole('button', { name: 'Run the demo again' })).toBeVisible({ timeout: 240_000 });
	await runEnds(page);
	await expect(steps.getByRole('link', { name: 'Demo (done)' })).toBeVisible();

	// The four numbers of each entity are what Kayako now holds.
	const shown = await resultsOnPage(page);
	expect(shown.tickets?.migrated).toBeGreaterThan(0);
	await expectResultsHeldByKayako(page, shown);

	// Each number opens its records, with a link into Kayako for the migrated ones.
	await page.locator('tr[data-entity="tickets"] td[data-column="migrated"] button').click();
	const records = page.getByTestId('records');
	await expect(records.getByRole('heading', { name: 'Tickets: Migrated' })).toBeFocused();
	await expect(records.locator('tbody tr')).toHaveCount(Math.min(50, shown.tickets?.migrated ?? 0));
	await expect(records.getByRole('link', { name: /in Kayako/ }).first()).toHaveAttribute('href', new RegExp(`/agent/conversations/\\d+$`));
	// The link opens the sandbox Kayako's view of that case, with its posts: the trial without an account does not dead-end.
	await expectCaseViewFromLink(page, records);
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
	// The confirm says what goes, by kind: with no later run, all the demo's tickets, and nothing is kept.
	const confirmation = page.getByTestId('rollback-confirm');
	await expect(confirmation.getByTestId('rollback-deletes').locator('li[data-entity="tickets"]')).toHaveText('Tickets: 20');
	await expect(confirmation.getByTestId('rollback-keeps')).toHaveCount(0);
	await confirmation.getByRole('button', { name: 'Delete these records' }).click();
	// Once no demo is left to roll back, the button goes.
	await expect(rollback).toHaveCount(0, { timeout: 240_000 });
	await runEnds(page);
	expect(footprint(await sandboxKayako.state())).toEqual(seed);
	await expect(page.getByTestId('rollback-summary').getByTestId('rollback-deleted').locator('li[data-entity="tickets"]')).toHaveText('Tickets: 20');
	await saveStepScreenshot(page, 'demo-rolled-back');
});
