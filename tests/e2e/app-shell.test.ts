import { expect, test } from '@playwright/test';

test('the app shell opens from the static server with its title and language picker', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('link', { name: /Kayako/ }).first()).toBeVisible();
	await expect(page.getByRole('combobox', { name: 'Language' })).toBeVisible();
});

test('switching to German translates the page and is kept for the next visit', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Your migrations');
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
});
