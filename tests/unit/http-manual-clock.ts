// A clock for tests: time stands still until the test advances it, and the test can see who is sleeping and for how long.
import type { Clock } from '../../src/lib/engine/http';

interface Timer {
	at: number;
	order: number;
	wake: () => void;
}

/** Lets promise callbacks and already-finished I/O callbacks run. */
export function settle(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

export class ManualClock implements Clock {
	#now: number;
	#timers: Timer[] = [];
	#order = 0;

	constructor(start = 0) {
		this.#now = start;
	}

	now(): number {
		return this.#now;
	}

	sleep(ms: number, signal?: AbortSignal): Promise<void> {
		return new Promise((resolve, reject) => {
			if (signal?.aborted) return reject(signal.reason);
			if (ms <= 0) return resolve();
			const onAbort = (): void => {
				this.#timers = this.#timers.filter((candidate) => candidate !== timer);
				reject(signal?.reason);
			};
			const timer: Timer = {
				at: this.#now + ms,
				order: this.#order++,
				wake: () => {
					signal?.removeEventListener('abort', onAbort);
					resolve();
				}
			};
			this.#timers.push(timer);
			signal?.addEventListener('abort', onAbort, { once: true });
		});
	}

	/** How long each pending sleep has left, soonest first. */
	pendingSleeps(): number[] {
		return this.#sorted().map((timer) => timer.at - this.#now);
	}

	/** Moves time forward, waking each sleeper in turn at its own moment. */
	async advance(ms: number): Promise<void> {
		const target = this.#now + ms;
		for (;;) {
			await settle();
			const next = this.#sorted()[0];
			if (!next || next.at > target) break;
			this.#timers = this.#timers.filter((timer) => timer !== next);
			this.#now = next.at;
			next.wake();
		}
		this.#now = target;
		await settle();
	}

	/** Waits (in real time, briefly) until someone sleeps exactly `ms`; real I/O may have to finish first. */
	async waitForSleep(ms: number): Promise<void> {
		await eventually(() => this.pendingSleeps().includes(ms), () => `a sleep of ${ms} ms; pending: [${this.pendingSleeps().join(', ')}]`);
	}

	#sorted(): Timer[] {
		return [...this.#timers].sort((a, b) => a.at - b.at || a.order - b.order);
	}
}

/** Polls `condition` on real timers for up to two seconds; for waiting on real sockets, never for measuring time. */
export async function eventually(condition: () => boolean, describe: () => string): Promise<void> {
	for (let tries = 0; tries < 400; tries++) {
		if (condition()) return;
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
	throw new Error(`Gave up waiting for ${describe()}`);
}
