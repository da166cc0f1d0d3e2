// Every failure of the connect step, caused for real against the sandboxes and the proxy, shows its own sentence and hint.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { KAYAKO_SANDBOX_CREDENTIALS as KAYAKO } from '../../server/sandbox/kayako/credentials';
import { ZENDESK_SANDBOX_CREDENTIALS as ZENDESK } from '../../server/sandbox/zendesk/credentials';
import { connectWord, errorWords, type Language } from './error-catalogue';
import { switchLanguage } from './german';
import { E2E_PORTS } from './ports';

const KAYAKO_HOST = `127.0.0.1:${E2E_PORTS.kayako}`;
const KAYAKO_URL = `http://${KAYAKO_HOST}/${KAYAKO.account}`;
const ZENDESK_HOST = `127.0.0.1:${E2E_PORTS.zendesk}`;
const APP_HOST = `127.0.0.1:${E2E_PORTS.app}`;
const PROXY_URL = `http://127.0.0.1:${E2E_PORTS.proxy}`;
/** Nothing listens on the discard port: a proxy there does not answer. */
const DEAD_PROXY_URL = 'http://127.0.0.1:9';

interface KayakoLogin {
	url?: string;
	email: string;
	password: string;
	proxyUrl?: string;
}

async function newMigration(page: Page, name: string): Promise<void> {
	await page.goto('/');
	await page.getByLabel('Name of the migration').fill(name);
	await page.getByLabel('Source helpdesk').selectOption('zendesk');
	await page.getByRole('button', { name: 'Create and connect' }).click();
	await expect(page.getByRole('heading', { name: connectWord('en', 'heading') })).toBeVisible();
	await expect(page.getByLabel(connectWord('en', 'proxy'))).toHaveValue(PROXY_URL);
}

function kayakoPanel(page: Page, language: Language = 'en') {
	return page.getByRole('region', { name: connectWord(language, 'kayakoHeading') });
}

async function testKayako(page: Page, login: KayakoLogin, language: Language = 'en'): Promise<void> {
	if (login.proxyUrl) await page.getByLabel(connectWord(language, 'proxy')).fill(login.proxyUrl);
	const panel = kayakoPanel(page, language);
	await panel.getByLabel(connectWord(language, 'url')).fill(login.url ?? KAYAKO_URL);
	await panel.getByLabel(connectWord(language, 'email')).fill(login.email);
	await panel.getByLabel(connectWord(language, 'password'), { exact: true }).fill(login.password);
	await panel.getByRole('button', { name: connectWord(language, 'test') }).click();
}

/** The alert ErrorMessage renders for this kind: its sentence and, after "What to do", its hint, both as the catalogue words them. */
async function expectError(page: Page, kind: string, values: Record<string, string>, language: Language = 'en'): Promise<void> {
	const words = errorWords(language, kind, values);
	const alert = page.getByRole('alert');
	await expect(alert).toHaveAttribute('data-error-kind', kind);
	await expect(alert.locator('.title')).toHaveText(words.title);
	await expect(alert).toContainText(`${words.whatToDo}: ${words.hint}`);
	await expect(page.getByTestId('connect-success')).toHaveCount(0);
}

/**
 * Adds fault rules to the sandbox account for one test and takes back those still unused afterwards. Other suites
 * share the sandbox, so their rules stay, and each rule here is narrow and fires once.
 */
async function withKayakoFaults(request: APIRequestContext, rules: object[], body: () => Promise<void>): Promise<void> {
	const faults = `http://${KAYAKO_HOST}/__sandbox/faults?account=${KAYAKO.account}`;
	const current = async () => ((await (await request.get(faults)).json()) as { rules: object[] }).rules;
	const mine = new Set(rules.map((rule) => JSON.stringify(rule)));
	expect((await request.put(faults, { data: { rules: [...(await current()), ...rules] } })).ok()).toBe(true);
	try {
		await body();
	} finally {
		const left = (await current()).filter((rule) => !mine.has(JSON.stringify(rule)));
		await request.put(faults, { data: { rules: left } });
	}
}

test('a wrong password says the e-mail or password is wrong, and the right one then connects', async ({ page }) => {
	await newMigration(page, 'Wrong password');
	await testKayako(page, { email: KAYAKO.admin.email, password: 'not-the-password' });
	await expectError(page, 'auth-failed', {});

	// The right password clears the sandbox's count of failed attempts, so repeated runs never lock the admin out.
	await testKayako(page, KAYAKO.admin);
	await expect(page.getByTestId('connect-success')).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);
});

