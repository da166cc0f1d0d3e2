// The runner's --config file: a migration's settings as the wizard exports them (format kayako-migrator/migration-settings).
import { MigrationError } from '../../src/lib/engine/errors';
import { readSettingsFile } from '../../src/lib/engine/store/settings-file';
import type { MigrationSettings } from '../../src/lib/engine/store';

const FORMAT = 'kayako-migrator/migration-settings';

/** Accepts the exported file, or its bare `migration` object; keeps the id so the state folder recognises the migration. */
export function loadConfig(text: string): MigrationSettings {
	let file: unknown;
	try {
		file = JSON.parse(text);
	} catch {
		throw new MigrationError({ kind: 'invalid-input', message: 'The config file is not JSON. Export it from the wizard ("Export settings").' });
	}
	const record = typeof file === 'object' && file !== null ? (file as Record<string, unknown>) : {};
	if (record.format !== undefined && record.format !== FORMAT) throw new MigrationError({ kind: 'invalid-input', message: `The config file has format ${String(record.format)}, not ${FORMAT}.` });
	const migration = record.format === FORMAT ? record.migration : record;
	const settings = readSettingsFile(migration);
	if (!settings.source.url) throw new MigrationError({ kind: 'invalid-input', message: 'The config names no source helpdesk address (source.url).' });
	if (!settings.target.url || !settings.target.email) throw new MigrationError({ kind: 'invalid-input', message: 'The config names no Kayako address and admin e-mail (target.url, target.email).' });
	return settings;
}
