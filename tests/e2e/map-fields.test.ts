// The fields step in a real browser: a field mapped by hand and saved survives a reload, and one real ticket is previewed.
import { expect, test } from '@playwright/test';
import { connectBoth, goToStep, newMigration, sandboxKayako } from './sandboxes';

test('a field skipped by hand is kept across a reload, and the preview says its value is left out', async ({ page }) => {
	// A Kayako without the fields an earlier test's demo created.
	await sandboxKayako.reset();
	await newMigration(page, 'Map fields');
	await connectBoth(page);
	await goToStep(page, /Map fields/);
	await expect(page.getByRole('heading', { name: 'Map the fields' })).toBeVisible();

	const tickets = page.getByRole('region', { name: 'Ticket fields' });
	const orderNumber = tickets.getByLabel('Order number', { exact: true });
	// Nothing of that name in Kayako: the suggestion is to create it.
	await expect(orderNumber).toHaveValue('create');
	await orderNumber.selectOption('skip');
	await page.getByRole('button', { name: 'Save the mapping' }).click();
	await expect(page.getByText('The mapping is saved.')).toBeVisible();

	// A reload ends the worker and its passwords: connect again, then the saved choice is back.
	await page.reload();
	await expect(page.getByRole('alert')).toHaveAttribute('data-error-kind', 'credentials-needed');
	await page.getByRole('link', { name: 'Go to the connect step and enter the passwords again' }).click();
	await connectBoth(page);
	await goToStep(page, /Map fields/);
	await expect(page.getByRole('region', { name: 'Ticket fields' }).getByLabel('Order number', { exact: true })).toHaveValue('skip');

	await page.getByRole('button', { name: 'Show the preview' }).click();
	const preview = page.getByTestId('ticket-preview');
	await expect(preview).toBeVisible({ timeout: 30_000 });
	await expect(preview.getByRole('row', { name: /Order number/ })).toContainText('Left out: not mapped');
	await expect(preview.getByText(/posts?, oldest first/)).toBeVisible();
	await expect(preview.locator('ol li').first()).toContainText(/Message \(MAIL\)|Private note \(NOTE\)/);
});
