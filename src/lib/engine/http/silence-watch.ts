// A request's timeout as one timer that waits for silence: each piece of a body moves the deadline, it does not restart a timer.
import type { Clock } from './clock';

/** Why the watch's own sleep ends when the request is over: a plain value, so ending it builds no DOMException and no stack. */
const OVER = Symbol('request over');

export interface SilenceWatch {
	/** Something arrived: the deadline is now `timeoutMs` from this moment. */
	heard(): void;
	/** The request is over, however it ended: the timer goes. */
	stop(): void;
}

/**
 * Calls `onSilence` once nothing has been heard for `timeoutMs`. A download's body comes in thousands of pieces; a timer
 * restarted at each (an AbortController, an abort event, a DOMException and a new timeout per piece) cost more CPU than
 * reading the bytes. So a piece only notes the time, and the one sleep, when it wakes, sleeps again for what is left.
 */
export function watchSilence(clock: Clock, timeoutMs: number, onSilence: () => void): SilenceWatch {
	let lastHeard = clock.now();
	const over = new AbortController();
	const watch = async (): Promise<void> => {
		let wait = timeoutMs;
		for (;;) {
			await clock.sleep(wait, over.signal);
			if (over.signal.aborted) return;
			const silent = clock.now() - lastHeard;
			if (silent >= timeoutMs) break;
			wait = timeoutMs - silent;
		}
		onSilence();
	};
	watch().catch(() => undefined);
	return {
		heard: () => {
			lastHeard = clock.now();
		},
		stop: () => over.abort(OVER)
	};
}
