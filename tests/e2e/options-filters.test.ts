// The options step in a real browser: every choice is saved and comes back after a reload; input that cannot be used is explained and not saved.
import { expect, test } from '@playwright/test';
import { newMigration } from './sandboxes';

test('options and filters are saved, and a date range that ends before it starts is refused with a message', async ({ page }) => {
	await newMigration(page, 'Options step');
	const optionsUrl = page.url().replace(/\/connect$/, '/options');
	await page.goto(optionsUrl);
	await expect(page.getByRole('heading', { name: 'Options and filters' })).toBeVisible();

	await page.getByLabel('Tag for migrated tickets').fill('zendesk-import');
	await page.getByLabel('Put the old ticket number in the subject').check();
	await page.getByLabel('Move them to the attachments of the reply').check();
	await page.getByLabel('Ticket history as private notes').check();
	await page.getByLabel('Recent tickets first (days)').fill('30');
	await page.getByLabel('Created on or after').fill('2024-01-01');
	await page.getByLabel('Created on or before').fill('2024-12-31');
	await page.getByLabel('Tags', { exact: true }).fill('vip, billing');
	await page.getByLabel('Groups (source ids)').fill('360001, 360002');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Saved.');

	await page.reload();
	await expect(page.getByLabel('Tag for migrated tickets')).toHaveValue('zendesk-import');
	await expect(page.getByLabel('Put the old ticket number in the subject')).toBeChecked();
	await expect(page.getByLabel('Move them to the attachments of the reply')).toBeChecked();
	await expect(page.getByLabel('Ticket history as private notes')).toBeChecked();
	await expect(page.getByLabel('Leave attachments behind')).not.toBeChecked();
	await expect(page.getByLabel('Recent tickets first (days)')).toHaveValue('30');
	await expect(page.getByLabel('Created on or after')).toHaveValue('2024-01-01');
	await expect(page.getByLabel('Tags', { exact: true })).toHaveValue('vip, billing');
	await expect(page.getByLabel('Groups (source ids)')).toHaveValue('360001, 360002');

	// The end before the start: a message at the field, the focus on it, and nothing saved.
	await page.getByLabel('Created on or before').fill('2023-06-30');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	const endDate = page.getByLabel('Created on or before');
	await expect(endDate).toHaveAttribute('aria-invalid', 'true');
	await expect(endDate).toBeFocused();
	await expect(page.getByRole('alert')).toContainText('This date is before the start date.');
	await expect(page.getByRole('status')).toHaveCount(0);

	// A word where a number of days belongs is refused too, and "Save and go on" stays on the page.
	await page.getByLabel('Created on or before').fill('2024-12-31');
	await page.getByLabel('Recent tickets first (days)').fill('a month');
	await page.getByRole('button', { name: 'Save and go on to the demo' }).click();
	await expect(page.getByRole('alert')).toContainText('Type a whole number of days');
	await expect(page).toHaveURL(/\/options$/);

	await page.reload();
	await expect(page.getByLabel('Created on or before')).toHaveValue('2024-12-31');
	await expect(page.getByLabel('Recent tickets first (days)')).toHaveValue('30');

	await page.getByRole('button', { name: 'Save and go on to the demo' }).click();
	await expect(page).toHaveURL(/\/run$/);
});
