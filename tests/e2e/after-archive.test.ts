// The after-migration page: the archive downloads without a password, then freeing the storage removes the migration from this browser only.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { KAYAKO_SANDBOX_CREDENTIALS } from '../../server/sandbox/kayako/credentials';
import { connectKayakoRemembered, newMigration, PASSPHRASE } from './sandboxes';

test('archiving downloads the migration as a file, and freeing the storage explains itself and removes it here', async ({ page }) => {
	const name = `Archive ${Date.now()}`;
	await newMigration(page, name);
	await connectKayakoRemembered(page);

	await page.goto(page.url().replace(/\/connect$/, '/after'));
	const retention = page.getByTestId('retention');
	await expect(retention.getByLabel('Days to keep the data after the last run')).toHaveValue('30');
	await expect(retention).toContainText('No run yet');
	const free = retention.getByRole('button', { name: 'Free the browser storage' });
	await expect(free).toBeDisabled();

	const [download] = await Promise.all([page.waitForEvent('download'), retention.getByRole('button', { name: 'Download the archive' }).click()]);
	const text = await readFile(await download.path(), 'utf8');
	const archive = JSON.parse(text);
	expect(archive).toMatchObject({ format: 'kayako-migrator/migration-archive', migration: { name }, runs: [], idMap: [] });
	expect(text).not.toContain(KAYAKO_SANDBOX_CREDENTIALS.admin.password);
	expect(text).not.toContain(PASSPHRASE);

	// The question is asked in the page, not by the browser's confirm(): it says what goes and what stays.
	await free.click();
	const question = page.getByRole('dialog', { name: `Remove “${name}” from this browser?` });
	await expect(question).toContainText('Nothing is deleted in Kayako or in the source helpdesk.');
	await question.getByRole('button', { name: 'Remove from this browser' }).click();
	await expect(page.getByRole('heading', { name: 'Your migrations' })).toBeVisible();
	await expect(page.getByRole('link', { name })).toHaveCount(0);
});
