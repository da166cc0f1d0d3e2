// Shared by the store and credentials tests: a fresh fake IndexedDB per test, a settable clock, and a raw look at what is stored.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { wrap, type IDBPDatabase } from 'idb';
import { openStore, type MigrationStore, type NewMigration } from '../../src/lib/engine/store';

export interface TestStore {
	store: MigrationStore;
	factory: IDBFactory;
	clock: { now: number };
	/** Opens the same database again, as a reloaded tab would. */
	reopen(): Promise<MigrationStore>;
}

export async function openTestStore(name = 'test-migrator'): Promise<TestStore> {
	const factory = new IDBFactory();
	const clock = { now: Date.UTC(2025, 0, 1) };
	const open = () => openStore({ name, indexedDB: factory, now: () => clock.now });
	return { store: await open(), factory, clock, reopen: open };
}

export function zendeskMigration(name = 'Acme to Kayako'): NewMigration {
	return {
		name,
		source: { platform: 'zendesk', url: 'https://acme.zendesk.com', email: 'admin@acme.test', authMethod: 'api-token' },
		target: { url: 'https://acme.kayako.com', email: 'admin@acme.test' },
		proxyUrl: 'http://127.0.0.1:8090'
	};
}

/** Every record of every object store, read past the store's own methods, as IndexedDB holds them. */
export async function dumpDatabase(factory: IDBFactory, name = 'test-migrator'): Promise<Record<string, unknown[]>> {
	const db = (await wrap(factory.open(name))) as IDBPDatabase;
	try {
		const dump: Record<string, unknown[]> = {};
		for (const storeName of Array.from(db.objectStoreNames)) dump[storeName] = await db.getAll(storeName);
		return dump;
	} finally {
		db.close();
	}
}
