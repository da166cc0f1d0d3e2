// The headless runner's store alone, for its memory: writes what a full run writes per ticket (id-map rows for the
// ticket and its requester, a bulk job, checkpoints) for N tickets, then prints the live heap after a forced GC.
// node --expose-gc --import tsx tests/bench/runner-store-heap.ts --store level|journal --tickets 10000 [--reports]
// --reports: then writes the runner's reports (CSV and .xlsx per status) and prints the heap's and RSS's peak while it does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MigrationStore } from '../../src/lib/engine/store';
import { openJournalStore } from '../../server/runner/journal-store';
import { openLevelStore } from '../../server/runner/level-store';
import { writeReports } from '../../server/runner/reports';

const flag = (name: string, fallback: string) => {
	const at = process.argv.indexOf(`--${name}`);
	return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
};
const gcNow = (): void => (globalThis as { gc?: () => void }).gc?.();
const heapMb = () => {
	gcNow();
	return process.memoryUsage().heapUsed / 2 ** 20;
};

async function main(): Promise<void> {
	const kind = flag('store', 'level');
	const tickets = Number(flag('tickets', '1000'));
	const dir = mkdtempSync(join(tmpdir(), 'runner-store-heap-'));
	const empty = heapMb();
	const store: MigrationStore = kind === 'journal' ? await openJournalStore(dir) : await openLevelStore(dir);
	try {
		const migration = await store.createMigration({ name: 'Heap', source: { platform: 'zendesk', url: 'https://acme.zendesk.com' }, target: { url: 'https://acme.kayako.com', email: 'a@acme.test' }, proxyUrl: '' });
		const run = await store.createRun({ migrationId: migration.id, kind: 'full' });
		const started = performance.now();
		const BATCH = 200;
		for (let first = 0; first < tickets; first += BATCH) {
			const ids = Array.from({ length: Math.min(BATCH, tickets - first) }, (_, index) => first + index);
			const users = ids.filter((id) => id % 2 === 0).map((id) => ({ migrationId: migration.id, entity: 'users', sourceId: `u${id}`, label: `Customer ${id} <c${id}@acme.test>` }));
			await store.markPending(run.id, users);
			await store.markMigrated(run.id, users.map((user, index) => ({ ...user, kayakoId: 100_000 + first + index, contentHash: `uh${first + index}` })));
			const keys = ids.map((id) => ({ migrationId: migration.id, entity: 'tickets', sourceId: String(id), label: `Printer on floor ${id} does not print in colour any more` }));
			await store.markPending(run.id, keys);
			await store.markJobAccepted(run.id, keys, first);
			await store.markMigrated(run.id, keys.map((key, index) => ({ ...key, kayakoId: 500_000 + first + index, contentHash: `th${first + index}`, parts: [`${first + index}01`, `${first + index}02`, `${first + index}03`, `${first + index}04`] })));
			await store.putCheckpoint(migration.id, 'zendesk:tickets', { runId: run.id, after: String(first + BATCH), done: false });
		}
		const seconds = (performance.now() - started) / 1000;
		const rows = await store.countIdMap({ by: 'migration', migrationId: migration.id });
		const live = heapMb();
		console.log(`store ${kind}, ${tickets} tickets, ${rows} id-map rows: live heap after GC ${live.toFixed(1)} MB (${(live - empty).toFixed(1)} MB above the empty process), peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, ${seconds.toFixed(1)} s`);
		if (process.argv.includes('--reports')) {
			let peakHeap = 0;
			const watch = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed / 2 ** 20)), 20);
			const reportsStarted = performance.now();
			await writeReports(store, { id: migration.id, source: migration.source, target: migration.target }, join(dir, 'reports'));
			clearInterval(watch);
			console.log(`reports: heap peak (sampled) ${peakHeap.toFixed(0)} MB, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, ${((performance.now() - reportsStarted) / 1000).toFixed(1)} s`);
		}
	} finally {
		if ('closed' in store) await (store as Awaited<ReturnType<typeof openLevelStore>>).closed();
		else store.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
