// The connect step in a real browser: the engine worker logs in to the sandbox Kayako through the CORS proxy.
import { expect, test, type Page } from '@playwright/test';
import { E2E_PORTS } from './ports';

const KAYAKO_URL = `http://127.0.0.1:${E2E_PORTS.kayako}/acme`;
const PROXY_URL = `http://127.0.0.1:${E2E_PORTS.proxy}`;
const ADMIN = { email: 'admin@acme.example', password: 'Sandbox-Admin-1' };

async function newMigration(page: Page, name: string) {
	await page.goto('/');
	await page.getByLabel('Name of the migration').fill(name);
	await page.getByLabel('Source helpdesk').selectOption('zendesk');
	await page.getByRole('button', { name: 'Create and connect' }).click();
	await expect(page.getByRole('heading', { name: 'Connect the two helpdesks' })).toBeVisible();
	await expect(page.getByLabel('CORS proxy address')).toHaveValue(PROXY_URL);
}

async function fillLogin(page: Page, password: string) {
	await page.getByLabel('Kayako address').fill(KAYAKO_URL);
	await page.getByLabel('Administrator e-mail').fill(ADMIN.email);
	await page.getByLabel('Password', { exact: true }).fill(password);
}

test('connecting through the proxy shows the sandbox account and the role', async ({ page }) => {
	await newMigration(page, 'Connect works');
	await fillLogin(page, ADMIN.password);
	await page.getByRole('button', { name: 'Test connection' }).click();
	const success = page.getByTestId('connect-success');
	await expect(success).toContainText(`127.0.0.1:${E2E_PORTS.kayako}`);
	await expect(success).toContainText('administrator');

	// The migration now lists the target, and the settings survived in IndexedDB.
	await page.reload();
	await expect(page.getByLabel('Kayako address')).toHaveValue(KAYAKO_URL);
	await expect(page.getByLabel('Administrator e-mail')).toHaveValue(ADMIN.email);
});

test('a wrong password shows its own sentence and what to do', async ({ page }) => {
	await newMigration(page, 'Wrong password');
	await fillLogin(page, 'not-the-password');
	await page.getByRole('button', { name: 'Test connection' }).click();
	const error = page.getByRole('alert');
	await expect(error).toHaveAttribute('data-error-kind', 'auth-failed');
	await expect(error).toContainText('The e-mail address or password is wrong.');
	await expect(page.getByTestId('connect-success')).toHaveCount(0);
});

test('a proxy that is not running is named as the problem', async ({ page }) => {
	await newMigration(page, 'Dead proxy');
	await fillLogin(page, ADMIN.password);
	await page.getByLabel('CORS proxy address').fill('http://127.0.0.1:9');
	await page.getByRole('button', { name: 'Test proxy' }).click();
	await expect(page.getByRole('alert')).toHaveAttribute('data-error-kind', 'proxy-unreachable');
});

test('a remembered password survives a reload and opens with the passphrase', async ({ page }) => {
	await newMigration(page, 'Remembered');
	await fillLogin(page, ADMIN.password);
	await page.getByLabel(/Remember the password/).check();
	await page.getByLabel('Passphrase', { exact: true }).fill('correct horse battery');
	await page.getByRole('button', { name: 'Test connection' }).click();
	await expect(page.getByTestId('connect-success')).toBeVisible();
	await expect(page.getByText('The password is remembered')).toBeVisible();

	// A reload ends the worker: the password is gone from memory, only the encrypted copy is left.
	await page.reload();
	await expect(page.getByRole('heading', { name: 'A password is remembered for this migration' })).toBeVisible();
	const unlockPanel = page.getByRole('region', { name: 'A password is remembered for this migration' });
	await unlockPanel.getByLabel('Passphrase', { exact: true }).fill('wrong passphrase');
	await unlockPanel.getByRole('button', { name: 'Unlock' }).click();
	await expect(page.getByRole('alert')).toHaveAttribute('data-error-kind', 'wrong-passphrase');

	await unlockPanel.getByLabel('Passphrase', { exact: true }).fill('correct horse battery');
	await unlockPanel.getByRole('button', { name: 'Unlock' }).click();
	await expect(page.getByText('Unlocked: the remembered password is ready to use.')).toBeVisible();

	// No password typed: the unlocked one is used.
	await page.getByRole('button', { name: 'Test connection' }).click();
	await expect(page.getByTestId('connect-success')).toContainText('administrator');
});
