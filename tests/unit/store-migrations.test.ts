import { describe, expect, it } from 'vitest';
import { rememberCredentials } from '../../src/lib/engine/credentials';
import { exportMigrationSettings, importMigrationSettings, type MigrationSettings } from '../../src/lib/engine/store';
import { dumpDatabase, openTestStore, zendeskMigration } from './store-fixtures';

describe('migration settings', () => {
	it('starts a new migration at the connect step with empty mappings, options and filters', async () => {
		const { store, clock } = await openTestStore();
		const migration = await store.createMigration(zendeskMigration());
		expect(migration).toMatchObject({
			name: 'Acme to Kayako',
			stage: 'connect',
			mappings: { agents: {}, teams: {}, fields: {}, options: {} },
			options: {},
			filters: {},
			createdAt: clock.now,
			updatedAt: clock.now
		});
		expect(migration.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(await store.getMigration(migration.id)).toEqual(migration);
	});

	it('does not persist a password or API token handed to it with the settings', async () => {
		const { store, factory } = await openTestStore();
		const migration = await store.createMigration(zendeskMigration());
		const withSecrets = {
			...migration,
			password: 'hunter2-top-level',
			apiToken: 'zd-token-top-level',
			source: { ...migration.source, apiToken: 'zd-token-in-source' },
			target: { ...migration.target, password: 'kayako-password-in-target' },
			options: { tagMigrated: true, nested: [{ client_secret: 'secret-in-options' }] },
			mappings: { ...migration.mappings, fields: { '360001': { kayakoField: 'priority', accessToken: 'token-in-mappings' } } }
		};
		// The type refuses these keys (see the next test); untyped data from a form or a bad cast could still carry them.
		const saved = await store.saveMigration(withSecrets as unknown as MigrationSettings);

		const everything = JSON.stringify(await dumpDatabase(factory));
		for (const secret of ['hunter2-top-level', 'zd-token-top-level', 'zd-token-in-source', 'kayako-password-in-target', 'secret-in-options', 'token-in-mappings']) {
			expect(everything).not.toContain(secret);
		}
		expect(saved).not.toHaveProperty('password');
		expect(saved.source).not.toHaveProperty('apiToken');
		expect(saved.options).toEqual({ tagMigrated: true, nested: [{}] });
		expect(saved.mappings.fields).toEqual({ '360001': { kayakoField: 'priority' } });
	});

	it('makes a password or token a type error even where TypeScript would accept extra keys', async () => {
		const { store } = await openTestStore();
		const migration = await store.createMigration(zendeskMigration());
		// Not object literals, so only the `never`-typed secret keys can make these assignments fail under tsc.
		const sourceWithPassword = { platform: 'freshdesk' as const, url: 'https://acme.freshdesk.com', password: 'not-allowed' };
		const migrationWithToken = { ...migration, apiToken: 'not-allowed' };
		// @ts-expect-error a saved source has no place for a password
		const source: MigrationSettings['source'] = sourceWithPassword;
		// @ts-expect-error a saved migration has no place for a token
		const settings: MigrationSettings = migrationWithToken;
		expect((await store.saveMigration({ ...settings, source })).source).toEqual({ platform: 'freshdesk', url: 'https://acme.freshdesk.com' });
	});

	it('drops a user name and password written into a URL', async () => {
		const { store } = await openTestStore();
		const migration = await store.createMigration({
			...zendeskMigration(),
			source: { platform: 'zendesk', url: 'https://admin:hunter2@acme.zendesk.com' },
			proxyUrl: 'https://proxy-user:proxy-pass@proxy.acme.test/'
		});
		expect(migration.source.url).toBe('https://acme.zendesk.com/');
		expect(migration.proxyUrl).toBe('https://proxy.acme.test/');
	});

	it('refuses settings with an unknown source platform, naming the field', async () => {
		const { store } = await openTestStore();
		const migration = await store.createMigration(zendeskMigration());
		const broken = { ...migration, source: { ...migration.source, platform: 'jira' } } as unknown as MigrationSettings;
		await expect(store.saveMigration(broken)).rejects.toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('source.platform') });
	});

	it('lists migrations with the most recently changed first', async () => {
		const { store, clock } = await openTestStore();
		const older = await store.createMigration(zendeskMigration('Older'));
		clock.now += 1000;
		const newer = await store.createMigration(zendeskMigration('Newer'));
		clock.now += 1000;
		await store.saveMigration({ ...older, stage: 'select' });
		expect((await store.listMigrations()).map((migration) => migration.id)).toEqual([older.id, newer.id]);
	});

	it('deletes a migration with its credentials, runs, id map, checkpoints and events, and nothing of another migration', async () => {
		const { store, factory } = await openTestStore();
		const doomed = await store.createMigration(zendeskMigration('Doomed'));
		const kept = await store.createMigration(zendeskMigration('Kept'));
		for (const migration of [doomed, kept]) {
			const run = await store.createRun({ migrationId: migration.id, kind: 'full' });
			await store.markMigrated(
				run.id,
				Array.from({ length: 50 }, (_, index) => ({ migrationId: migration.id, entity: 'ticket', sourceId: String(index), kayakoId: index + 1 }))
			);
			await store.putCheckpoint(migration.id, 'zendesk:tickets', { cursor: 'abc' });
			await store.appendEvent({ migrationId: migration.id, runId: run.id, level: 'info', message: 'Started' });
			await rememberCredentials(store, migration.id, 'kayako', { kind: 'password', email: 'a@b.test', password: 'pw' }, 'passphrase', { iterations: 1000 });
		}

		await store.deleteMigration(doomed.id);

		const dump = await dumpDatabase(factory);
		const belongsToDoomed = (record: unknown) => JSON.stringify(record).includes(doomed.id);
		for (const [storeName, records] of Object.entries(dump)) {
			expect(records.filter(belongsToDoomed), storeName).toEqual([]);
			expect(records.length, storeName).toBeGreaterThan(0);
		}
		expect(await store.countIdMap({ by: 'migration', migrationId: kept.id })).toBe(50);
	});
});

