// A settings file is data, not trust: one naming another proxy than this installation's is imported only after a question.
import { expect, test, type Page } from '@playwright/test';
import { KAYAKO_SANDBOX_CREDENTIALS } from '../../server/sandbox/kayako/credentials';
import { E2E_PORTS } from './ports';

const OUR_PROXY = `http://127.0.0.1:${E2E_PORTS.proxy}`;
const FOREIGN_PROXY = 'https://proxy.attacker.example:8443';

function settingsFile(name: string, proxyUrl: string): string {
	const now = Date.now();
	return JSON.stringify({
		format: 'kayako-migrator/migration-settings',
		version: 1,
		migration: {
			id: 'imported',
			name,
			source: { platform: 'zendesk', url: '', email: '' },
			target: { url: `http://127.0.0.1:${E2E_PORTS.kayako}/${KAYAKO_SANDBOX_CREDENTIALS.account}`, email: KAYAKO_SANDBOX_CREDENTIALS.admin.email },
			proxyUrl,
			mappings: {},
			options: { entities: ['tickets'] },
			filters: {},
			stage: 'connect',
			createdAt: now,
			updatedAt: now
		}
	});
}

async function importFile(page: Page, name: string, proxyUrl: string) {
	await page.goto('/');
	await page.getByLabel('Settings file (.json)').setInputFiles({ name: 'migration.json', mimeType: 'application/json', buffer: Buffer.from(settingsFile(name, proxyUrl)) });
}

test('a file naming a foreign proxy is held, and "use this installation\'s proxy" imports it with ours', async ({ page }) => {
	const name = `Foreign proxy ${Date.now()}`;
	await importFile(page, name, FOREIGN_PROXY);
	const question = page.getByRole('alertdialog', { name: 'This file names another proxy' });
	await expect(question).toContainText(FOREIGN_PROXY);
	await expect(question).toContainText(OUR_PROXY);
	// Nothing is imported while the question is open.
	await expect(page.getByRole('link', { name })).toHaveCount(0);

	await question.getByRole('button', { name: "Use this installation's proxy" }).click();
	await expect(page.getByRole('status')).toContainText(`Imported as “${name}”.`);
	await page.getByRole('link', { name: 'Connect it now' }).click();
	await expect(page.getByLabel('CORS proxy address')).toHaveValue(OUR_PROXY);
});

test('the foreign proxy is kept only when the user says so, and "do not import" imports nothing', async ({ page }) => {
	const kept = `Kept proxy ${Date.now()}`;
	await importFile(page, kept, FOREIGN_PROXY);
	await page.getByRole('button', { name: "Keep the file's proxy" }).click();
	await expect(page.getByRole('status')).toContainText(`Imported as “${kept}”.`);
	await page.getByRole('link', { name: 'Connect it now' }).click();
	await expect(page.getByLabel('CORS proxy address')).toHaveValue(FOREIGN_PROXY);

	const refused = `Refused ${Date.now()}`;
	await importFile(page, refused, FOREIGN_PROXY);
	await page.getByRole('button', { name: 'Do not import' }).click();
	await expect(page.getByRole('alertdialog')).toHaveCount(0);
	await expect(page.getByRole('link', { name: refused })).toHaveCount(0);
});

test('a file naming this installation\'s proxy is imported without a question', async ({ page }) => {
	const name = `Our proxy ${Date.now()}`;
	await importFile(page, name, `${OUR_PROXY}/`);
	await expect(page.getByRole('status')).toContainText(`Imported as “${name}”.`);
	await expect(page.getByRole('alertdialog')).toHaveCount(0);
});
