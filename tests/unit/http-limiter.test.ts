import { describe, expect, it } from 'vitest';
import { HostLimiter, type Permit, type ThrottleEvent } from '../../src/lib/engine/http';
import { ManualClock, settle } from './http-manual-clock';

/** An acquire whose grant the test can observe without awaiting it. */
function track(promise: Promise<Permit>): { granted: () => boolean; permit: Promise<Permit> } {
	let granted = false;
	void promise.then(
		() => (granted = true),
		() => undefined
	);
	return { granted: () => granted, permit: promise };
}

/** Acquires `count` permits one after another, letting the clock run to each grant; returns the clock time of each start. */
async function startTimes(limiter: HostLimiter, clock: ManualClock, count: number): Promise<number[]> {
	const times: number[] = [];
	for (let index = 0; index < count; index++) {
		const pending = track(limiter.acquire());
		await settle();
		while (!pending.granted()) {
			const next = clock.pendingSleeps()[0];
			if (next === undefined) throw new Error('the limiter neither granted nor slept');
			await clock.advance(next);
		}
		times.push(clock.now());
		(await pending.permit).release('success');
	}
	return times;
}

describe('the per-host limiter', () => {
	it('halves its concurrency on an overload answer and lets fewer requests through', async () => {
		const clock = new ManualClock();
		const limiter = new HostLimiter({ host: 'acme.kayako.com', clock, initialConcurrency: 4 });
		const first = await Promise.all([1, 2, 3, 4].map(() => limiter.acquire()));
		const fifth = track(limiter.acquire());
		await settle();
		expect(fifth.granted()).toBe(false);

		first[0]?.release('overloaded');
		await settle();
		expect(limiter.concurrency).toBe(2);
		// Three still on the wire, and only two allowed now.
		expect(fifth.granted()).toBe(false);
		first[1]?.release('neutral');
		await settle();
		expect(fifth.granted()).toBe(false);
		first[2]?.release('neutral');
		await settle();
		expect(fifth.granted()).toBe(true);
	});

	it('halves once for a burst of 429s sent together, not once per answer', async () => {
		const clock = new ManualClock();
		const limiter = new HostLimiter({ host: 'h', clock, initialConcurrency: 4 });
		const permits = await Promise.all([1, 2, 3, 4].map(() => limiter.acquire()));
		for (const permit of permits) permit.release('overloaded');
		expect(limiter.concurrency).toBe(2);
	});

	it('never goes below one request at a time', async () => {
		const clock = new ManualClock();
		const limiter = new HostLimiter({ host: 'h', clock, initialConcurrency: 2 });
		for (let round = 0; round < 3; round++) (await limiter.acquire()).release('overloaded');
		expect(limiter.concurrency).toBe(1);
	});

	it('raises its concurrency by one after each round of successes while requests are waiting', async () => {
		const clock = new ManualClock();
		const limiter = new HostLimiter({ host: 'h', clock, initialConcurrency: 4, maxConcurrency: 5 });
		(await limiter.acquire()).release('overloaded');
		expect(limiter.concurrency).toBe(2);

		const waiting = Array.from({ length: 20 }, () => limiter.acquire());
		const seen: number[] = [];
		for (const next of waiting) {
			(await next).release('success');
			seen.push(limiter.concurrency);
		}
		// Two successes at 2, three at 3, four at 4; then the maximum holds.
		expect(seen.slice(0, 10)).toEqual([2, 3, 3, 3, 4, 4, 4, 4, 5, 5]);
		expect(Math.max(...seen)).toBe(5);
	});

	it('does not grow while requests come one at a time, since more slots would not be used', async () => {
		const clock = new ManualClock();
		const limiter = new HostLimiter({ host: 'h', clock, initialConcurrency: 2 });
		for (let round = 0; round < 10; round++) (await limiter.acquire()).release('success');
		expect(limiter.concurrency).toBe(2);
	});

	it('holds every request for exactly the time Retry-After asked', async () => {
		const clock = new ManualClock();
		const events: ThrottleEvent[] = [];
		const limiter = new HostLimiter({ host: 'acme.kayako.com', clock, onThrottle: (event) => events.push(event) });
		limiter.pause(clock.now() + 3_000, 'retry-after');
		const waiting = track(limiter.acquire());
		await settle();
		expect(clock.pendingSleeps()).toEqual([3_000]);
		await clock.advance(2_999);
		expect(waiting.granted()).toBe(false);
		await clock.advance(1);
		expect(waiting.granted()).toBe(true);
		expect(events).toEqual([{ host: 'acme.kayako.com', waitMs: 3_000, reason: 'retry-after' }]);
		expect(limiter.stats().waitedMs).toBe(3_000);
	});

	it('spreads the last requests of a window over the time left instead of sending them in a burst', async () => {
		const clock = new ManualClock();
		const events: ThrottleEvent[] = [];
		const limiter = new HostLimiter({ host: 'h', clock, onThrottle: (event) => events.push(event) });
		(await limiter.acquire()).release('success', { limit: 100, remaining: 10, resetAt: clock.now() + 10_000 });

		const times = await startTimes(limiter, clock, 11);
		// Ten requests left over ten seconds: one a second; the eleventh goes once the window has reset.
		expect(times).toEqual([1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 9_000, 10_000, 10_000]);
		// The page is told the limit in force with the wait, so it can say why the run slows down.
		expect(events[0]).toEqual({ host: 'h', waitMs: 1_000, reason: 'rate-limit-headers', limit: 100 });
		expect(limiter.stats()).toMatchObject({ limit: 100 });
	});

	it('sends at full speed while plenty of the window is left', async () => {
		const clock = new ManualClock();
		const limiter = new HostLimiter({ host: 'h', clock });
		(await limiter.acquire()).release('success', { limit: 100, remaining: 90, resetAt: clock.now() + 10_000 });
		expect(await startTimes(limiter, clock, 5)).toEqual([0, 0, 0, 0, 0]);
	});

	it('waits for the reset when the headers say nothing is left', async () => {
		const clock = new ManualClock();
		const limiter = new HostLimiter({ host: 'h', clock });
		(await limiter.acquire()).release('success', { limit: 400, remaining: 0, resetAt: clock.now() + 12_000 });
		expect(await startTimes(limiter, clock, 2)).toEqual([12_000, 12_000]);
	});

	it('never exceeds a configured ceiling of requests per minute', async () => {
		const clock = new ManualClock();
		const limiter = new HostLimiter({ host: 'h', clock, requestsPerMinute: 120 });
		const times = await startTimes(limiter, clock, 5);
		expect(times).toEqual([0, 500, 1_000, 1_500, 2_000]);
		expect(limiter.stats()).toMatchObject({ requestsPerMinute: 120, requests: 5, waitedMs: 2_000 });
	});

	it('lets a caller leave the queue, and its place is not lost to the others', async () => {
		const clock = new ManualClock();
		const limiter = new HostLimiter({ host: 'h', clock, initialConcurrency: 1 });
		const holder = await limiter.acquire();
		const controller = new AbortController();
		const leaving = limiter.acquire(controller.signal);
		const staying = track(limiter.acquire());
		controller.abort(new Error('stop'));
		await expect(leaving).rejects.toThrow('stop');
		holder.release('success');
		await settle();
		expect(staying.granted()).toBe(true);
		expect(limiter.stats()).toMatchObject({ inFlight: 1, queued: 0 });
	});
});
