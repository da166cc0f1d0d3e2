// The go-live list asks to turn Kayako's "Allow unsafe HTML in articles" off again, read live from the sandbox Kayako.
import { expect, test } from '@playwright/test';
import { KAYAKO_SANDBOX_CREDENTIALS } from '../../server/sandbox/kayako/credentials';
import { E2E_PORTS } from './ports';
import { goToStep, newMigration } from './sandboxes';

const SETTING = 'allow_unsafe_html_in_articles';

/** What an admin does in Kayako's admin area, through the sandbox's control endpoint. */
async function setArticleHtml(value: '0' | '1'): Promise<void> {
	const response = await fetch(`http://127.0.0.1:${E2E_PORTS.kayako}/__sandbox/setting?account=${KAYAKO_SANDBOX_CREDENTIALS.account}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name: SETTING, value })
	});
	expect(response.ok).toBe(true);
}

test.afterEach(() => setArticleHtml('0'));

test('after the migration, the go-live list asks to turn unsafe article HTML off again until it is off', async ({ page }) => {
	await setArticleHtml('1');
	await newMigration(page, `Go live ${Date.now()}`);
	await page.getByRole('button', { name: 'Fill in the sandbox Kayako' }).click();
	await page.getByLabel('Password', { exact: true }).fill(KAYAKO_SANDBOX_CREDENTIALS.admin.password);
	await page.getByRole('button', { name: 'Test connection' }).click();
	await expect(page.getByTestId('connect-success')).toBeVisible();

	// In-app navigation keeps the password in the engine's memory, which the live read needs.
	await goToStep(page, /After the migration/);
	const item = page.locator('[data-item="article-html-off"]');
	await expect(item.getByRole('heading', { name: 'Turn “Allow unsafe HTML in articles” off again' })).toBeVisible();
	await expect(item).toContainText('is still on in Kayako');
	await expect(item).toHaveAttribute('data-met', 'false');

	await setArticleHtml('0');
	await item.getByRole('button', { name: 'Check again' }).click();
	await expect(item).toContainText('is off in Kayako');
	await expect(item).toHaveAttribute('data-met', 'true');
});
