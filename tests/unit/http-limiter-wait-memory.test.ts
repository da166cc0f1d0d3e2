// The limiter's waits keep nothing once they are over: a run waits thousands of times on one long-lived signal
// (the run's), and each wait that a request coming back woke early once left about 3 KB behind for the rest of the run.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { HostLimiter, systemClock, type Clock } from '../../src/lib/engine/http';


setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const liveHeap = (): number => {
	gc();
	return process.memoryUsage().heapUsed;
};

describe("the limiter's waits", () => {
	it('hold no memory once over, however many a run has', async () => {
		// The engine's own sleep (its timers are cleared when a wait is woken early, so nothing here waits for real), on a time the test moves.
		let now = 0;
		const clock: Clock = { now: () => now, sleep: systemClock.sleep };
		// A ceiling of 60 a minute: each request waits a second after the one before.
		const limiter = new HostLimiter({ host: 'acme.kayako.com', clock, requestsPerMinute: 60 });
		const run = new AbortController();
		let onWire = await limiter.acquire(run.signal);
		const cycle = async (): Promise<void> => {
			const next = limiter.acquire(run.signal);
			// Within the same turn of the event loop as the wait began, as when answers come back quickly.
			for (let tick = 0; tick < 20; tick++) await Promise.resolve();
			// Its second has passed and the request on the wire comes back: the waiting one is woken, looks again and goes.
			now += 1000;
			onWire.release('success');
			onWire = await next;
		};
		for (let warm = 0; warm < 200; warm++) await cycle();
		const before = liveHeap();
		const waits = 3000;
		for (let each = 0; each < waits; each++) await cycle();
		const perWait = (liveHeap() - before) / waits;
		expect(perWait).toBeLessThan(300);
		onWire.release('success');
	});
});
