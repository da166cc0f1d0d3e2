// Every page of the wizard with data on it: no English on the German page, no serious axe violation in German, English or on a phone, and the connect and match steps usable by keyboard alone.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { KAYAKO_SANDBOX_CREDENTIALS as KAYAKO } from '../../server/sandbox/kayako/credentials';
import { ZENDESK_SANDBOX_CREDENTIALS as ZENDESK } from '../../server/sandbox/zendesk/credentials';
import { expectAccessible } from './a11y';
import { catalog, expectNoEnglish, switchLanguage } from './german';
import { E2E_PORTS } from './ports';
import { connectBoth, newMigration } from './sandboxes';
import { saveStepScreenshot } from './screenshots';

const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const germanWords = catalog('de');

/** A German label as the catalogue holds it, e.g. `de('run.startDemo')`. */
function de(key: string): string {
	const text = germanWords.get(key);
	if (text === undefined) throw new Error(`de.json has no ${key}.`);
	return text;
}

/** The elements that reach past the right edge of the screen (those inside a box that scrolls on its own are fine). */
async function widerThanScreen(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		if (document.documentElement.scrollWidth <= innerWidth) return [];
		const scrolls = (element: Element) => {
			for (let up = element.parentElement; up; up = up.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(up).overflowX)) return true;
			return false;
		};
		return [...document.body.querySelectorAll('*')]
			.filter((element) => element.getBoundingClientRect().right > innerWidth + 1 && !scrolls(element))
			.map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')} (${Math.round(element.getBoundingClientRect().right)}px)`);
	});
}

/**
 * The checks every page goes through: the German text and axe, then axe in English and, for the pages a support lead
 * opens on a phone, axe at phone width with nothing wider than the screen. Ends in German, at laptop size.
 */
async function checkPage(page: Page, what: string, shot: string, { phone = false } = {}): Promise<void> {
	await expectNoEnglish(page, what);
	await expectAccessible(page, `the German ${what}`);
	await saveStepScreenshot(page, `every-page-${shot}-de`);
	await switchLanguage(page, 'en');
	await expectAccessible(page, `the English ${what}`);
	if (phone) {
		await page.setViewportSize(PHONE);
		await expectAccessible(page, `the ${what} on a phone`);
		expect(await widerThanScreen(page), `what sticks out of the ${what} on a phone`).toEqual([]);
		await saveStepScreenshot(page, `every-page-${shot}-phone`);
		await page.setViewportSize(LAPTOP);
	}
	await switchLanguage(page, 'de');
}

/** The focused element as a keyboard user sees it: which one (numbered on first sight), and whether a focus ring (outline or shadow) shows on it. */
async function focused(page: Page): Promise<{ number: number; what: string; visible: boolean } | undefined> {
	return page.evaluate(() => {
		const element = document.activeElement;
		if (!(element instanceof HTMLElement) || element === document.body) return undefined;
		const numbered = ((window as unknown as { tabOrder?: Map<Element, number> }).tabOrder ??= new Map());
		if (!numbered.has(element)) numbered.set(element, numbered.size);
		const style = getComputedStyle(element);
		const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
		const box = element.getBoundingClientRect();
		const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
		const name = element.id || element.getAttribute('aria-label') || element.textContent?.trim().slice(0, 40) || '';
		return { number: numbered.get(element) ?? -1, what: `${element.tagName.toLowerCase()} "${name}"`, visible: ring && onScreen && element.checkVisibility({ visibilityProperty: true }) };
	});
}

/** Tabs from the top of the page through every control until focus leaves the page or comes round again; each must show its focus. */
async function expectVisibleFocusOnTab(page: Page, what: string): Promise<string[]> {
	await fromTheTop(page);
	const seen = new Map<number, string>();
	const hidden: string[] = [];
	for (let presses = 0; presses < 200; presses++) {
		await page.keyboard.press('Tab');
		const now = await focused(page);
		if (!now || seen.has(now.number)) break;
		seen.set(now.number, now.what);
		if (!now.visible) hidden.push(now.what);
	}
	expect(seen.size, `controls reached by Tab on the ${what}: ${[...seen.values()].join(', ')}`).toBeGreaterThan(3);
	expect(hidden, `controls on the ${what} that take focus without showing it`).toEqual([]);
	return [...seen.values()];
}