describe('the settings file', () => {
	it('exports settings without credentials and imports them as a new migration that starts at connect', async () => {
		const { store } = await openTestStore();
		const original = await store.createMigration(zendeskMigration());
		await store.saveMigration({ ...original, stage: 'options', mappings: { ...original.mappings, agents: { '7': { kayakoId: 3 } } } });
		await rememberCredentials(store, original.id, 'source', { kind: 'api-token', email: 'admin@acme.test', token: 'zd-secret-token' }, 'passphrase', { iterations: 1000 });
		const blob = await store.getCredentialBlob(original.id, 'source');

		const file = await exportMigrationSettings(store, original.id);
		expect(file).not.toContain('zd-secret-token');
		expect(file).not.toContain(blob?.ciphertext);

		const imported = await importMigrationSettings(store, file);
		expect(imported.id).not.toBe(original.id);
		expect(imported.stage).toBe('connect');
		expect(imported.mappings.agents).toEqual({ '7': { kayakoId: 3 } });
		expect(imported.source).toEqual(original.source);
		expect(await store.getCredentialBlob(imported.id, 'source')).toBeUndefined();
		expect(await store.listMigrations()).toHaveLength(2);
	});

	it('refuses a file that is not JSON or not an exported migration', async () => {
		const { store } = await openTestStore();
		await expect(importMigrationSettings(store, 'not json')).rejects.toMatchObject({ kind: 'invalid-input' });
		await expect(importMigrationSettings(store, '{"format":"something-else"}')).rejects.toMatchObject({ kind: 'invalid-input' });
		await expect(exportMigrationSettings(store, 'missing')).rejects.toMatchObject({ kind: 'not-found' });
	});
});
