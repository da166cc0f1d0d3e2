// The select and match steps in a real browser: counts from the sandbox Zendesk, a choice of entities, agents matched and one changed by hand.
import { expect, test, type Page } from '@playwright/test';
import { E2E_PORTS } from './ports';

const KAYAKO = { url: `http://127.0.0.1:${E2E_PORTS.kayako}/acme`, email: 'admin@acme.example', password: 'Sandbox-Admin-1' };
const ZENDESK = { url: `http://127.0.0.1:${E2E_PORTS.zendesk}`, email: 'admin@zendesk-sandbox.test', token: 'sAnDbOxZdToKeN0123456789abcdefGHIJKLmnop' };

/** Both logins on the connect step; after a reload the engine holds no password, so this runs again. */
async function connectBoth(page: Page) {
	await page.getByLabel('Address of the helpdesk').fill(ZENDESK.url);
	await page.getByLabel('E-mail of the source administrator').fill(ZENDESK.email);
	await page.getByLabel('API token', { exact: true }).fill(ZENDESK.token);
	await page.getByRole('button', { name: 'Test the source connection' }).click();
	await expect(page.getByText(/Connected to .* as Ada Admin/)).toBeVisible();
	await page.getByLabel('Kayako address').fill(KAYAKO.url);
	await page.getByLabel('Administrator e-mail').fill(KAYAKO.email);
	await page.getByLabel('Password', { exact: true }).fill(KAYAKO.password);
	await page.getByRole('button', { name: 'Test connection' }).click();
	await expect(page.getByTestId('connect-success')).toBeVisible();
}

test('select shows the counts and keeps the choice; match keeps an agent changed to "create" across a reload', async ({ page }) => {
	await page.goto('/');
	await page.getByLabel('Name of the migration').fill('Select and match');
	await page.getByLabel('Source helpdesk').selectOption('zendesk');
	await page.getByRole('button', { name: 'Create and connect' }).click();
	await expect(page.getByRole('heading', { name: 'Connect the two helpdesks' })).toBeVisible();

	await connectBoth(page);

	// Moving inside the app keeps the worker, and with it the passwords.
	const steps = page.getByTestId('wizard-steps');
	await steps.getByRole('link', { name: /Select data/ }).click();
	await expect(page.getByRole('heading', { name: 'Choose what moves' })).toBeVisible();
	await expect(page.getByText('Everything is counted.')).toBeVisible();
	for (const entity of ['teams', 'fields', 'organizations', 'users', 'tickets', 'articles']) {
		await expect(page.locator(`[data-count="${entity}"]`)).toHaveText(/^\s*[\d,.]+\s*$/);
	}
	await page.getByLabel('Knowledge base articles').uncheck();
	await page.getByLabel('Users (customers and agents)').uncheck();
	await expect(page.locator('[data-note="usersLazy"]')).toBeVisible();
	await page.getByLabel('Users (customers and agents)').check();
	await page.getByRole('link', { name: 'Next: match agents and groups' }).click();

	await expect(page.getByRole('heading', { name: 'Match agents and groups' })).toBeVisible();
	// Kim Agent's address works in the Kayako sandbox too: paired by e-mail.
	const kim = page.getByLabel('Kayako match for Kim Agent');
	await expect(kim).toHaveValue(/^match:\d+$/);
	await expect(page.locator('tr', { has: kim })).toContainText('Same e-mail address');
	await expect(page.getByRole('heading', { name: 'Deactivated and deleted agents' })).toBeVisible();
	await expect(page.getByLabel('Kayako match for Support')).toHaveValue(/^match:\d+$/);
	await kim.selectOption('create');
	await page.getByRole('button', { name: 'Save the matches' }).click();
	await expect(page.getByText('The matches are saved.')).toBeVisible();

	// A reload forgets the passwords: the page says so and leads back to connect; afterwards the choice is still there.
	await page.reload();
	await expect(page.getByRole('alert')).toHaveAttribute('data-error-kind', 'credentials-needed');
	await page.getByRole('link', { name: 'Go to the connect step and enter the passwords again' }).click();
	await connectBoth(page);
	await steps.getByRole('link', { name: /Match agents/ }).click();
	await expect(page.getByLabel('Kayako match for Kim Agent')).toHaveValue('create');
	await expect(page.locator('tr', { has: page.getByLabel('Kayako match for Kim Agent') })).toContainText('Your earlier choice');
	await steps.getByRole('link', { name: /Select data/ }).click();
	await expect(page.getByLabel('Knowledge base articles')).not.toBeChecked();
	await expect(page.getByLabel('Tickets with their replies')).toBeChecked();
});
