// The settings file as the runner and the browser's import read it: an unknown entity name is refused with the valid ones, not ignored.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/runner/config';
import { ENTITIES } from '../../src/lib/engine/model';
import { openStore } from '../../src/lib/engine/store';
import { importMigrationSettings } from '../../src/lib/engine/store/settings-file';
import { writerSettingsFrom } from '../../src/lib/engine/pipeline/settings';

function settingsFile(options: Record<string, unknown>): string {
	return JSON.stringify({
		format: 'kayako-migrator/migration-settings',
		version: 1,
		migration: {
			id: 'm1',
			name: 'Acme',
			source: { platform: 'zendesk', url: 'https://acme.zendesk.com', email: 'admin@acme.test', authMethod: 'api-token' },
			target: { url: 'https://acme.kayako.com', email: 'admin@acme.test' },
			proxyUrl: '',
			mappings: {},
			options,
			filters: {},
			stage: 'connect',
			createdAt: 1,
			updatedAt: 1
		}
	});
}

const VALID = `Valid names: ${ENTITIES.join(', ')}.`;

describe('options.entities in a settings file', () => {
	it('refuses a misspelt entity in the runner, naming it and the valid names', () => {
		expect(() => loadConfig(settingsFile({ entities: ['tikets', 'users'] }))).toThrow(`options.entities names an entity this tool does not know: "tikets". ${VALID}`);
	});

	it('refuses a misspelt entity in the browser import, which saves nothing', async () => {
		const store = await openStore({ name: `import-${Math.random()}`, indexedDB: new IDBFactory() });
		await expect(importMigrationSettings(store, settingsFile({ entities: ['tickets', 'Articles'] }))).rejects.toMatchObject({ kind: 'invalid-input', message: expect.stringContaining(`"Articles". ${VALID}`) });
		expect(await store.listMigrations()).toEqual([]);
	});

	it('refuses a single name where a list belongs, and what is not a name', () => {
		expect(() => loadConfig(settingsFile({ entities: 'tickets' }))).toThrow(`options.entities must be a list of entity names, like ["tickets", "users"], not "tickets". ${VALID}`);
		expect(() => loadConfig(settingsFile({ entities: ['tickets', 7] }))).toThrow(/does not know: 7\./);
	});

	it('takes known names, and no list as every entity', async () => {
		expect(loadConfig(settingsFile({ entities: ['tickets', 'users'] })).options.entities).toEqual(['tickets', 'users']);
		expect(loadConfig(settingsFile({})).options.entities).toBeUndefined();
		const store = await openStore({ name: `import-${Math.random()}`, indexedDB: new IDBFactory() });
		expect((await importMigrationSettings(store, settingsFile({ entities: [...ENTITIES] }))).options.entities).toEqual([...ENTITIES]);
	});
});

describe('options.writtenLanguage in a settings file', () => {
	it('is read by the runner and reaches the writer, with its time zone', () => {
		const settings = loadConfig(settingsFile({ writtenLanguage: 'de', writtenTimeZone: 'Europe/Berlin' }));
		expect(writerSettingsFrom(settings)).toMatchObject({ language: 'de', timeZone: 'Europe/Berlin' });
	});

	it('refuses a language the tool cannot write into Kayako in, rather than writing English', () => {
		expect(() => loadConfig(settingsFile({ writtenLanguage: 'fr' }))).toThrow(/options\.writtenLanguage is "fr".*"en", "de"/);
	});
});
