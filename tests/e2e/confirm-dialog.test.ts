// Deleting a migration asks in the page, not with the browser's confirm(): it names the migration, says what goes and what stays, and "keep" or Escape keeps it.
import { expect, test } from '@playwright/test';
import { newMigration } from './sandboxes';

test('deleting a migration asks in an in-page dialog that keeps it on Escape and deletes it on yes', async ({ page }) => {
	// A native dialog would fail the test: nothing may ask through the browser's own confirm().
	page.on('dialog', (dialog) => {
		throw new Error(`A native ${dialog.type()} appeared: ${dialog.message()}`);
	});
	const name = `Confirm ${Date.now()}`;
	await newMigration(page, name);
	await page.goto('/');
	const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
	const remove = row.getByRole('button', { name: `Delete: ${name}` });

	await remove.click();
	const question = page.getByRole('dialog', { name: `Delete “${name}” from this browser?` });
	await expect(question).toContainText('Nothing is deleted in Kayako or in the source helpdesk.');
	await expect(question.getByRole('button', { name: 'No, keep it' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(question).toHaveCount(0);
	await expect(remove).toBeFocused();
	await expect(page.getByRole('link', { name })).toBeVisible();

	await remove.click();
	await question.getByRole('button', { name: 'Delete from this browser' }).click();
	await expect(page.getByRole('link', { name })).toHaveCount(0);
});
