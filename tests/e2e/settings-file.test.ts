// Export and import of a migration's settings on the start page: the file holds the choices but never a password.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { KAYAKO_SANDBOX_CREDENTIALS } from '../../server/sandbox/kayako/credentials';
import { connectKayakoRemembered, newMigration, PASSPHRASE } from './sandboxes';

test('a migration exported as a file holds no password, and importing it lists it as a new migration', async ({ page }) => {
	const name = `Exported ${Date.now()}`;
	await newMigration(page, name);
	// A remembered password: it rests encrypted in this browser, and still must not reach the file.
	await connectKayakoRemembered(page);

	await page.goto('/');
	const row = page.getByRole('row').filter({ hasText: name });
	await expect(row).toContainText('Connect');
	await expect(row).toContainText('No run yet');
	const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: `Export settings: ${name}` }).click()]);
	const path = await download.path();
	const text = await readFile(path, 'utf8');
	const file = JSON.parse(text);
	expect(file.migration.name).toBe(name);
	expect(file.migration.target.email).toBe(KAYAKO_SANDBOX_CREDENTIALS.admin.email);
	expect(text).not.toContain(KAYAKO_SANDBOX_CREDENTIALS.admin.password);
	expect(text).not.toContain(PASSPHRASE);
	expect(text).not.toMatch(/"(password|passphrase|token|ciphertext)"/i);

	await page.getByLabel('Settings file (.json)').setInputFiles({ name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(text) });
	await expect(page.getByRole('status')).toContainText(`Imported as “${name}”.`);
	await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(2);

	// The copy starts at the connect step with nothing remembered: its passwords are entered again.
	await page.getByRole('link', { name: 'Connect it now' }).click();
	await expect(page.getByRole('heading', { name: 'Connect the two helpdesks' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'A password is remembered for this migration' })).toHaveCount(0);
	await expect(page.getByLabel('Administrator e-mail')).toHaveValue(KAYAKO_SANDBOX_CREDENTIALS.admin.email);
});

test('renaming works in place and deleting says that nothing in Kayako or the source is touched', async ({ page }) => {
	const name = `Rename me ${Date.now()}`;
	await newMigration(page, name);
	await page.goto('/');
	await page.getByRole('button', { name: `Rename: ${name}` }).click();
	await page.getByLabel(`New name for “${name}”`).fill(`${name} (renamed)`);
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(page.getByRole('link', { name: `${name} (renamed)` })).toBeVisible();

	// The question is asked in the page (confirm-dialog.test.ts covers its keyboard behaviour).
	await page.getByRole('button', { name: `Delete: ${name} (renamed)` }).click();
	const question = page.getByRole('dialog', { name: `Delete “${name} (renamed)” from this browser?` });
	await expect(question).toContainText('Nothing is deleted in Kayako or in the source helpdesk.');
	await question.getByRole('button', { name: 'Delete from this browser' }).click();
	await expect(page.getByRole('link', { name: `${name} (renamed)` })).toHaveCount(0);
});
