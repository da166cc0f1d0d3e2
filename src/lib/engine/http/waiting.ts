// Small promise helpers for waits that a caller's AbortSignal must be able to cut short.

/** Resolves when `wake` aborts; rejects with the caller's reason when `signal` aborts first. */
export function untilAborted(wake: AbortSignal, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		const stopListening = (): void => {
			wake.removeEventListener('abort', onWake);
			signal?.removeEventListener('abort', onCancel);
		};
		const onWake = (): void => {
			stopListening();
			resolve();
		};
		const onCancel = (): void => {
			stopListening();
			reject(signal?.reason);
		};
		if (signal?.aborted) return onCancel();
		if (wake.aborted) return onWake();
		wake.addEventListener('abort', onWake);
		signal?.addEventListener('abort', onCancel);
	});
}

/**
 * Settles like `promise`, or rejects at once when `signal` aborts. Whatever `promise` still
 * delivers after that is handed to `dispose`, so a slot granted too late is given back.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined, dispose: (late: T) => void): Promise<T> {
	if (!signal) return promise;
	return new Promise((resolve, reject) => {
		let cancelled = false;
		const onCancel = (): void => {
			cancelled = true;
			reject(signal.reason);
		};
		if (signal.aborted) onCancel();
		else signal.addEventListener('abort', onCancel, { once: true });
		promise.then(
			(value) => {
				signal.removeEventListener('abort', onCancel);
				if (cancelled) dispose(value);
				else resolve(value);
			},
			(error: unknown) => {
				signal.removeEventListener('abort', onCancel);
				if (!cancelled) reject(error);
			}
		);
	});
}

/**
 * A signal that aborts when either does, and `release` to stop listening once the wait is over. Not AbortSignal.any:
 * Node keeps each such signal that was given a listener for as long as its sources live (its gcPersistentSignals),
 * which for the run's signal is the whole run: about 3 KB for every wait woken early, never freed.
 */
export function eitherAborted(a: AbortSignal, b: AbortSignal): { signal: AbortSignal; release: () => void } {
	const either = new AbortController();
	const onA = (): void => either.abort(a.reason);
	const onB = (): void => either.abort(b.reason);
	const release = (): void => {
		a.removeEventListener('abort', onA);
		b.removeEventListener('abort', onB);
	};
	if (a.aborted) either.abort(a.reason);
	else if (b.aborted) either.abort(b.reason);
	else {
		a.addEventListener('abort', onA, { once: true });
		b.addEventListener('abort', onB, { once: true });
	}
	return { signal: either.signal, release };
}
