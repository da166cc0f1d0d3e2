// What the crash suite does to a running migration: a seeded plan of closed tabs, one killed engine worker and one minute offline, each at a point of the run's progress.
import type { Page } from '@playwright/test';
import { seededRandom } from '../../../server/sandbox/common/rng';

export type Interruption = 'close' | 'kill-worker' | 'offline';

export interface PlannedInterruption {
	kind: Interruption;
	/** The share of the run's records in Kayako (0..1) at which it lands. */
	at: number;
}

/**
 * `closes` closed tabs, one killed worker and one minute offline, shuffled, one in each of as many equal stretches of
 * 3 %..75 % of the run, at a random point in the stretch's first half. Progress moves a batch at a time (200 tickets,
 * about 7 % of the default run) and a resumed run shows it again only after its first batch, so interruptions bunched
 * near the end could not all land before the run finished; spread out, each lands in its turn.
 */
export function planInterruptions(seed: number, closes: number): PlannedInterruption[] {
	const random = seededRandom(seed);
	const kinds: Interruption[] = [...Array<Interruption>(closes).fill('close'), 'kill-worker', 'offline'];
	for (let index = kinds.length - 1; index > 0; index--) {
		const other = Math.floor(random() * (index + 1));
		[kinds[index], kinds[other]] = [kinds[other]!, kinds[index]!];
	}
	const stretch = 0.72 / kinds.length;
	const points = kinds.map((_, index) => 0.03 + stretch * (index + random() * 0.5));
	return kinds.map((kind, index) => ({ kind, at: Math.round(points[index]! * 1000) / 1000 }));
}

/**
 * Ends the engine's dedicated worker from outside, as a crash of its thread would, with no hook in the app: Chromium
 * will not close a worker's target (Target.closeTarget: "doesn't support closing"), so the DevTools protocol runs
 * `close()` in the worker's own scope, which ends its event loop there and then: no message, no cleanup.
 */
export async function killEngineWorker(page: Page): Promise<string> {
	const workers = page.workers();
	if (workers.length !== 1) throw new Error(`Expected one engine worker in the page, found ${workers.length}: ${workers.map((worker) => worker.url()).join(', ')}`);
	const worker = workers[0]!;
	const gone = new Promise<void>((resolve) => worker.once('close', () => resolve()));
	// The evaluation may never answer: the worker dies while it runs.
	void worker.evaluate('self.close()').catch(() => undefined);
	await gone;
	return worker.url();
}
