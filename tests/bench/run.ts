// npm run bench: a full Zendesk → Kayako migration with the sandboxes and proxy in their own process; prints figures and writes bench/results/*.json, asserts nothing.
// Flags: --tickets 100|1000|10000|100000 (default 100), --latency 0|100|300 (ms added to each request), --limits none|realistic,
// --attachment-scale 0..1 (attachment sizes multiplied, default 1; the same files with fewer bytes for large runs),
// --store memory|level (the browser's store on fake-indexeddb, default, or the headless runner's LevelDB store in a temporary folder),
// --heap-snapshot (V8 heap snapshots at half the tickets and at the end, into bench/results/, to compare what grows).
// Live heap after GC and RSS are sampled at each tenth of the tickets and printed as one line each; the highest RSS of each phase too.
import 'fake-indexeddb/auto';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZENDESK_SANDBOX_CREDENTIALS } from '../../server/sandbox/zendesk/credentials';
import { KAYAKO_SANDBOX_CREDENTIALS } from '../../server/sandbox/kayako/credentials';
import { openConnectors } from '../../src/lib/engine/connectors/factory';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { resultsTable } from '../../src/lib/engine/reports/report';
import { openStore } from '../../src/lib/engine/store';
import { openLevelStore } from '../../server/runner/level-store';
import { HeapSampler, sampleLines } from './heap-samples';
import { PhasePeaks, phasePeaksLine } from './phase-peaks';
import { RequestMeter } from './meter';
import type { SandboxAddresses, SandboxCounts, SandboxRequest } from './sandboxes';
import { baseline, bindingCeiling, printable, sideFigures, type BenchResult, type BenchSettings } from './summary';

/** Kayako publishes no numbers (its sandbox defaults to 600/min); Zendesk Enterprise allows 700/min account-wide. */
const REALISTIC = { kayako: 600, zendesk: 700 };
const UNLIMITED = 1_000_000;

function settingsFromArgs(argv: string[]): BenchSettings {
	const flag = (name: string, fallback: string) => {
		const at = argv.indexOf(`--${name}`);
		return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1]! : fallback;
	};
	const tickets = Number(flag('tickets', process.env.BENCH_TICKETS ?? '100'));
	const latencyMs = Number(flag('latency', '0'));
	const limits = flag('limits', 'none') === 'realistic' ? 'realistic' : 'none';
	const attachmentScale = Number(flag('attachment-scale', '1'));
	if (!Number.isInteger(tickets) || tickets < 1 || !Number.isFinite(latencyMs) || latencyMs < 0 || !(attachmentScale >= 0 && attachmentScale <= 1)) {
		throw new Error('Usage: npm run bench -- --tickets 1000 --latency 100 --limits realistic [--attachment-scale 0.01] [--store level]');
	}
	return { tickets, latencyMs, limits, kayakoLimit: limits === 'realistic' ? REALISTIC.kayako : UNLIMITED, zendeskLimit: limits === 'realistic' ? REALISTIC.zendesk : UNLIMITED, attachmentScale };
}

function ask<T>(child: ChildProcess, key: string, message: unknown): Promise<T> {
	return new Promise((resolve, reject) => {
		const answer = (reply: Record<string, unknown>) => {
			if (!(key in reply)) return;
			child.off('message', answer);
			resolve(reply[key] as T);
		};
		child.on('message', answer);
		child.once('exit', (code) => reject(new Error(`The sandboxes' process ended (code ${code}).`)));
		child.send(message as object);
	});
}

const gcNow = (): void => (globalThis as { gc?: () => void }).gc?.();

