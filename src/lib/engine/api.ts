// The engine's public, typed API: everything the page may ask of the worker. Every call answers a Result, never throws.
import { CredentialVault } from './credentials';
import type { KayakoAccount } from './connectors/kayako/connection';
import { connectionCommands, type KayakoLogin, type KayakoTarget, type RememberChoice } from './commands/connection';
import { EventHub, type EngineListener } from './commands/events';
import { migrationCommands, type MigrationSummary, type MigrationView, type NewMigrationRequest } from './commands/migrations';
import type { Result } from './errors';
import { openStore, type MigrationStore } from './store';

export type { KayakoAccount } from './connectors/kayako/connection';
export type { CredentialState, MigrationSummary, MigrationView, NewMigrationRequest } from './commands/migrations';
export type { KayakoLogin, KayakoTarget, RememberChoice } from './commands/connection';
export type { EngineEvent, EngineListener } from './commands/events';
export type { SourcePlatform } from './store';

export interface EngineApi {
	listMigrations(): Promise<Result<MigrationSummary[]>>;
	createMigration(request: NewMigrationRequest): Promise<Result<MigrationSummary>>;
	getMigration(id: string): Promise<Result<MigrationView>>;
	renameMigration(id: string, name: string): Promise<Result<MigrationSummary>>;
	/** Removes the migration and everything kept for it in this browser; nothing in Kayako or the source. */
	deleteMigration(id: string): Promise<Result<void>>;

	/** Does a CORS proxy answer at this address? */
	testProxy(proxyUrl: string): Promise<Result<void>>;
	/** "Test connection": logs in to Kayako, checks the role, keeps the password in memory (and encrypted, when asked). */
	connectKayako(migrationId: string, target: KayakoTarget, login: KayakoLogin, remember?: RememberChoice): Promise<Result<KayakoAccount>>;
	/** Decrypts the remembered credentials of a migration into the worker's memory. */
	unlockCredentials(migrationId: string, passphrase: string): Promise<Result<void>>;
	forgetCredentials(migrationId: string): Promise<Result<void>>;

	/** The listener is called for every event (across the worker boundary: wrap it with Comlink.proxy). Answers the subscription's id. */
	subscribe(listener: EngineListener): number;
	unsubscribe(subscription: number): void;
}

export interface EngineOptions {
	indexedDB?: IDBFactory;
	fetch?: typeof fetch;
	/** The IndexedDB database name; tests use their own. */
	dbName?: string;
	now?: () => number;
}

export function createEngine(options: EngineOptions = {}): EngineApi {
	let store: Promise<MigrationStore> | undefined;
	const openOnce = () => {
		store ??= openStore({ indexedDB: options.indexedDB, name: options.dbName, now: options.now });
		// A failed open is retried on the next call rather than remembered forever.
		store.catch(() => (store = undefined));
		return store;
	};
	const vault = new CredentialVault();
	const events = new EventHub();
	const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
	const deps = { store: openOnce, vault, events, fetch: fetchImpl };
	return {
		...migrationCommands(deps),
		...connectionCommands(deps),
		subscribe: (listener) => events.subscribe(listener),
		unsubscribe: (subscription) => events.unsubscribe(subscription)
	};
}

