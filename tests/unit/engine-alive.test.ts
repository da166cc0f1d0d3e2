// The page learns that its engine worker died: the worker's Web Lock, asked for by the page, is granted only once the worker is gone.
import { describe, expect, it } from 'vitest';
import { holdAliveLock, watchWorker } from '../../src/lib/client/engine-alive';

/** Exclusive Web Locks as the browser keeps them, per holder: a holder that ends (a worker that dies) lets go of its locks. */
class Locks {
	#held = new Map<string, string>();
	#queue: { name: string; holder: string; grant: () => void }[] = [];

	for(holder: string): LockManager {
		return {
			request: ((name: string, callback: () => unknown) =>
				new Promise<unknown>((resolve) => {
					const grant = () => {
						this.#held.set(name, holder);
						resolve(Promise.resolve(callback()));
					};
					if (this.#held.has(name)) this.#queue.push({ name, holder, grant });
					else grant();
				})) as LockManager['request'],
			query: async () => ({})
		} as LockManager;
	}

	/** The holder ended: its locks go to whoever waits for them. */
	end(holder: string): void {
		for (const [name, owner] of [...this.#held]) {
			if (owner !== holder) continue;
			this.#held.delete(name);
			const next = this.#queue.findIndex((waiting) => waiting.name === name);
			if (next >= 0) this.#queue.splice(next, 1)[0]!.grant();
		}
	}
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A dedicated worker and its scope, joined by messages as the browser joins them. */
function workerPair(locks: Locks, name: string) {
	const worker = new EventTarget() as Worker;
	const scope = { name, navigator: { locks: locks.for('worker') }, postMessage: (data: unknown) => worker.dispatchEvent(new MessageEvent('message', { data })) };
	return { worker, scope };
}

describe('the page watching its engine worker', () => {
	it('hears nothing while the worker lives, and hears once that it died', async () => {
		const locks = new Locks();
		const { worker, scope } = workerPair(locks, 'migration-engine-1');
		let lost = 0;
		watchWorker(worker, scope.name, () => (lost += 1), locks.for('page'));
		holdAliveLock(scope);
		await settle();
		expect(lost).toBe(0);
		locks.end('worker');
		await settle();
		expect(lost).toBe(1);
	});

	it('does not take the lock before the worker holds it, so a worker slow to start is not taken for dead', async () => {
		const locks = new Locks();
		const { worker, scope } = workerPair(locks, 'migration-engine-2');
		let lost = 0;
		watchWorker(worker, scope.name, () => (lost += 1), locks.for('page'));
		await settle();
		expect(lost).toBe(0);
		holdAliveLock(scope);
		await settle();
		expect(lost).toBe(0);
	});

	it('tells two workers apart: one dying says nothing about the other', async () => {
		const locks = new Locks();
		const first = workerPair(locks, 'migration-engine-3');
		let lost = 0;
		watchWorker(first.worker, first.scope.name, () => (lost += 1), locks.for('page'));
		holdAliveLock(first.scope);
		const second = workerPair(locks, 'migration-engine-4');
		holdAliveLock(second.scope);
		await settle();
		expect(lost).toBe(0);
	});
});
