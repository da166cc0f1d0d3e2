// How the page learns that its engine worker died (a crash of its thread, the browser ending it): the worker holds a Web Lock
// named after itself for as long as it lives; the page asks for the same lock, and is granted it only when the worker is gone.

/** The message the worker posts once it holds its lock (Comlink ignores messages without its own id). */
const ALIVE = 'kayako-migrator:engine-alive';

export const aliveLockName = (workerName: string) => `kayako-migrator:engine-alive:${workerName}`;

/** What the worker's global scope offers here (the DOM typings have no worker scope). */
export interface WorkerScope {
	name: string;
	navigator: { locks?: LockManager };
	postMessage(message: unknown): void;
}

/** In the worker: takes the lock named after the worker and never lets go; then tells the page. */
export function holdAliveLock(scope: WorkerScope): void {
	const locks = scope.navigator.locks;
	if (!locks) return;
	locks.request(aliveLockName(scope.name), () => {
		scope.postMessage({ type: ALIVE });
		return new Promise<never>(() => undefined);
	});
}

/**
 * In the page: once the worker says it holds its lock, waits for that lock; it is granted when the worker has
 * ended, and `lost` is called once. Without Web Locks (old browsers) nothing is watched.
 */
export function watchWorker(worker: Worker, workerName: string, lost: () => void, locks: LockManager | undefined = globalThis.navigator?.locks): void {
	if (!locks) return;
	const onMessage = (event: MessageEvent) => {
		if ((event.data as { type?: unknown } | null)?.type !== ALIVE) return;
		worker.removeEventListener('message', onMessage);
		locks.request(aliveLockName(workerName), () => lost());
	};
	worker.addEventListener('message', onMessage);
}