test('an account with two-factor login asks for the code', async ({ page }) => {
	await newMigration(page, 'Two-factor');
	await testKayako(page, KAYAKO.mfa);
	await expectError(page, 'auth-otp-required', {});
});

test('an agent who is not an administrator is told to use an admin account', async ({ page }) => {
	await newMigration(page, 'Not an admin');
	await testKayako(page, KAYAKO.agent);
	await expectError(page, 'not-admin', {});
});

test('an account name Kayako does not know (490) is named as unknown', async ({ page }) => {
	await newMigration(page, 'Unknown account');
	await testKayako(page, { ...KAYAKO.admin, url: `http://${KAYAKO_HOST}/no-such-account` });
	await expectError(page, 'account-unknown', { host: KAYAKO_HOST });
});

test('an address that is a helpdesk but not Kayako is said not to be Kayako', async ({ page }) => {
	// Zendesk (the sandbox, and the real one, which has no /api/v1) answers 404 to Kayako's login address.
	await newMigration(page, 'Not Kayako');
	await testKayako(page, { ...KAYAKO.admin, url: `http://${ZENDESK_HOST}` });
	await expectError(page, 'not-helpdesk', { host: ZENDESK_HOST });
});

test('a proxy that does not answer is named as the problem when testing the connection', async ({ page }) => {
	await newMigration(page, 'Proxy down');
	await testKayako(page, { ...KAYAKO.admin, proxyUrl: DEAD_PROXY_URL });
	await expectError(page, 'proxy-unreachable', {});
});

test('the app\'s own address typed as the proxy is said not to be the proxy', async ({ page }) => {
	await newMigration(page, 'Not the proxy');
	await page.getByLabel(connectWord('en', 'proxy')).fill(`http://${APP_HOST}`);
	await page.getByRole('button', { name: connectWord('en', 'testProxy') }).click();
	await expectError(page, 'not-proxy', { host: APP_HOST });
	await page.getByLabel(connectWord('en', 'proxy')).fill(PROXY_URL);
	await page.getByRole('button', { name: connectWord('en', 'testProxy') }).click();
	await expect(page.getByRole('status').filter({ hasText: PROXY_URL })).toBeVisible();
});

test('a host the proxy does not forward to is named with the proxy as the one refusing', async ({ page }) => {
	await newMigration(page, 'Proxy refuses');
	// The app's own server: on loopback and not on the proxy's allow-list.
	await testKayako(page, { ...KAYAKO.admin, url: `http://${APP_HOST}/${KAYAKO.account}` });
	await expectError(page, 'proxy-refused', { host: APP_HOST });
});

test('a rate-limited Kayako says to slow down and shows how long to wait', async ({ page, request }) => {
	await newMigration(page, 'Rate limited');
	await withKayakoFaults(request, [{ kind: 'rate-limited', times: 1, method: 'GET', path: '/me', delayMs: 9_000 }], async () => {
		await testKayako(page, KAYAKO.admin);
		await expectError(page, 'rate-limited', { host: KAYAKO_HOST, seconds: '9' });
	});
});

test('a wrong Zendesk API token is refused on the source side', async ({ page }) => {
	await newMigration(page, 'Wrong Zendesk token');
	const panel = page.getByRole('region', { name: /Zendesk/ });
	await panel.getByLabel(connectWord('en', 'sourceUrl')).fill(`http://${ZENDESK_HOST}`);
	await panel.getByLabel(connectWord('en', 'method')).selectOption('api-token');
	await panel.getByLabel(connectWord('en', 'sourceEmail')).fill(ZENDESK.email);
	await panel.getByLabel(connectWord('en', 'secret.api-token')).fill('not-the-api-token');
	await panel.getByRole('button', { name: connectWord('en', 'testSource') }).click();
	await expectError(page, 'auth-failed', {});
	await expect(page.getByTestId('source-success')).toHaveCount(0);
});

test('in German, an unknown account is explained in German', async ({ page }) => {
	await newMigration(page, 'Unbekanntes Konto');
	await switchLanguage(page, 'de');
	await testKayako(page, { ...KAYAKO.admin, url: `http://${KAYAKO_HOST}/kein-konto` }, 'de');
	await expectError(page, 'account-unknown', { host: KAYAKO_HOST }, 'de');
});
