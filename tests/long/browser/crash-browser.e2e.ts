// The crash suite in the browser: a full run of CRASH_TICKETS tickets (default 2,000), its tab closed at CRASH_CLOSES seeded moments (default 10),
// its engine worker killed once and the browser offline for a minute; afterwards the audit compares source, Kayako and the downloaded reports.
import { expect, test, type Page } from '@playwright/test';
import { writeSummary } from '../../audit/summary';
import { sandboxZendesk } from '../../e2e/sandbox-zendesk';
import { sandboxKayako } from '../../e2e/sandboxes';
import { auditBrowserRun, migratedSoFar } from './crash-audit';
import { killEngineWorker, planInterruptions, type PlannedInterruption } from './interruptions';
import { fullRunFinished, openTab, resumeAsAUser, startFullRun } from './wizard';

const TICKETS = Number(process.env.CRASH_TICKETS) || 2_000;
const CLOSES = Number(process.env.CRASH_CLOSES) || 10;
// Drawn once by the config, so the runner and its worker process agree on it.
const SEED = Number(process.env.CRASH_SEED);
const OFFLINE_MS = Number(process.env.CRASH_OFFLINE_MS) || 60_000;

/** Waits until the run has put this many records into Kayako; false when it finished first. */
async function progressReaches(page: Page, records: number): Promise<boolean> {
	for (;;) {
		if (migratedSoFar(await sandboxKayako.state()) >= records) return true;
		if (await fullRunFinished(page).isVisible()) return false;
		await page.waitForTimeout(1_000);
	}
}

test('a full run in the browser survives closed tabs, a killed engine and a minute offline, and the audit finds nothing twice and nothing lost', async ({ context }) => {
	const plan = planInterruptions(SEED, CLOSES);
	console.log(`Crash suite: ${TICKETS} tickets, seed ${SEED} (CRASH_SEED=${SEED} repeats it), plan: ${plan.map((each) => `${each.kind}@${each.at}`).join(', ')}`);
	await sandboxKayako.reset();
	await sandboxZendesk.reset();
	// The suite is about interruptions, not rate limits: a generous limit keeps a 2,000-ticket run within the hour.
	await sandboxKayako.setRateLimit(6_000);
	const before = await sandboxKayako.state();
	// The sandbox's state says more than the e2e helper's type: its people and organisations too.
	const counts = (await sandboxZendesk.state()).counts as { tickets: number; organizations: number; agents: number; endUsers: number };
	const expected = counts.organizations + counts.agents + counts.endUsers + counts.tickets;

	let page = await openTab(context);
	const runUrl = await startFullRun(page, `Crash suite, seed ${SEED}`);
	let starts = 1;
	const done: PlannedInterruption[] = [];
	const alerts: string[] = [];

	let reached = 0;
	for (const step of plan) {
		// Each interruption lands at its share of the run, and never before the resumed run has moved at least one more record.
		if (!(await progressReaches(page, Math.max(Math.ceil(step.at * expected), reached + 1)))) break;
		reached = migratedSoFar(await sandboxKayako.state());
		console.log(`${step.kind} at ${reached} of about ${expected} records`);
		if (step.kind === 'close') {
			await page.close();
			page = await openTab(context);
			if (await resumeAsAUser(page, runUrl)) starts += 1;
		} else if (step.kind === 'kill-worker') {
			await killEngineWorker(page);
			// The page notices its engine is gone and says the run stopped, without a reload; nothing shows it as running any more.
			await expect(page.getByTestId('interrupted')).toContainText('stopped before it finished', { timeout: 60_000 });
			await expect(page.getByTestId('progress')).toHaveCount(0);
			if (await resumeAsAUser(page, runUrl)) starts += 1;
		} else {
			await context.setOffline(true);
			await expect(page.getByTestId('offline')).toBeVisible({ timeout: 30_000 });
			await page.waitForTimeout(OFFLINE_MS);
			const whileOffline = migratedSoFar(await sandboxKayako.state());
			await context.setOffline(false);
			await expect(page.getByTestId('offline')).toHaveCount(0, { timeout: 30_000 });
			// The same run goes on by itself: no resume, no error.
			await expect.poll(async () => migratedSoFar(await sandboxKayako.state()) > whileOffline || (await fullRunFinished(page).isVisible()), { timeout: 300_000, intervals: [1_000] }).toBe(true);
			await expect(page.getByTestId('interrupted')).toHaveCount(0);
		}
		const alert = page.getByRole('alert');
		if (await alert.count()) alerts.push(`after ${step.kind}: ${await alert.first().innerText()}`);
		done.push(step);
	}

	await expect(fullRunFinished(page)).toBeVisible({ timeout: 4 * 3_600_000 });
	await expect(page.getByTestId('progress')).toHaveCount(0);
	if (await page.getByRole('alert').count()) alerts.push(`at the end: ${await page.getByRole('alert').first().innerText()}`);

	const audit = await auditBrowserRun(page, before);
	const closes = done.filter((each) => each.kind === 'close').length;
	const killed = done.filter((each) => each.kind === 'kill-worker').length;
	const offline = done.filter((each) => each.kind === 'offline').length;
	writeSummary(`crash-browser-${TICKETS}`, {
		suite: 'crash suite (browser)',
		scenario: `full run in Chromium, ${TICKETS} tickets, ${closes} closed tabs, ${killed} killed engine worker, ${offline ? `${Math.round(OFFLINE_MS / 1000)} s offline` : 'never offline'}, seed ${SEED}`,
		tickets: TICKETS,
		crashes: closes + killed,
		starts,
		errors: alerts.length,
		finished: true,
		faults: offline > 0 ? { [`offline for ${Math.round(OFFLINE_MS / 1000)} s`]: offline } : {},
		audit: { duplicates: audit.counts.duplicates, lost: audit.counts.lost, wrong: audit.counts.wrong, misreported: audit.counts.misreported, accountedFor: audit.counts.accountedFor },
		findings: [...alerts, ...audit.findings.slice(0, 12).map((finding) => `${finding.kind}: ${finding.record}: ${finding.message}`)]
	});
	console.log(`Interruptions that landed: ${done.map((each) => each.kind).join(', ')}; audit: ${JSON.stringify(audit.counts)}`);
	expect(done.length, 'every planned interruption landed before the run finished').toBe(plan.length);
	expect(alerts, 'errors the page showed').toEqual([]);
	expect(audit.findings).toEqual([]);
});
