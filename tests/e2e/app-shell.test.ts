import { expect, test } from '@playwright/test';

test('the app shell opens from the static server with its title and language picker', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('link', { name: /Kayako/ }).first()).toBeVisible();
	await expect(page.getByRole('combobox')).toBeVisible();
});
