// What every part of the store shares: the open database, the key-range and comparison of its IndexedDB, and the clock.
import type { MigratorDatabase } from './schema';

export interface StoreContext {
	db: MigratorDatabase;
	// The global IDBKeyRange, of the same implementation as the database (idb relies on the globals too).
	keyRange: typeof IDBKeyRange;
	compareKeys: (first: unknown, second: unknown) => number;
	now: () => number;
}

/** Every key that starts with `prefix`: arrays sort after every other key type, so `[...prefix, []]` closes the range. */
export function prefixRange(context: StoreContext, prefix: readonly IDBValidKey[]): IDBKeyRange {
	return context.keyRange.bound([...prefix], [...prefix, []]);
}

/** A fresh random id (UUID v4); `randomUUID` is missing on plain-HTTP intranet pages, `getRandomValues` is not. */
export function newId(): string {
	if (typeof globalThis.crypto.randomUUID === 'function') return globalThis.crypto.randomUUID();
	const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
	bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
	bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
	const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Runs `work` in `tx` and waits for the commit. If anything fails, even a request that threw
 * before it was queued, the transaction is aborted: a batch is stored whole or not at all.
 */
export async function allOrNothing<T>(tx: { abort(): void; readonly done: Promise<void> }, work: () => Promise<T>): Promise<T> {
	const done = tx.done;
	// Awaited below; this only keeps an abort from being reported as unhandled meanwhile.
	done.catch(() => undefined);
	try {
		const result = await work();
		await done;
		return result;
	} catch (error) {
		try {
			tx.abort();
		} catch {
			// Already committed or aborted: nothing left to undo.
		}
		await done.catch(() => undefined);
		throw error;
	}
}

/** Queues one request per item. If queueing throws part-way, the requests already queued are left to the abort quietly. */
export function queueEach<Item, Result>(items: readonly Item[], request: (item: Item) => Promise<Result>): Promise<Result[]> {
	const queued: Promise<Result>[] = [];
	try {
		for (const item of items) queued.push(request(item));
	} catch (error) {
		for (const each of queued) each.catch(() => undefined);
		return Promise.reject(error);
	}
	return Promise.all(queued);
}
