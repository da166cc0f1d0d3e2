// npm run bench:browser: a whole migration in Debian's Chromium, the way a user runs it (the wizard, then the full run),
// measuring what the Node bench cannot: the engine worker's heap and the page's, and main-thread tasks of 50 ms or more.
// Prints figures and writes bench/results/<time>-browser-<tickets>t.json; asserts nothing.
// Flags: --tickets N (default 2000: the sandbox Zendesk's size), --limits realistic|none (Kayako's 600/min, the sandbox's
// default, or none), --port-base P (default 4490: app P, proxy P+1, Kayako P+2, Zendesk P+3).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { BrowserHeaps, type HeapReading } from './browser-heaps';
import { LongTasks, longTaskFigures } from './browser-long-tasks';

const { values } = parseArgs({ options: { tickets: { type: 'string', default: '2000' }, limits: { type: 'string', default: 'realistic' }, 'port-base': { type: 'string', default: '4490' } } });
const TICKETS = Number(values.tickets);
const BASE = Number(values['port-base']);
// The e2e helpers read their ports from here when they are first imported (below).
process.env.E2E_PORT_BASE = String(BASE);
const root = fileURLToPath(new URL('../../', import.meta.url));

/** `npm start`'s own script on the bench's ports; resolves once the app answers. */
async function startServers(): Promise<ChildProcess> {
	const child = spawn(
		process.execPath,
		['--import', 'tsx', 'server/start.ts', '--app-port', String(BASE), '--proxy-port', String(BASE + 1), '--kayako-port', String(BASE + 2), '--zendesk-port', String(BASE + 3), '--zendesk-tickets', String(TICKETS)],
		{ cwd: root, stdio: ['ignore', 'ignore', 'inherit'] }
	);
	for (const deadline = Date.now() + 600_000; Date.now() < deadline; ) {
		if (child.exitCode !== null) throw new Error(`server/start.ts ended (code ${child.exitCode}) before the app answered.`);
		if (await fetch(`http://127.0.0.1:${BASE}/`).then((response) => response.ok, () => false)) return child;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	child.kill();
	throw new Error('The app did not answer within ten minutes.');
}

interface Sample extends HeapReading {
	/** Records in Kayako (organisations, users, cases) when taken. */
	records: number;
	atS: number;
}

async function main(): Promise<void> {
	if (!Number.isInteger(TICKETS) || TICKETS < 1 || !Number.isInteger(BASE)) throw new Error('Usage: npm run bench:browser -- --tickets 2000 [--limits realistic|none] [--port-base 4490]');
	const { sandboxKayako } = await import('../e2e/sandboxes');
	const { sandboxZendesk } = await import('../e2e/sandbox-zendesk');
	const { fullRunFinished, openTab, startFullRun } = await import('../long/browser/wizard');
	const { migratedSoFar } = await import('../long/browser/crash-audit');

	const startedAt = Date.now();
	const servers = await startServers();
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'] });
	try {
		await sandboxKayako.reset();
		await sandboxZendesk.reset();
		if (values.limits === 'none') await sandboxKayako.setRateLimit(1_000_000);
		const counts = (await sandboxZendesk.state()).counts as { tickets: number; organizations: number; agents: number; endUsers: number };
		const expected = counts.organizations + counts.agents + counts.endUsers + counts.tickets;

		const context = await browser.newContext({ baseURL: `http://127.0.0.1:${BASE}` });
		const longTasks = new LongTasks(startedAt);
		await longTasks.watch(context);
		const page = await openTab(context);
		const wizardFrom = Date.now() - startedAt;
		await startFullRun(page, `Browser bench, ${TICKETS} tickets`);
		const runFrom = Date.now() - startedAt;
		console.log(`Full run started after ${Math.round(runFrom / 1000)} s (the wizard and the demo: ${Math.round((runFrom - wizardFrom) / 1000)} s); ${expected} records to move.`);

		const heaps = new BrowserHeaps(browser, page);
		await heaps.open();
		const samples: Sample[] = [];
		const afterGc: Sample[] = [];
		let nextTenth = 1;
		while (!(await fullRunFinished(page).isVisible())) {
			const records = migratedSoFar(await sandboxKayako.state());
			const atS = Math.round((Date.now() - startedAt - runFrom) / 1000);
			samples.push({ records, atS, ...(await heaps.read(false)) });
			if (records >= (nextTenth * expected) / 10) {
				const live = { records, atS, ...(await heaps.read(true)) };
				afterGc.push(live);
				console.log(`${Math.round((records / expected) * 100)} % (${records} records, ${atS} s): engine worker ${live.workerMb ?? '?'} MB live, page ${live.pageMb} MB live`);
				nextTenth = Math.floor((records * 10) / expected) + 1;
			}
			await page.waitForTimeout(2_000);
		}
		const runTo = Date.now() - startedAt;
		const end = { records: migratedSoFar(await sandboxKayako.state()), atS: Math.round((runTo - runFrom) / 1000), ...(await heaps.read(true)) };
		afterGc.push(end);

		const seconds = (runTo - runFrom) / 1000;
		const result = {
			tickets: TICKETS,
			limits: values.limits,
			records: end.records,
			fullRunSeconds: Math.round(seconds),
			ticketsPerHour: Math.round((TICKETS / seconds) * 3600),
			engineWorkerMb: { liveAtEachTenth: afterGc.map((sample) => sample.workerMb), peakUsed: Math.max(...samples.map((sample) => sample.workerMb ?? 0)) },
			pageMb: { liveAtEachTenth: afterGc.map((sample) => sample.pageMb), peakUsed: Math.max(...samples.map((sample) => sample.pageMb)) },
			longTasks: { wizardAndDemo: longTaskFigures(longTasks.between(wizardFrom, runFrom)), fullRun: longTaskFigures(longTasks.between(runFrom, runTo)) },
			samples,
			afterGc
		};
		console.log(`Full run: ${result.records} records in ${result.fullRunSeconds} s (${result.ticketsPerHour} tickets/hour, limits ${values.limits}).`);
		console.log(`Engine worker, live heap after GC at each tenth: ${result.engineWorkerMb.liveAtEachTenth.join(', ')} MB; highest used (sampled every 2 s): ${result.engineWorkerMb.peakUsed} MB.`);
		console.log(`Page, live heap after GC at each tenth: ${result.pageMb.liveAtEachTenth.join(', ')} MB; highest used: ${result.pageMb.peakUsed} MB.`);
		const run = result.longTasks.fullRun;
		const wizard = result.longTasks.wizardAndDemo;
		console.log(`Main-thread tasks ≥ 50 ms during the full run: ${run.count} (longest ${run.longestMs} ms, ${run.totalMs} ms in all); during the wizard and the demo: ${wizard.count} (longest ${wizard.longestMs} ms).`);
		const folder = fileURLToPath(new URL('../../bench/results/', import.meta.url));
		mkdirSync(folder, { recursive: true });
		const file = `${folder}${new Date().toISOString().replace(/[:.]/g, '-')}-browser-${TICKETS}t-${values.limits}.json`;
		writeFileSync(file, JSON.stringify(result, null, '\t'));
		console.log(`Written: ${file}`);
	} finally {
		await browser.close();
		servers.kill('SIGTERM');
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