async function main(): Promise<void> {
	const settings = settingsFromArgs(process.argv.slice(2));
	const storeAt = process.argv.indexOf('--store');
	const levelDir = storeAt >= 0 && process.argv[storeAt + 1] === 'level' ? mkdtempSync(join(tmpdir(), 'bench-level-')) : undefined;
	console.log(`store: ${levelDir ? `the runner's LevelDB store in ${levelDir}` : "the browser's store on fake-indexeddb"}`);
	// The sandboxes hold every generated ticket and everything Kayako was sent: at 100,000 tickets more than Node's default heap.
	const child = fork(fileURLToPath(new URL('./sandboxes.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx', '--max-old-space-size=8192'], stdio: 'inherit' });
	const folder = fileURLToPath(new URL('../../bench/results/', import.meta.url));
	mkdirSync(folder, { recursive: true });
	try {
		const request: SandboxRequest = { tickets: settings.tickets, latencyMs: settings.latencyMs, kayakoLimit: settings.kayakoLimit, zendeskLimit: settings.zendeskLimit, attachmentScale: settings.attachmentScale };
		const addresses = await ask<SandboxAddresses>(child, 'addresses', request);
		const before = await ask<SandboxCounts>(child, 'counts', { want: 'state' });
		const meter = new RequestMeter(addresses.proxyUrl);

		const store = levelDir ? await openLevelStore(levelDir) : await openStore({ name: 'bench', indexedDB: new IDBFactory() });
		const migration = await store.createMigration({
			name: 'Bench',
			source: { platform: 'zendesk', url: addresses.zendeskUrl, email: ZENDESK_SANDBOX_CREDENTIALS.email, authMethod: 'api-token' },
			target: { url: addresses.kayakoUrl, email: KAYAKO_SANDBOX_CREDENTIALS.admin.email },
			proxyUrl: addresses.proxyUrl
		});
		const connectors = await openConnectors(
			migration,
			{
				source: { kind: 'api-token', email: ZENDESK_SANDBOX_CREDENTIALS.email, token: ZENDESK_SANDBOX_CREDENTIALS.apiToken },
				kayako: { kind: 'password', email: KAYAKO_SANDBOX_CREDENTIALS.admin.email, password: KAYAKO_SANDBOX_CREDENTIALS.admin.password }
			},
			meter.fetch
		);

		const sampler = new HeapSampler(settings.tickets, gcNow, process.argv.includes('--heap-snapshot'), folder);
		const peaks = new PhasePeaks();
		gcNow();
		const cpuBefore = process.cpuUsage();
		const started = performance.now();
		const onProgress: typeof sampler.onProgress = (report) => {
			sampler.onProgress(report);
			peaks.phase(report.phase);
		};
		const run = await executeRun({ store, source: connectors.source, target: connectors.target, migrationId: migration.id, kind: 'full', options: { entities: ['teams', 'fields', 'organizations', 'users', 'tickets'], defaultAgentId: undefined }, onProgress });
		const seconds = (performance.now() - started) / 1000;
		const cpu = process.cpuUsage(cpuBefore);
		const liveHeapMb = sampler.sample(settings.tickets).heapMb;
		if (sampler.snapshots.length > 0) sampler.snapshot('end');

		peaks.phase('results');
		const table = await resultsTable(store, migration.id);
		const peakRssByPhase = peaks.stop();
		const tickets = table.tickets?.migrated ?? 0;
		const records = Object.values(table).reduce((sum, each) => sum + (each?.total ?? 0), 0);
		const after = await ask<SandboxCounts>(child, 'counts', { want: 'state' });
		const added = Object.fromEntries(Object.entries(after).map(([key, value]) => [key, value - before[key as keyof SandboxCounts]])) as unknown as SandboxCounts;
		const ticketsPerHour = (tickets / seconds) * 3600;
		const hostOf = (url: string) => meter.hosts.get(new URL(url).host);
		const limited = settings.limits === 'realistic';
		const kayako = sideFigures(meter, hostOf(addresses.kayakoUrl), tickets, limited ? settings.kayakoLimit : null);
		const zendesk = sideFigures(meter, hostOf(addresses.zendeskUrl), tickets, limited ? settings.zendeskLimit : null);
		const cpuMs = (cpu.user + cpu.system) / 1000;
		const result: BenchResult = {
			settings,
			at: new Date().toISOString(),
			state: run.state,
			seconds,
			tickets,
			records,
			ticketsPerHour,
			kayako,
			zendesk,
			binding: bindingCeiling(kayako, zendesk, ticketsPerHour),
			engine: { cpuMsPerRecord: cpuMs / Math.max(1, records), cpuMsPerTicket: cpuMs / Math.max(1, tickets), liveHeapMb, peakRssMb: process.resourceUsage().maxRSS / 1024, peakRssByPhase, heapSamples: sampler.samples },
			baseline: baseline(added, tickets, kayako, zendesk, ticketsPerHour)
		};
		console.log([printable(result), '', ...sampleLines(sampler.samples), ...phasePeaksLine(peakRssByPhase), ...sampler.snapshots.map((file) => `heap snapshot: ${file}`)].join('\n'));
		const file = `${folder}${result.at.replace(/[:.]/g, '-')}-${settings.tickets}t-${settings.latencyMs}ms-${settings.limits}${settings.attachmentScale === 1 ? '' : `-files${settings.attachmentScale}`}.json`;
		writeFileSync(file, `${JSON.stringify(result, null, '\t')}\n`);
		console.log(`\nwritten to ${file}`);
	} finally {
		child.kill();
		if (levelDir) rmSync(levelDir, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
