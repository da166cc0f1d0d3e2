// The one IndexedDB schema: object stores, indices, and the ordered steps that bring an older database up to date.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type {
	CheckpointRecord,
	CredentialSide,
	EventRecord,
	IdMapRow,
	IdMapStatus,
	KayakoId,
	MigrationSettings,
	RunRecord,
	StoredCredentials
} from './types';

export const DEFAULT_DB_NAME = 'kayako-migrator';

export type IdMapPrimaryKey = [migrationId: string, entity: string, sourceId: string];

export interface MigratorDB extends DBSchema {
	migrations: { key: string; value: MigrationSettings };
	credentials: { key: [migrationId: string, side: CredentialSide]; value: StoredCredentials };
	runs: {
		key: string;
		value: RunRecord;
		indexes: { byMigration: [migrationId: string, startedAt: number] };
	};
	idMap: {
		key: IdMapPrimaryKey;
		value: IdMapRow;
		indexes: {
			byRunStatus: [runId: string, status: IdMapStatus];
			byMigrationStatus: [migrationId: string, status: IdMapStatus];
			byEntityStatus: [migrationId: string, entity: string, status: IdMapStatus];
			// Rows without a kayakoId are left out of this index by IndexedDB itself.
			byKayakoId: [migrationId: string, entity: string, kayakoId: KayakoId];
		};
	};
	checkpoints: { key: [migrationId: string, stream: string]; value: CheckpointRecord };
	events: {
		key: number;
		value: EventRecord;
		indexes: { byMigrationTime: [migrationId: string, time: number] };
	};
}

export type MigratorDatabase = IDBPDatabase<MigratorDB>;
export type UpgradeTransaction = IDBPTransaction<MigratorDB, StoreNames<MigratorDB>[], 'versionchange'>;
type UpgradeStep = (db: MigratorDatabase, tx: UpgradeTransaction) => void;

/**
 * Step N brings a database from version N-1 to N. A released step is never edited: a change
 * to the schema is a new step appended here, so every user's database walks the same path.
 */
const upgradeSteps: readonly UpgradeStep[] = [
	function createVersion1(db) {
		db.createObjectStore('migrations', { keyPath: 'id' });
		db.createObjectStore('credentials', { keyPath: ['migrationId', 'side'] });

		const runs = db.createObjectStore('runs', { keyPath: 'id' });
		runs.createIndex('byMigration', ['migrationId', 'startedAt']);

		const idMap = db.createObjectStore('idMap', { keyPath: ['migrationId', 'entity', 'sourceId'] });
		idMap.createIndex('byRunStatus', ['runId', 'status']);
		idMap.createIndex('byMigrationStatus', ['migrationId', 'status']);
		idMap.createIndex('byEntityStatus', ['migrationId', 'entity', 'status']);
		idMap.createIndex('byKayakoId', ['migrationId', 'entity', 'kayakoId']);

		db.createObjectStore('checkpoints', { keyPath: ['migrationId', 'stream'] });

		const events = db.createObjectStore('events', { keyPath: 'id', autoIncrement: true });
		events.createIndex('byMigrationTime', ['migrationId', 'time']);
	}
];

export const DB_VERSION = upgradeSteps.length;

/** Runs every step between the database's version and this code's version, in order, inside the upgrade transaction. */
export function upgrade(db: MigratorDatabase, oldVersion: number, newVersion: number | null, tx: UpgradeTransaction): void {
	const target = newVersion ?? DB_VERSION;
	for (let version = oldVersion + 1; version <= target; version++) {
		const step = upgradeSteps[version - 1];
		if (!step) throw new Error(`No upgrade step to bring the database to version ${version}.`);
		step(db, tx);
	}
}
