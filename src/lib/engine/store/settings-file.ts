// A migration's settings as a JSON file to keep or move to another browser; credentials never go into it.
import { MigrationError } from '../errors';
import { checkEntityNames, checkWrittenLanguage } from '../pipeline/options';
import { newId } from './context';
import { FIRST_STAGE, type MigrationAccess } from './migrations';
import { toStoredMigration } from './sanitize';
import type { MigrationSettings } from './types';

const FORMAT = 'kayako-migrator/migration-settings';
const FORMAT_VERSION = 1;

/** The JSON text of one migration's settings; `not-found` when the migration does not exist. */
export async function exportMigrationSettings(store: Pick<MigrationAccess, 'getMigration'>, migrationId: string): Promise<string> {
	const migration = await store.getMigration(migrationId);
	if (!migration) throw new MigrationError({ kind: 'not-found', message: `Migration ${migrationId} is not in this browser's storage.` });
	// Sanitised again on the way out: an export is a file people mail around.
	return JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, migration: toStoredMigration(migration) }, null, '\t');
}

/**
 * Saves the settings of an exported file as a new migration (a new id, so it never overwrites one
 * in this browser). It starts at the first step: credentials were not exported and must be entered.
 */
export async function importMigrationSettings(store: Pick<MigrationAccess, 'saveMigration'>, json: string, now = Date.now()): Promise<MigrationSettings> {
	let file: unknown;
	try {
		file = JSON.parse(json);
	} catch {
		throw new MigrationError({ kind: 'invalid-input', message: 'This file is not JSON, so it is not an exported migration.' });
	}
	const envelope = typeof file === 'object' && file !== null ? (file as Record<string, unknown>) : {};
	if (envelope.format !== FORMAT) throw new MigrationError({ kind: 'invalid-input', message: 'This file is not an exported migration of this tool.' });
	if (envelope.version !== FORMAT_VERSION) {
		throw new MigrationError({ kind: 'invalid-input', message: `This file was exported by another version of the tool (format ${String(envelope.version)}).` });
	}
	const exported = readSettingsFile(envelope.migration);
	return store.saveMigration({ ...exported, id: newId(), stage: FIRST_STAGE, createdAt: now, updatedAt: now });
}

/**
 * The migration of a settings file, checked as data someone handed over: the known fields only (secrets
 * dropped) and no value the run would quietly ignore. The browser's import and the headless runner both read it so.
 */
export function readSettingsFile(migration: unknown): MigrationSettings {
	const settings = toStoredMigration(migration);
	checkEntityNames(settings.options.entities);
	checkWrittenLanguage(settings.options);
	return settings;
}
