// The wizard as the crash suite walks it, with the e2e helpers: to the start of the full run, and back into a run that stopped.
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { KAYAKO_SANDBOX_CREDENTIALS } from '../../../server/sandbox/kayako/credentials';
import { E2E_PORTS } from '../../e2e/ports';
import { connectBoth, goToStep } from '../../e2e/sandboxes';

/** A tab that accepts the app's confirm dialogs. */
export async function openTab(context: BrowserContext): Promise<Page> {
	const page = await context.newPage();
	page.on('dialog', (dialog) => dialog.accept());
	return page;
}

/** What an admin does in Kayako's admin area; the sandbox takes it through its control API. */
async function allowUnsafeHtmlInArticles(): Promise<void> {
	const response = await fetch(`http://127.0.0.1:${E2E_PORTS.kayako}/__sandbox/setting?account=${KAYAKO_SANDBOX_CREDENTIALS.account}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name: 'allow_unsafe_html_in_articles', value: '1' })
	});
	expect(response.ok).toBe(true);
}

/** Create, connect, select, match, fields, options, the demo and the checklist; returns the run page's address once the full run has started. */
export async function startFullRun(page: Page, name: string): Promise<string> {
	await page.goto('/');
	await page.getByLabel('Name of the migration').fill(name);
	await page.getByLabel('Source helpdesk').selectOption('zendesk');
	await page.getByRole('button', { name: 'Create and connect' }).click();
	await expect(page.getByRole('heading', { name: 'Connect the two helpdesks' })).toBeVisible();
	const runUrl = page.url().replace(/\/connect$/, '/run');
	// A new migration's forms are empty: the sandbox buttons come with the app's config, which may take a moment.
	await expect(page.getByRole('button', { name: 'Fill in the sandbox Zendesk' })).toBeVisible({ timeout: 30_000 });
	await expect(page.getByRole('button', { name: 'Fill in the sandbox Kayako' })).toBeVisible();
	await connectBoth(page);

	await page.getByRole('link', { name: 'Next: choose what moves' }).click();
	await expect(page.getByText('Everything is counted.')).toBeVisible({ timeout: 300_000 });
	await page.getByRole('link', { name: 'Next: match agents and groups' }).click();

	await expect(page.getByRole('heading', { name: 'Match agents and groups' })).toBeVisible();
	const defaultAgent = page.getByLabel('Kayako agent who takes the tickets of agents that are not moved');
	await defaultAgent.selectOption((await defaultAgent.locator('option:not([value=""])').first().getAttribute('value')) ?? '');
	await page.getByRole('button', { name: 'Save the matches' }).click();
	await expect(page.getByText('The matches are saved.')).toBeVisible();
	await page.getByRole('link', { name: 'Next: map fields' }).click();

	await expect(page.getByRole('heading', { name: 'Map the fields' })).toBeVisible();
	await page.getByRole('button', { name: 'Save the mapping' }).click();
	await expect(page.getByText('The mapping is saved.')).toBeVisible();
	await page.getByRole('link', { name: 'Next: options' }).click();

	await expect(page.getByRole('heading', { name: 'Options and filters' })).toBeVisible();
	await page.getByRole('button', { name: 'Save and go on to the demo' }).click();
	await expect(page).toHaveURL(/\/run$/);
	await page.getByRole('button', { name: 'Run the demo (20 tickets)' }).click();
	await expect(page.getByRole('button', { name: 'Run the demo again' })).toBeVisible({ timeout: 600_000 });
	await expect(page.getByRole('alert')).toHaveCount(0);

	await page.getByRole('link', { name: 'Go to the checklist for the full migration' }).click();
	await expect(page.getByRole('heading', { name: 'Checklist before the full migration' })).toBeVisible();
	const triggers = page.getByTestId('triggers');
	await triggers.getByRole('button', { name: 'Turn all triggers off' }).click();
	await expect(triggers).toContainText('No trigger is enabled in Kayako.');
	await allowUnsafeHtmlInArticles();
	const articles = page.locator('[data-item="articles"]');
	await articles.getByRole('button', { name: 'Check again' }).click();
	await expect(articles).toHaveAttribute('data-met', 'true');
	await page.getByLabel('Day of the full migration').fill('2027-03-01');
	await page.getByLabel('I told the team the date').check();
	await page.getByLabel('Every agent has confirmed the activation e-mail').check();
	await page.getByLabel('I checked the demo tickets in Kayako').check();
	await page.getByRole('button', { name: 'Start the full migration' }).click();
	await expect(page).toHaveURL(/\/run\?step=full$/);
	await expect(page.getByTestId('progress')).toBeVisible({ timeout: 60_000 });
	return runUrl;
}

/** The delta button shows once the full run has finished. */
export const fullRunFinished = (page: Page) => page.getByRole('button', { name: 'Run a delta (what changed since)' });

/**
 * On the run page of a run that stopped (a closed tab, a dead engine): it says so, the user logs in again on the
 * connect step and resumes. Returns false when the run had finished before it could be stopped.
 */
export async function resumeAsAUser(page: Page, runUrl: string): Promise<boolean> {
	if (!page.url().startsWith(runUrl)) await page.goto(runUrl);
	const interrupted = page.getByTestId('interrupted');
	await expect(interrupted.or(fullRunFinished(page)).first()).toBeVisible({ timeout: 60_000 });
	if (await fullRunFinished(page).isVisible()) return false;
	await expect(interrupted).toContainText('stopped before it finished');
	await interrupted.getByRole('link', { name: /connect step/ }).click();
	await connectBoth(page);
	await goToStep(page, /Demo/);
	await page.getByTestId('interrupted').getByRole('button', { name: 'Resume where it stopped' }).click();
	await expect(page.getByTestId('progress').or(fullRunFinished(page)).first()).toBeVisible({ timeout: 60_000 });
	// Resumed, the run is no longer reported as stopped.
	await expect(page.getByTestId('interrupted')).toHaveCount(0);
	return true;
}
