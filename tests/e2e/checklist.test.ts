// The checklist in a real browser: Kayako's enabled triggers read live and switched off and on in the sandbox, and the full run locked until every item is met.
import { expect, test, type Page } from '@playwright/test';
import { KAYAKO_SANDBOX_CREDENTIALS } from '../../server/sandbox/kayako/credentials';
import { E2E_PORTS } from './ports';
import { goToStep, sandboxKayako } from './sandboxes';

const FIRST_SEED_TRIGGER = 'Notify the requester when a conversation is created';

/** A migration without the knowledge base, imported from a settings file, so the article HTML item does not apply. */
function settingsFile(name: string): string {
	const now = Date.now();
	return JSON.stringify({
		format: 'kayako-migrator/migration-settings',
		version: 1,
		migration: {
			id: 'imported',
			name,
			source: { platform: 'zendesk', url: '', email: '' },
			target: { url: `http://127.0.0.1:${E2E_PORTS.kayako}/${KAYAKO_SANDBOX_CREDENTIALS.account}`, email: KAYAKO_SANDBOX_CREDENTIALS.admin.email },
			proxyUrl: `http://127.0.0.1:${E2E_PORTS.proxy}`,
			mappings: {},
			options: { entities: ['teams', 'fields', 'organizations', 'users', 'tickets'] },
			filters: {},
			stage: 'connect',
			createdAt: now,
			updatedAt: now
		}
	});
}

/**
 * A finished demo run written straight into the browser's database, as the engine would after a demo:
 * the demo itself is covered by run-demo.test.ts and takes minutes.
 */
async function seedFinishedDemo(page: Page, migrationId: string) {
	await page.evaluate(async (id) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('kayako-migrator');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction('runs', 'readwrite');
			tx.objectStore('runs').put({ id: `demo-${id}`, migrationId: id, kind: 'demo', state: 'finished', counters: {}, startedAt: Date.now() - 60_000, finishedAt: Date.now() });
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	}, migrationId);
}

const enabledInSandbox = async () => (await sandboxKayako.state()).triggers.filter((trigger) => trigger.is_enabled).map((trigger) => trigger.title);

test('the checklist lists the enabled Kayako triggers, turns them off and on, and unlocks the full run only when every item is met', async ({ page }) => {
	test.setTimeout(120_000);
	const name = `Checklist ${Date.now()}`;
	await page.goto('/');
	await page.getByLabel('Settings file (.json)').setInputFiles({ name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(settingsFile(name)) });
	await page.getByRole('link', { name: 'Connect it now' }).click();
	// The click returns before the app has moved to the new address: read the migration's id once it has.
	await expect(page).toHaveURL(/\/migrations\/[^/]+\/connect$/);
	const migrationId = page.url().split('/').at(-2) ?? '';

	await page.getByLabel('Password', { exact: true }).fill(KAYAKO_SANDBOX_CREDENTIALS.admin.password);
	await page.getByRole('button', { name: 'Test connection' }).click();
	await expect(page.getByTestId('connect-success')).toContainText('administrator');
	await seedFinishedDemo(page, migrationId);

	// In-app navigation keeps the password in the engine's memory.
	await goToStep(page, /Demo/);
	await page.getByRole('link', { name: 'Go to the checklist for the full migration' }).click();
	await expect(page.getByRole('heading', { name: 'Checklist before the full migration' })).toBeVisible();

	const start = page.getByRole('button', { name: 'Start the full migration' });
	const triggers = page.getByTestId('triggers');
	const enabledBefore = await enabledInSandbox();
	expect(enabledBefore.length).toBeGreaterThan(0);
	for (const title of enabledBefore) await expect(triggers).toContainText(title);
	await expect(start).toBeDisabled();
	await expect(page.locator('[data-item="articles"]')).toHaveCount(0);
	await expect(page.locator('[data-item="triggers"]')).toContainText('Not met');

	// Each item by hand: the start stays locked until the last one is met.
	await page.getByLabel('Day of the full migration').fill('2027-03-01');
	await page.getByLabel('I told the team the date').check();
	await page.getByLabel('The custom fields exist in Kayako').check();
	await page.getByLabel('Every agent has confirmed the activation e-mail').check();
	await page.getByLabel('I checked the demo tickets in Kayako').check();
	for (const item of ['date', 'fields', 'agents', 'demo']) await expect(page.locator(`[data-item="${item}"]`)).toHaveAttribute('data-met', 'true');
	await expect(start).toBeDisabled();

	await triggers.getByRole('button', { name: 'Turn all triggers off' }).click();
	await expect(triggers).toContainText('No trigger is enabled in Kayako.');
	expect(await enabledInSandbox()).toEqual([]);
	await expect(page.locator('[data-item="triggers"]')).toHaveAttribute('data-met', 'true');
	await expect(start).toBeEnabled();

	// The ticks were saved: a reload keeps them (the triggers are read live again).
	await page.reload();
	await expect(page.getByLabel('Day of the full migration')).toHaveValue('2027-03-01');
	await expect(page.getByLabel('Every agent has confirmed the activation e-mail')).toBeChecked();

	// Back on: exactly the triggers the tool turned off, and the start is locked again.
	// The reload emptied the engine's memory: log in again, then back to the checklist inside the app.
	await goToStep(page, /Connect/);
	await page.getByLabel('Password', { exact: true }).fill(KAYAKO_SANDBOX_CREDENTIALS.admin.password);
	await page.getByRole('button', { name: 'Test connection' }).click();
	await expect(page.getByTestId('connect-success')).toBeVisible();
	await goToStep(page, /Checklist/);
	await triggers.getByRole('button', { name: 'Turn them back on' }).click();
	await expect(triggers).toContainText(FIRST_SEED_TRIGGER);
	expect((await enabledInSandbox()).sort()).toEqual([...enabledBefore].sort());
	await expect(start).toBeDisabled();
});
