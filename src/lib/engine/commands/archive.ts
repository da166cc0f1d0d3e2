// The archive: everything this browser keeps about one migration (settings, runs, id map, events) as one JSON file, never a credential.
import { redact } from '../credentials/redact';
import type { MigrationStore } from '../store';
import { toStoredMigration } from '../store/sanitize';
import type { EventRecord, IdMapKey, IdMapRow, JsonValue } from '../store/types';
import { asResult, type CommandDeps } from './deps';
import { requireMigration } from './migrations';

export const ARCHIVE_FORMAT = 'kayako-migrator/migration-archive';
export const ARCHIVE_VERSION = 1;

/** Rows per read: a large id map is read page by page, not in one transaction that holds it all. */
const PAGE = 1000;

async function wholeIdMap(store: MigrationStore, migrationId: string): Promise<IdMapRow[]> {
	const rows: IdMapRow[] = [];
	let after: IdMapKey | undefined;
	do {
		const page = await store.listIdMap({ by: 'migration', migrationId }, { limit: PAGE, after });
		rows.push(...page.rows);
		after = page.next;
	} while (after);
	return rows;
}

/** Oldest first, as a log reads. */
async function allEvents(store: MigrationStore, migrationId: string): Promise<EventRecord[]> {
	const events: EventRecord[] = [];
	let page = await store.listEvents(migrationId, { limit: PAGE });
	events.push(...page);
	for (let last = page.at(-1); last && page.length === PAGE; last = page.at(-1)) {
		page = await store.listEvents(migrationId, { limit: PAGE, before: { id: last.id, time: last.time } });
		events.push(...page);
	}
	return events.reverse();
}

export function archiveCommands(deps: CommandDeps) {
	return {
		/**
		 * The migration as a file to keep after the browser's copy is deleted: its settings, every run,
		 * the whole id map (which source record became which Kayako record) and the event log. Settings are
		 * rebuilt from known fields and everything is redacted on the way out, so no password or token goes in.
		 */
		archiveMigration: (migrationId: string) =>
			asResult(async () => {
				const settings = await requireMigration(deps, migrationId);
				const store = await deps.store();
				const [runs, idMap, events] = await Promise.all([store.listRuns(migrationId), wholeIdMap(store, migrationId), allEvents(store, migrationId)]);
				const archive = {
					format: ARCHIVE_FORMAT,
					version: ARCHIVE_VERSION,
					archivedAt: new Date().toISOString(),
					migration: toStoredMigration(settings),
					runs,
					idMap,
					events
				};
				return JSON.stringify(redact(archive as unknown as JsonValue), null, '\t');
			})
	};
}
