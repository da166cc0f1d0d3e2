// A request's timeout as one timer that waits for silence: each piece of a body moves the deadline, it does not restart a timer.
import type { Clock } from './clock';

/** Why a sleep-served timer ends when the request is over: a plain value, so ending it builds no DOMException and no stack. */
const OVER = Symbol('request over');

export interface SilenceWatch {
	/** Something arrived: the deadline is now `timeoutMs` from this moment. */
	heard(): void;
	/** The request is over, however it ended: the timer goes. */
	stop(): void;
}

/** A timer that can be called off: the clock's own when it has one, else a sleep with a signal. */
function timer(clock: Clock, ms: number, fire: () => void): () => void {
	if (clock.after) return clock.after(ms, fire);
	const over = new AbortController();
	clock.sleep(ms, over.signal).then(fire, () => undefined);
	return () => over.abort(OVER);
}

/**
 * Calls `onSilence` once nothing has been heard for `timeoutMs`. A download's body comes in thousands of pieces; a timer
 * restarted at each (an AbortController, an abort event, a DOMException and a new timeout per piece) cost more CPU than
 * reading the bytes. So a piece only notes the time, and the one timer, when it fires, waits again for what is left.
 */
export function watchSilence(clock: Clock, timeoutMs: number, onSilence: () => void): SilenceWatch {
	let lastHeard = clock.now();
	let stopped = false;
	const look = (): void => {
		if (stopped) return;
		const silent = clock.now() - lastHeard;
		if (silent >= timeoutMs) onSilence();
		else cancel = timer(clock, timeoutMs - silent, look);
	};
	let cancel = timer(clock, timeoutMs, look);
	return {
		heard: () => {
			lastHeard = clock.now();
		},
		stop: () => {
			stopped = true;
			cancel();
		}
	};
}