/** Presses Tab until `target` has the focus, as a keyboard user would walk to it. */
async function tabTo(page: Page, target: Locator): Promise<void> {
	for (let presses = 0; presses < 200; presses++) {
		if (await target.evaluate((element) => element === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${target}.`);
}

/** Starts the keyboard walk at the top of the page, as after loading it. */
async function fromTheTop(page: Page): Promise<void> {
	await page.evaluate(() => {
		(document.activeElement as HTMLElement | null)?.blur();
		// The sequential focus starting point follows the last click or focus; a focusable-less spot at the top resets it.
		const start = document.createElement('span');
		start.tabIndex = -1;
		document.body.prepend(start);
		start.focus();
		start.remove();
		window.scrollTo(0, 0);
	});
}

/** Follows a link of the wizard's step navigation by its address, whatever the language. */
async function goTo(page: Page, step: string, heading: string): Promise<void> {
	await page.getByTestId('wizard-steps').locator(`a[href$="/${step}"]`).click();
	await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

test.describe('every page of the wizard', () => {
	test.describe.configure({ mode: 'serial' });
	let page: Page;

	test.beforeAll(async ({ browser }) => {
		// axe needs a page of a context made with newContext, not browser.newPage.
		const context = await browser.newContext({ baseURL: `http://127.0.0.1:${E2E_PORTS.app}`, viewport: LAPTOP });
		page = await context.newPage();
		page.on('dialog', (dialog) => dialog.accept());
	});
	test.afterAll(async () => {
		await page.context().close();
	});

	test('the connect step shows a success and an error in German, and connects by keyboard alone', async () => {
		test.setTimeout(180_000);
		await page.goto('/');
		await page.evaluate(() => localStorage.setItem('kayako-migrator.language', 'en'));
		await newMigration(page, `Every page ${Date.now()}`);
		// The sandbox buttons come with the app's config, a moment after the form: connectBoth looks for them only once.
		await expect(page.getByRole('button', { name: 'Fill in the sandbox Zendesk' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Fill in the sandbox Kayako' })).toBeVisible();
		await connectBoth(page);
		await switchLanguage(page, 'de');
		await expect(page.getByRole('heading', { level: 1, name: de('connect.heading') })).toBeVisible();
		await checkPage(page, 'connect step with both helpdesks connected', 'connect-success', { phone: true });

		// Every control shows its focus, from the skip link to the last button.
		const controls = await expectVisibleFocusOnTab(page, 'connect step');
		expect(controls[0]).toContain(de('app.skipToContent'));

		// A wrong password, typed and sent with Enter: the error in German.
		await fromTheTop(page);
		await tabTo(page, page.locator('#kayako-password'));
		await page.keyboard.type('not-the-password');
		await page.keyboard.press('Enter');
		await expect(page.getByRole('alert')).toHaveAttribute('data-error-kind', 'auth-failed', { timeout: 30_000 });
		await checkPage(page, 'connect step with an error', 'connect-error', { phone: true });

		// The right one, again by keyboard; then the source, its test button pressed with Space.
		await fromTheTop(page);
		await tabTo(page, page.locator('#kayako-password'));
		await page.keyboard.press('ControlOrMeta+A');
		await page.keyboard.type(KAYAKO.admin.password);
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('connect-success')).toBeVisible({ timeout: 30_000 });
		await fromTheTop(page);
		await tabTo(page, page.locator('#source-secret'));
		await page.keyboard.type(ZENDESK.apiToken);
		await page.keyboard.press('Tab');
		await expect(page.locator(':focus')).toHaveText(de('connect.testSource'));
		await page.keyboard.press('Space');
		await expect(page.getByTestId('source-success')).toBeVisible({ timeout: 30_000 });
	});

	test('the migrations list shows the migration in German', async () => {
		await page.locator('header a.home').click();
		await expect(page.getByRole('heading', { level: 1, name: de('home.heading') })).toBeVisible();
		await expect(page.getByRole('link', { name: /^Every page/ }).first()).toBeVisible();
		await checkPage(page, 'migrations list', 'list', { phone: true });
		await page.goBack();
		await expect(page.getByRole('heading', { level: 1, name: de('connect.heading') })).toBeVisible();
	});

	test('select shows the counts in German', async () => {
		test.setTimeout(120_000);
		await goTo(page, 'select', de('select.heading'));
		await expect(page.getByText(de('select.countedAll'))).toBeVisible({ timeout: 60_000 });
		await expect(page.locator('[data-count="tickets"]')).toHaveText(/^\s*[\d.]+\s*$/);
		await checkPage(page, 'select step', 'select');
	});

	test('match shows the candidates in German, and an agent is matched and saved by keyboard alone', async () => {
		test.setTimeout(120_000);
		await goTo(page, 'match', de('match.heading'));
		const kim = page.locator('tr', { hasText: 'Kim Agent' }).locator('select').first();
		await expect(kim).toHaveValue(/^match:\d+$/, { timeout: 60_000 });
		await checkPage(page, 'match step', 'match', { phone: true });

		await expectVisibleFocusOnTab(page, 'match step');
		// Kim's choice moved to "create" with the arrow keys, saved with Enter, then put back the same way.
		const kimsMatch = await kim.inputValue();
		await fromTheTop(page);
		await tabTo(page, kim);
		await page.keyboard.press('Home');
		await expect(kim).toHaveValue('create');
		const save = page.getByRole('button', { name: de('match.save'), exact: true });
		await tabTo(page, save);
		await page.keyboard.press('Enter');
		await expect(page.getByText(de('match.saved'))).toBeVisible();
		await fromTheTop(page);
		await tabTo(page, kim);
		for (let presses = 0; presses < 50 && (await kim.inputValue()) !== kimsMatch; presses++) await page.keyboard.press('ArrowDown');
		await expect(kim).toHaveValue(kimsMatch);
		await tabTo(page, save);
		await page.keyboard.press('Space');
		await expect(page.getByText(de('match.saved'))).toBeVisible();
	});

	test('fields shows the mapping and a ticket preview in German', async () => {
		test.setTimeout(120_000);
		await goTo(page, 'fields', de('fields.heading'));
		await expect(page.locator('section[aria-labelledby^="fields-"]').first()).toBeVisible({ timeout: 60_000 });
		await page.getByRole('button', { name: de('fields.preview.show') }).click();
		await expect(page.getByTestId('ticket-preview')).toBeVisible({ timeout: 30_000 });
		await checkPage(page, 'fields step', 'fields', { phone: true });
	});

	test('options shows a validation message in German', async () => {
		await goTo(page, 'options', de('options.heading'));
		await page.locator('#created-from').fill('2024-01-01');
		await page.locator('#created-to').fill('2023-06-30');
		await page.getByRole('button', { name: de('options.save'), exact: true }).click();
		await expect(page.locator('#created-to')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByRole('alert')).toBeVisible();
		await checkPage(page, 'options step with a message', 'options');
		// Nothing was saved; the fields go back to empty so the demo moves every ticket.
		await page.locator('#created-from').fill('');
		await page.locator('#created-to').fill('');
	});

	test('run shows the demo before, during and after, with the results, the chart and a record list in German', async () => {
		test.setTimeout(420_000);
		await goTo(page, 'run?step=demo', de('run.heading'));
		await checkPage(page, 'run step before a run', 'run-before');

		await page.getByRole('button', { name: de('run.startDemo') }).click();
		await expect(page.getByTestId('progress')).toBeVisible({ timeout: 60_000 });
		await expectNoEnglish(page, 'run step during the demo');
		await saveStepScreenshot(page, 'every-page-run-during-de');

		await expect(page.getByRole('button', { name: de('run.demoAgain') })).toBeVisible({ timeout: 300_000 });
		await expect(page.getByTestId('progress')).toHaveCount(0);
		await page.locator('tr[data-entity="tickets"] td[data-column="migrated"] button').click();
		await expect(page.getByTestId('records').locator('tbody tr').first()).toBeVisible();
		await expect(page.getByTestId('results-chart')).toBeVisible();
		await checkPage(page, 'run step with the results', 'run-results', { phone: true });
	});

	test('the checklist reads Kayako live and shows in German', async () => {
		await goTo(page, 'checklist', de('checklist.heading'));
		await expect(page.getByTestId('triggers')).toBeVisible({ timeout: 30_000 });
		await checkPage(page, 'checklist', 'checklist');
	});

	test('after the migration shows the results in German', async () => {
		await goTo(page, 'after', de('after.heading'));
		await expect(page.getByTestId('results')).toBeVisible();
		await checkPage(page, 'after-migration page', 'after');
	});
});
