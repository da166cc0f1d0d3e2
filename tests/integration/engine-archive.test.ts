// The archive command under Node (fake-indexeddb): the migration's settings, runs, id map and events in one file, and no secret.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type EngineApi } from '../../src/lib/engine/api';
import { rememberCredentials } from '../../src/lib/engine/credentials/remember';
import { openStore, type MigrationStore } from '../../src/lib/engine/store';
import { value } from './engine-fixtures';

const DB = 'archive-test';
const PASSWORD = 'Sandbox-Admin-1';
const TOKEN = 'zd-token-5f1c9e';
const PASSPHRASE = 'correct horse battery';

let engine: EngineApi;
let store: MigrationStore;

beforeEach(async () => {
	const factory = new IDBFactory();
	engine = createEngine({ indexedDB: factory, dbName: DB });
	store = await openStore({ name: DB, indexedDB: factory });
});

/** A migration that ran a demo: two tickets migrated, one failed, an event whose text held a token, and both passwords remembered. */
async function migrationWithHistory(): Promise<string> {
	const id = value(await engine.createMigration({ name: 'Acme archive', platform: 'zendesk' })).id;
	value(await engine.updateMigration(id, { options: { tagMigrated: 'zendesk-import', recentDays: 30 }, filters: { tags: ['vip'] }, stage: 'done' }));
	const run = await store.createRun({ migrationId: id, kind: 'demo' });
	await store.updateRun(run.id, { state: 'finished', counters: { tickets: { total: 3, migrated: 2, failed: 1, skipped: 0 } }, finishedAt: Date.now() });
	await store.markMigrated(run.id, [
		{ migrationId: id, entity: 'tickets', sourceId: '101', kayakoId: 9001 },
		{ migrationId: id, entity: 'tickets', sourceId: '102', kayakoId: 9002 }
	]);
	await store.markFailed(run.id, [{ migrationId: id, entity: 'tickets', sourceId: '103', reason: 'Kayako refused the subject.' }]);
	await store.appendEvent({ migrationId: id, runId: run.id, level: 'info', message: `GET https://acme.zendesk.com/api/v2/tickets?token=${TOKEN}` });
	await rememberCredentials(store, id, 'kayako', { kind: 'password', email: 'admin@acme.example', password: PASSWORD }, PASSPHRASE, { iterations: 1000 });
	await rememberCredentials(store, id, 'source', { kind: 'api-token', email: 'admin@acme.example', token: TOKEN }, PASSPHRASE, { iterations: 1000 });
	return id;
}

describe('archiveMigration', () => {
	it('holds the settings, every run, the whole id map and the events of the migration', async () => {
		const id = await migrationWithHistory();
		const archive = JSON.parse(value(await engine.archiveMigration(id)));

		expect(archive.format).toBe('kayako-migrator/migration-archive');
		expect(archive.migration).toMatchObject({ id, name: 'Acme archive', options: { tagMigrated: 'zendesk-import', recentDays: 30 }, filters: { tags: ['vip'] } });
		expect(archive.runs).toHaveLength(1);
		expect(archive.runs[0]).toMatchObject({ kind: 'demo', state: 'finished', counters: { tickets: { migrated: 2, failed: 1 } } });
		const byId = Object.fromEntries(archive.idMap.map((row: { sourceId: string }) => [row.sourceId, row]));
		expect(byId['101']).toMatchObject({ status: 'migrated', kayakoId: 9001 });
		expect(byId['102']).toMatchObject({ status: 'migrated', kayakoId: 9002 });
		expect(byId['103']).toMatchObject({ status: 'failed', reason: 'Kayako refused the subject.' });
		expect(archive.events).toHaveLength(1);
	});

	it('never holds a password, a token, the passphrase or the encrypted credentials', async () => {
		const id = await migrationWithHistory();
		const text = value(await engine.archiveMigration(id));
		const blobs = await store.listCredentialBlobs(id);
		expect(blobs).toHaveLength(2);

		for (const secret of [PASSWORD, TOKEN, PASSPHRASE, ...blobs.flatMap((blob) => [blob.ciphertext, blob.salt, blob.iv])]) expect(text).not.toContain(secret);
		expect(text).not.toMatch(/"(password|token|ciphertext|passphrase)"/i);
	});

	it('leaves out the records of other migrations', async () => {
		const id = await migrationWithHistory();
		const other = value(await engine.createMigration({ name: 'Other', platform: 'zendesk' })).id;
		const otherRun = await store.createRun({ migrationId: other, kind: 'full' });
		await store.markMigrated(otherRun.id, [{ migrationId: other, entity: 'tickets', sourceId: '555', kayakoId: 5 }]);

		const archive = JSON.parse(value(await engine.archiveMigration(id)));
		expect(archive.runs.map((run: { id: string }) => run.id)).not.toContain(otherRun.id);
		expect(archive.idMap.map((row: { sourceId: string }) => row.sourceId)).not.toContain('555');
	});

	it('answers not-found for a migration this browser does not hold', async () => {
		const result = await engine.archiveMigration('no-such-migration');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error.kind).toBe('not-found');
	});
});
