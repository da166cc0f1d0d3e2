// openStore: the one door through which the engine reads and writes IndexedDB.
import { MigrationError } from '../errors';
import { checkpointAccess, type CheckpointAccess } from './checkpoints';
import type { StoreContext } from './context';
import { credentialBlobAccess, type CredentialBlobAccess } from './credentials';
import { eventAccess, type EventAccess } from './events';
import { idMapWriteAccess, type IdMapWriteAccess } from './id-map';
import { idMapReadAccess, type IdMapReadAccess } from './id-map-queries';
import { idMapUsageAccess, type IdMapUsageAccess } from './id-map-usage';
import { migrationAccess, type MigrationAccess } from './migrations';
import { openDatabase } from './open';
import { DEFAULT_DB_NAME } from './schema';
import { toStorageError, withStorageErrors } from './storage-errors';
import { runAccess, type RunAccess } from './runs';

export interface OpenStoreOptions {
	/** Database name; tests and side-by-side installs use their own. */
	name?: string;
	/**
	 * Defaults to the global `indexedDB`. idb recognises requests by the global IDB classes, so a
	 * factory passed here must come from the implementation installed globally: under Node,
	 * `import 'fake-indexeddb/auto'` and pass `new IDBFactory()` for a private, empty database.
	 */
	indexedDB?: IDBFactory;
	/** Milliseconds since the epoch; tests pass a fixed clock. */
	now?: () => number;
}

export type MigrationStore = MigrationAccess &
	CredentialBlobAccess &
	RunAccess &
	IdMapWriteAccess &
	IdMapReadAccess &
	IdMapUsageAccess &
	CheckpointAccess &
	EventAccess & {
		readonly name: string;
		close(): void;
	};

export async function openStore(options: OpenStoreOptions = {}): Promise<MigrationStore> {
	const name = options.name ?? DEFAULT_DB_NAME;
	const factory = options.indexedDB ?? globalThis.indexedDB;
	const keyRange = globalThis.IDBKeyRange;
	if (!factory || !keyRange) {
		throw new MigrationError({ kind: 'storage-unavailable', message: 'This browser offers no IndexedDB here, so nothing can be saved; use another browser or leave private mode.' });
	}
	let db;
	try {
		db = await openDatabase(factory, name);
	} catch (error) {
		const storageError = toStorageError(error);
		throw storageError instanceof MigrationError
			? storageError
			: new MigrationError({ kind: 'storage-unavailable', message: `The browser's database ${name} could not be opened; reload the page or leave private mode.` }, { cause: error });
	}
	const context: StoreContext = {
		db,
		keyRange,
		compareKeys: (first, second) => factory.cmp(first, second),
		now: options.now ?? Date.now
	};
	return {
		...withStorageErrors({
			...migrationAccess(context),
			...credentialBlobAccess(context),
			...runAccess(context),
			...idMapWriteAccess(context),
			...idMapReadAccess(context),
			...idMapUsageAccess(context),
			...checkpointAccess(context),
			...eventAccess(context)
		}),
		name,
		close: () => db.close()
	};
}
