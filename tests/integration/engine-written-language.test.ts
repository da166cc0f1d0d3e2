// A new migration writes into Kayako in the UI's language of the moment it is created, in the creating browser's time zone.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/lib/engine/api';
import { writerSettingsFrom } from '../../src/lib/engine/pipeline/settings';
import { openStore } from '../../src/lib/engine/store';
import { value } from './engine-fixtures';

describe('the language of what a new migration writes into Kayako', () => {
	it('is the UI\'s language when the migration is created, English when the UI speaks another, kept with the options', async () => {
		const factory = new IDBFactory();
		const engine = createEngine({ indexedDB: factory, dbName: 'written-language' });
		const german = value(await engine.createMigration({ name: 'Acme', platform: 'zendesk', uiLanguage: 'de-DE' })).id;
		const other = value(await engine.createMigration({ name: 'Other', platform: 'zendesk', uiLanguage: 'fr' })).id;
		const store = await openStore({ name: 'written-language', indexedDB: factory });
		const settings = (await store.getMigration(german))!;
		expect(settings.options.writtenLanguage).toBe('de');
		expect(settings.options.writtenTimeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
		expect(writerSettingsFrom(settings).language).toBe('de');
		expect((await store.getMigration(other))!.options.writtenLanguage).toBe('en');
	});
});
