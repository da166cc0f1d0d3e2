// The sandboxes as the browser tests use them: connect both through the UI, and read or steer the sandbox Kayako.
import { expect, type Page } from '@playwright/test';
import { KAYAKO_SANDBOX_CREDENTIALS } from '../../server/sandbox/kayako/credentials';
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';
import { ZENDESK_SANDBOX_CREDENTIALS } from '../../server/sandbox/zendesk/credentials';
import { E2E_PORTS } from './ports';

const KAYAKO_CONTROL = `http://127.0.0.1:${E2E_PORTS.kayako}/__sandbox`;

async function control(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<unknown> {
	const response = await fetch(`${KAYAKO_CONTROL}${path}`, {
		method,
		...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
	});
	expect(response.ok, `${method} ${path}`).toBe(true);
	return response.json();
}

export const sandboxKayako = {
	reset: () => control('POST', '/reset'),
	state: async () => (await control('GET', `/state?account=${KAYAKO_SANDBOX_CREDENTIALS.account}`)) as KayakoAccountView,
	setRateLimit: (perMinute: number) => control('PUT', '/rate-limit', { perMinute }),
	/** Moves the sandbox's clock on, e.g. into a fresh rate-limit window. */
	advanceClock: (advanceMs: number) => control('POST', '/clock', { advanceMs })
};

/** Creates a Zendesk migration on the start page and lands on its connect step. */
export async function newMigration(page: Page, name: string): Promise<void> {
	await page.goto('/');
	await page.getByLabel('Name of the migration').fill(name);
	await page.getByLabel('Source helpdesk').selectOption('zendesk');
	await page.getByRole('button', { name: 'Create and connect' }).click();
	await expect(page.getByRole('heading', { name: 'Connect the two helpdesks' })).toBeVisible();
}

/** On the connect step: logs in to both sandboxes (filling in their addresses when the form is empty). */
export async function connectBoth(page: Page): Promise<void> {
	// The forms appear once the migration is read; the sandbox buttons with them, while an address is empty.
	await expect(page.getByLabel('API token')).toBeVisible();
	if ((await page.getByLabel('Address of the helpdesk').inputValue()) === '') await page.getByRole('button', { name: 'Fill in the sandbox Zendesk' }).click();
	await page.getByLabel('API token').fill(ZENDESK_SANDBOX_CREDENTIALS.apiToken);
	await page.getByRole('button', { name: 'Test the source connection' }).click();
	await expect(page.getByTestId('source-success')).toBeVisible({ timeout: 30_000 });

	if ((await page.getByLabel('Kayako address').inputValue()) === '') await page.getByRole('button', { name: 'Fill in the sandbox Kayako' }).click();
	await page.getByLabel('Password', { exact: true }).fill(KAYAKO_SANDBOX_CREDENTIALS.admin.password);
	await page.getByRole('button', { name: 'Test connection' }).click();
	await expect(page.getByTestId('connect-success')).toContainText('administrator', { timeout: 30_000 });
}

/** The passphrase the tests remember the sandbox Kayako's password with. */
export const PASSPHRASE = 'correct horse battery';

/** On the connect step: logs in to the sandbox Kayako with "remember" ticked, so the password rests encrypted in this browser. */
export async function connectKayakoRemembered(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Fill in the sandbox Kayako' }).click();
	await page.getByLabel('Password', { exact: true }).fill(KAYAKO_SANDBOX_CREDENTIALS.admin.password);
	await page.getByLabel(/Remember the password/).check();
	await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
	await page.getByRole('button', { name: 'Test connection' }).click();
	await expect(page.getByTestId('connect-success')).toBeVisible();
}

/** Follows a link of the wizard's step navigation, inside the app so the passwords stay in the engine's memory. */
export async function goToStep(page: Page, name: RegExp): Promise<void> {
	await page.getByRole('navigation', { name: 'Migration steps' }).getByRole('link', { name }).click();
}
