// The run page in German, one state at a time: ready, running, pausing then paused (with "Fortsetzen" at once), watched from a second tab, and done; a screenshot of each.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './a11y';
import { catalog, expectNoEnglish, switchLanguage } from './german';
import { connectBoth, connectKayakoRemembered, goToStep, newMigration, PASSPHRASE, sandboxKayako } from './sandboxes';
import { saveStepScreenshot } from './screenshots';

const german = catalog('de');
/** A German text as the catalogue holds it. */
function de(key: string): string {
	const text = german.get(key);
	if (text === undefined) throw new Error(`The German catalogue has no ${key}.`);
	return text;
}

test.afterEach(async () => {
	await sandboxKayako.setRateLimit(600);
});

test('a demo paused in German says so at once, offers "Fortsetzen" on the same page, shows its progress to a second tab, and ends done', async ({ page, context }) => {
	test.setTimeout(300_000);
	await sandboxKayako.reset();
	await newMigration(page, 'Zustände eines Laufs');
	await connectBoth(page);
	await goToStep(page, /Demo/);
	await switchLanguage(page, 'de');

	const state = page.getByTestId('run-state');
	await expect(state).toHaveAttribute('data-state', 'ready');
	await expect(state.getByRole('heading')).toHaveText(de('runPage.state.ready'));
	await saveStepScreenshot(page, 'run-state-ready');

	// A Kayako that allows few requests a minute keeps the demo running long enough to pause it.
	await sandboxKayako.setRateLimit(30);
	await page.getByRole('button', { name: de('run.startDemo') }).click();
	await expect(state).toHaveAttribute('data-state', 'running');
	await expect(state.getByRole('heading')).toHaveText('Läuft: Demo');
	await expect(page.getByTestId('progress')).toBeVisible({ timeout: 60_000 });
	// While it runs, the page shows the run only: nothing to start, no checklist, no results of earlier runs.
	await expect(page.getByText(de('run.intro'))).toHaveCount(0);
	await expect(page.getByRole('button', { name: de('run.startDemo') })).toHaveCount(0);
	await expect(page.getByRole('button', { name: de('run.demoAgain') })).toHaveCount(0);
	await expect(page.getByRole('link', { name: de('checklist.toChecklist') })).toHaveCount(0);
	await expect(page.getByRole('heading', { name: de('run.resultsHeading') })).toHaveCount(0);
	await expectNoEnglish(page, 'the run page while a demo runs');
	await saveStepScreenshot(page, 'run-state-running');

	const pause = page.getByTestId('pause');
	await expect(pause).toHaveText(de('run.pause'));
	await pause.click();
	// At once: the button no longer offers to pause (it says it is pausing, or already offers to continue).
	await expect(pause).not.toHaveText(de('run.pause'), { timeout: 2_000 });
	await expect(state).toHaveAttribute('data-state', /pausing|paused/);
	// The record in flight is written, then the run waits: "Angehalten", with "Fortsetzen" on this page, and no time left shown.
	await expect(state).toHaveAttribute('data-state', 'paused', { timeout: 120_000 });
	await expect(state.getByRole('heading')).toHaveText('Angehalten: Demo');
	await expect(pause).toHaveText(de('run.continue'));
	await expect(pause).toBeEnabled();
	await expect(page.getByTestId('progress-paused')).toHaveText(de('run.pausedNow'));
	await expect(page.getByTestId('progress')).not.toContainText('noch etwa');
	await expect(page.getByTestId('throttled')).toHaveCount(0);
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expectNoEnglish(page, 'the run page of a paused demo');
	await expectAccessible(page, 'the run page of a paused demo');
	await saveStepScreenshot(page, 'run-state-paused');

	// Cancelling asks in the page, in German, with the safe answer focused; Escape keeps the run.
	await page.getByRole('button', { name: de('run.cancel') }).click();
	const question = page.getByRole('dialog', { name: de('confirm.cancelRunTitle') });
	await expect(question).toContainText(de('confirm.cancelRunMessage'));
	await expect(question.getByRole('button', { name: de('confirm.cancelRunNo') })).toBeFocused();
	await saveStepScreenshot(page, 'run-cancel-question');
	await page.keyboard.press('Escape');
	await expect(question).toHaveCount(0);
	await expect(state).toHaveAttribute('data-state', 'paused');

	// A second tab opened now sees the paused run's progress, though a paused run sends none by itself.
	const watcher = await context.newPage();
	await watcher.goto(page.url());
	await expect(watcher.getByTestId('watching')).toBeVisible();
	await expect(watcher.getByTestId('run-state')).toHaveAttribute('data-state', 'paused', { timeout: 30_000 });
	await expect(watcher.getByTestId('progress')).toBeVisible();
	await expect(watcher.getByTestId('pause')).toHaveCount(0);
	await saveStepScreenshot(watcher, 'run-state-watched-paused');
	await watcher.close();

	// Let the helpdesk answer at full speed again, and go on from where it stopped.
	await sandboxKayako.setRateLimit(600);
	await sandboxKayako.advanceClock(60_000);
	await pause.click();
	await expect(state).toHaveAttribute('data-state', /running|done/);
	await expect(state).toHaveAttribute('data-state', 'done', { timeout: 240_000 });
	await expect(state.getByRole('heading')).toHaveText('Fertig: Demo');
	await expect(state).toContainText(de('runPage.doneDemo'));
	await expect(page.getByTestId('pause')).toHaveCount(0);
	await expect(page.getByTestId('progress')).toHaveCount(0);
	await expect(page.getByRole('button', { name: de('run.demoAgain') })).toBeVisible();
	await expect(page.getByRole('link', { name: de('checklist.toChecklist') })).toBeVisible();
	// The results table counts what the progress counted: all 20 tickets of the demo.
	await expect(page.locator('tr[data-entity="tickets"] td[data-column="migrated"]')).toHaveAttribute('data-count', '20');
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expectNoEnglish(page, 'the run page after a demo');
	await saveStepScreenshot(page, 'run-state-done');
});

test('after a reload the run page asks for the passphrase up front, before any action fails', async ({ page }) => {
	await newMigration(page, 'Entsperren auf der Lauf-Seite');
	await connectKayakoRemembered(page);
	// A reload forgets the passwords; the remembered one rests encrypted until the passphrase unlocks it.
	await page.goto(page.url().replace(/\/connect$/, '/run'));
	await switchLanguage(page, 'de');
	const prompt = page.getByTestId('credentials-needed');
	await expect(prompt.getByLabel(de('connect.unlockLabel'))).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);
	await prompt.getByLabel(de('connect.unlockLabel')).fill(PASSPHRASE);
	await prompt.getByRole('button', { name: de('connect.unlock') }).click();
	await expect(page.getByTestId('credentials-needed')).toHaveCount(0);
	await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'ready');
});
