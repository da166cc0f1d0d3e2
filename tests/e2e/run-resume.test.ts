// A run that outlives its tab: a second tab watches it read-only, the helpdesk's rate limit shows, and after the tab is closed the run resumes without creating a case twice.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './a11y';
import { connectBoth, goToStep, newMigration, sandboxKayako } from './sandboxes';
import { saveStepScreenshot } from './screenshots';

test.afterEach(async () => {
	await sandboxKayako.setRateLimit(600);
});

test('a second tab watches a slowed demo read-only, and after the running tab is closed the demo resumes and creates each case once', async ({ context }) => {
	test.setTimeout(480_000);
	await sandboxKayako.reset();
	const runner = await context.newPage();
	runner.on('dialog', (dialog) => dialog.accept());
	await newMigration(runner, 'Resume after the tab closed');
	await connectBoth(runner);
	await goToStep(runner, /Demo/);

	// A Kayako that allows few requests a minute keeps the demo running long enough to watch it, and to close its tab.
	await sandboxKayako.setRateLimit(30);
	await runner.getByRole('button', { name: 'Run the demo (20 tickets)' }).click();
	await expect(runner.getByTestId('progress')).toBeVisible({ timeout: 60_000 });
	await expect(runner.getByRole('button', { name: 'Pause' })).toBeVisible();
	await expect(runner.getByTestId('throttled')).toContainText('Limit in force: 30 requests per minute.', { timeout: 120_000 });

	const watcher = await context.newPage();
	await watcher.goto(runner.url());
	await expect(watcher.getByTestId('watching')).toBeVisible();
	await expect(watcher.getByTestId('progress')).toBeVisible({ timeout: 60_000 });
	// Watching only: nothing to start, pause or cancel, and no error about the lock.
	await expect(watcher.getByRole('button', { name: 'Run the demo (20 tickets)' })).toHaveCount(0);
	await expect(watcher.getByRole('button', { name: 'Pause' })).toHaveCount(0);
	await expect(watcher.getByRole('alert')).toHaveCount(0);
	await expectAccessible(watcher, 'the run step watched from a second tab');
	await saveStepScreenshot(watcher, 'run-watched');

	// Closing the running tab ends its worker; the watcher learns the run stopped and offers to go on once it has the passwords.
	await runner.close();
	await expect(watcher.getByTestId('watching')).toHaveCount(0, { timeout: 30_000 });
	const interrupted = watcher.getByTestId('interrupted');
	await expect(interrupted).toContainText('stopped before it finished');
	await saveStepScreenshot(watcher, 'run-interrupted');
	await sandboxKayako.setRateLimit(600);
	await sandboxKayako.advanceClock(60_000);

	await interrupted.getByRole('link', { name: /connect step/ }).click();
	await connectBoth(watcher);
	await goToStep(watcher, /Demo/);
	await watcher.getByTestId('interrupted').getByRole('button', { name: 'Resume where it stopped' }).click();
	await expect(watcher.getByRole('button', { name: 'Run the demo again' })).toBeVisible({ timeout: 240_000 });
	await expect(watcher.getByRole('alert')).toHaveCount(0);

	// Every ticket of the demo is in Kayako once, and the table says so.
	const cases = (await sandboxKayako.state()).cases.filter((kase) => kase.legacy_id).map((kase) => kase.legacy_id);
	expect(new Set(cases).size).toBe(cases.length);
	await expect(watcher.locator('tr[data-entity="tickets"] td[data-column="migrated"]')).toHaveAttribute('data-count', String(cases.length));
});
