// Following a "… in Kayako" link of the results: the sandbox Kayako's case view opens in a new tab with the case's posts.
import { expect, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './a11y';
import { sandboxKayako } from './sandboxes';

/** Clicks the first Kayako link in `records` and checks the tab it opens shows that case, with every post Kayako holds. */
export async function expectCaseViewFromLink(page: Page, records: Locator): Promise<void> {
	const link = records.getByRole('link', { name: /in Kayako/ }).first();
	const href = await link.getAttribute('href');
	const caseId = Number(/\/agent\/conversations\/(\d+)$/.exec(href ?? '')?.[1]);
	const held = (await sandboxKayako.state()).cases.find((kase) => kase.id === caseId);
	expect(held, `case ${caseId} in the sandbox Kayako`).toBeDefined();

	const [view] = await Promise.all([page.waitForEvent('popup'), link.click()]);
	await view.waitForLoadState();
	await expect(view.getByText('Sandbox Kayako — a read-only stand-in for your Kayako')).toBeVisible();
	await expect(view.getByRole('heading', { level: 1 })).toHaveText(held!.subject);
	await expect(view.getByRole('heading', { name: `Posts (${held!.posts.length})` })).toBeVisible();
	await expect(view.locator('li.post')).toHaveCount(held!.posts.length);
	expect(held!.posts.length).toBeGreaterThan(0);
	await expect(view.locator('li.post').first().locator('time')).toBeVisible();
	await expectAccessible(view, "the sandbox Kayako's case view");
	await view.close();
}
