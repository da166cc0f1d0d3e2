// The service worker caches the app shell: once visited, the page opens with no network at all.
import { expect, test } from '@playwright/test';

test('the app shell opens offline after the first visit', async ({ page, context }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Your migrations' })).toBeVisible();
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	// The first page load is not controlled yet; a reload is.
	await page.reload();
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Your migrations' })).toBeVisible();
	await page.goto('/migrations/some-id/connect');
	await expect(page.getByRole('heading', { name: 'Connect the two helpdesks' })).toBeVisible();
	await context.setOffline(false);
});
