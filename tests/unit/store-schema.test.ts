import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { wrap, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, DEFAULT_DB_NAME, openStore } from '../../src/lib/engine/store';
import { openTestStore, zendeskMigration } from './store-fixtures';

describe('the IndexedDB schema', () => {
	it('creates every object store and index when it opens an empty database', async () => {
		const factory = new IDBFactory();
		const store = await openStore({ indexedDB: factory });
		expect(store.name).toBe(DEFAULT_DB_NAME);
		store.close();

		const db = (await wrap(factory.open(DEFAULT_DB_NAME))) as IDBPDatabase;
		expect(db.version).toBe(DB_VERSION);
		expect(Array.from(db.objectStoreNames).sort()).toEqual(['checkpoints', 'credentials', 'events', 'idMap', 'migrations', 'runs']);
		const tx = db.transaction(['idMap', 'runs', 'events']);
		expect(Array.from(tx.objectStore('idMap').indexNames).sort()).toEqual(['byEntityStatus', 'byKayakoId', 'byMigrationStatus', 'byRunStatus']);
		expect(tx.objectStore('idMap').keyPath).toEqual(['migrationId', 'entity', 'sourceId']);
		expect(tx.objectStore('idMap').index('byRunStatus').keyPath).toEqual(['runId', 'status']);
		expect(Array.from(tx.objectStore('runs').indexNames)).toEqual(['byMigration']);
		expect(Array.from(tx.objectStore('events').indexNames)).toEqual(['byMigrationTime']);
		expect(tx.objectStore('events').autoIncrement).toBe(true);
		db.close();
	});

	it('keeps what was saved when the database is opened again, as after a reload', async () => {
		const { store, reopen } = await openTestStore();
		const migration = await store.createMigration(zendeskMigration());
		const run = await store.createRun({ migrationId: migration.id, kind: 'full' });
		await store.markMigrated(run.id, [{ migrationId: migration.id, entity: 'user', sourceId: '123', kayakoId: 9001 }]);
		store.close();

		const reloaded = await reopen();
		expect(await reloaded.getMigration(migration.id)).toEqual(migration);
		expect(await reloaded.getRun(run.id)).toEqual(run);
		expect((await reloaded.getIdMapRow({ migrationId: migration.id, entity: 'user', sourceId: '123' }))?.kayakoId).toBe(9001);
		reloaded.close();
	});

	it('lets go of its connection when a newer version opens elsewhere, and then says the database cannot be used', async () => {
		const factory = new IDBFactory();
		const store = await openStore({ indexedDB: factory });
		const newer = (await wrap(factory.open(DEFAULT_DB_NAME, DB_VERSION + 1))) as IDBPDatabase;
		expect(newer.version).toBe(DB_VERSION + 1);
		newer.close();
		await expect(store.listMigrations()).rejects.toMatchObject({ kind: 'storage-unavailable' });
	});

	it('refuses to open a database written by a newer version of the tool with a storage error', async () => {
		const factory = new IDBFactory();
		const newer = (await wrap(factory.open(DEFAULT_DB_NAME, DB_VERSION + 1))) as IDBPDatabase;
		newer.close();
		await expect(openStore({ indexedDB: factory })).rejects.toMatchObject({ kind: 'storage-unavailable' });
	});
});
