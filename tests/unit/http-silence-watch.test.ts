// A request's timeout waits for silence: each piece heard moves the deadline; a stopped watch never fires.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock, type Clock } from '../../src/lib/engine/http';
import { watchSilence } from '../../src/lib/engine/http/silence-watch';
import { ManualClock } from './http-manual-clock';

afterEach(() => {
	vi.useRealTimers();
});

/** The same story on the system clock (its own timer, under fake timers) and on a clock that only sleeps. */
const clocks: [string, () => { clock: Clock; advance: (ms: number) => Promise<void> }][] = [
	[
		'the system clock',
		() => {
			vi.useFakeTimers({ now: 0 });
			return { clock: systemClock, advance: async (ms) => void (await vi.advanceTimersByTimeAsync(ms)) };
		}
	],
	[
		'a clock that only sleeps',
		() => {
			const clock = new ManualClock();
			return { clock, advance: (ms) => clock.advance(ms) };
		}
	]
];

describe.each(clocks)('the silence watch on %s', (_name, make) => {
	it('fires once nothing was heard for the whole timeout, counted from the last piece', async () => {
		const { clock, advance } = make();
		let fired = 0;
		const watch = watchSilence(clock, 1_000, () => fired++);
		await advance(800);
		watch.heard();
		await advance(800);
		watch.heard();
		await advance(999);
		expect(fired).toBe(0);
		await advance(1);
		expect(fired).toBe(1);
		await advance(5_000);
		expect(fired).toBe(1);
	});

	it('never fires once stopped', async () => {
		const { clock, advance } = make();
		let fired = 0;
		const watch = watchSilence(clock, 1_000, () => fired++);
		await advance(500);
		watch.stop();
		await advance(5_000);
		expect(fired).toBe(0);
	});
});
