// Migration settings: create, save, read, list, and delete a migration with everything that belongs to it.
import { allOrNothing, newId, prefixRange, type StoreContext } from './context';
import { toStoredMigration } from './sanitize';
import type { JsonObject, MigrationMappings, MigrationSettings, MigrationStage, SourceSettings, TargetSettings } from './types';

/** What the Connect step knows when a migration is first saved; the rest starts empty. */
export interface NewMigration {
	name: string;
	source: SourceSettings;
	target: TargetSettings;
	proxyUrl: string;
	mappings?: Partial<MigrationMappings>;
	options?: JsonObject;
	filters?: JsonObject;
	stage?: MigrationStage;
}

export interface MigrationAccess {
	createMigration(init: NewMigration): Promise<MigrationSettings>;
	/** Stores the settings (secrets and unknown keys stripped, `updatedAt` set) and returns exactly what was stored. */
	saveMigration(migration: MigrationSettings): Promise<MigrationSettings>;
	getMigration(id: string): Promise<MigrationSettings | undefined>;
	/** Most recently changed first. */
	listMigrations(): Promise<MigrationSettings[]>;
	/** Removes the migration, its credentials, runs, id map, checkpoints and events, all or nothing. */
	deleteMigration(id: string): Promise<void>;
}

export const FIRST_STAGE: MigrationStage = 'connect';

export function migrationAccess(context: StoreContext): MigrationAccess {
	const { db } = context;

	async function saveMigration(migration: MigrationSettings): Promise<MigrationSettings> {
		const stored = toStoredMigration({ ...migration, updatedAt: context.now() });
		await db.put('migrations', stored);
		return stored;
	}

	return {
		async createMigration(init) {
			const now = context.now();
			return saveMigration({
				id: newId(),
				name: init.name,
				source: init.source,
				target: init.target,
				proxyUrl: init.proxyUrl,
				mappings: { agents: {}, teams: {}, fields: {}, options: {}, ...init.mappings },
				options: init.options ?? {},
				filters: init.filters ?? {},
				stage: init.stage ?? FIRST_STAGE,
				createdAt: now,
				updatedAt: now
			});
		},

		saveMigration,

		getMigration(id) {
			return db.get('migrations', id);
		},

		async listMigrations() {
			const all = await db.getAll('migrations');
			return all.sort((first, second) => second.updatedAt - first.updatedAt);
		},

		async deleteMigration(id) {
			const tx = db.transaction(['migrations', 'credentials', 'runs', 'idMap', 'checkpoints', 'events'], 'readwrite');
			const everything = prefixRange(context, [id]);
			const runs = tx.objectStore('runs');
			const events = tx.objectStore('events');
			// Runs and events are keyed by their own ids: found through the migration index, deleted by primary key, values never loaded.
			const deleteRuns = async () => {
				const deletions: Promise<void>[] = [];
				for (let cursor = await runs.index('byMigration').openKeyCursor(everything); cursor; cursor = await cursor.continue()) {
					deletions.push(runs.delete(cursor.primaryKey));
				}
				await Promise.all(deletions);
			};
			const deleteEvents = async () => {
				const deletions: Promise<void>[] = [];
				for (let cursor = await events.index('byMigrationTime').openKeyCursor(everything); cursor; cursor = await cursor.continue()) {
					deletions.push(events.delete(cursor.primaryKey));
				}
				await Promise.all(deletions);
			};
			await allOrNothing(tx, () =>
				Promise.all([
					tx.objectStore('migrations').delete(id),
					tx.objectStore('credentials').delete(everything),
					tx.objectStore('idMap').delete(everything),
					tx.objectStore('checkpoints').delete(everything),
					deleteRuns(),
					deleteEvents()
				])
			);
		}
	};
}
