// One runner per migration: a Web Lock across the tabs of this browser, or a lock in this process where there are no Web Locks (Node).
import { MigrationError } from '../errors';

const held = new Set<string>();

/** Runs `work` holding the migration's lock; throws `busy-elsewhere` at once when someone else holds it. */
export async function withMigrationLock<T>(migrationId: string, work: () => Promise<T>): Promise<T> {
	const name = `kayako-migrator:${migrationId}`;
	const busy = () => new MigrationError({ kind: 'busy-elsewhere', message: `Migration ${migrationId} is running in another tab or window; only one may run it.` });
	const locks = (globalThis.navigator as Navigator | undefined)?.locks;
	if (locks) {
		return locks.request(name, { ifAvailable: true }, async (lock) => {
			if (!lock) throw busy();
			return work();
		}) as Promise<T>;
	}
	if (held.has(name)) throw busy();
	held.add(name);
	try {
		return await work();
	} finally {
		held.delete(name);
	}
}

/** Does any tab or window of this browser hold the migration's lock now (this one included)? */
export async function migrationLocked(migrationId: string): Promise<boolean> {
	const name = `kayako-migrator:${migrationId}`;
	const locks = (globalThis.navigator as Navigator | undefined)?.locks;
	if (!locks) return held.has(name);
	const { held: holders = [] } = await locks.query();
	return holders.some((lock) => lock.name === name);
}
