// Time as the HTTP layer sees it: injected, so tests drive waits with a fake clock instead of real seconds.

export interface Clock {
	/** Milliseconds; the system clock counts from the epoch, a test clock from wherever it likes. */
	now(): number;
	/** Resolves after `ms`; rejects with the signal's reason as soon as `signal` aborts. */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
	/**
	 * Calls `fire` after `ms` unless the returned function is called first. Optional: a clock without it is served by
	 * `sleep` with a signal, which costs an AbortController, a promise and an abort event per timer (one per request).
	 */
	after?(ms: number, fire: () => void): () => void;
}

export const systemClock: Clock = {
	now: () => Date.now(),
	after(ms: number, fire: () => void): () => void {
		const timer = setTimeout(fire, Math.max(0, ms));
		return () => clearTimeout(timer);
	},
	sleep(ms: number, signal?: AbortSignal): Promise<void> {
		return new Promise((resolve, reject) => {
			if (signal?.aborted) {
				reject(signal.reason);
				return;
			}
			const onAbort = (): void => {
				clearTimeout(timer);
				reject(signal?.reason);
			};
			const timer = setTimeout(() => {
				signal?.removeEventListener('abort', onAbort);
				resolve();
			}, Math.max(0, ms));
			signal?.addEventListener('abort', onAbort, { once: true });
		});
	}
};
