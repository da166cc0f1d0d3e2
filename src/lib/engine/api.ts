// The engine's public, typed API: everything the page may ask of the worker. Every call answers a Result, never throws.
import { CredentialVault } from './credentials';
import type { KayakoAccount } from './connectors/kayako/connection';
import { connectionCommands, type KayakoLogin, type KayakoTarget, type RememberChoice } from './commands/connection';
import { EventHub, type EngineListener } from './commands/events';
import { migrationCommands, type MigrationPatch, type MigrationSummary, type MigrationView, type NewMigrationRequest } from './commands/migrations';
import { checklistCommands, type TriggerState } from './commands/checklist';
import { sourceCommands, type SourceSecret, type SourceTarget } from './commands/connect-source';
import { runCommands } from './commands/runs';
import type { SourceAccount } from './connectors/source';
import { openConnectors, type ConnectorFactory } from './connectors/factory';
import type { Result } from './errors';
import type { RecordKind } from './model';
import type { EntityCounters, IdMapStatus, RunKind, RunRecord } from './store';
import { openStore, type MigrationStore } from './store';

export type { KayakoAccount } from './connectors/kayako/connection';
export type { CredentialState, MigrationPatch, MigrationSummary, MigrationView, NewMigrationRequest } from './commands/migrations';
export type { KayakoLogin, KayakoTarget, RememberChoice } from './commands/connection';
export type { EngineEvent, EngineListener } from './commands/events';
export type { SourcePlatform } from './store';
export type { SourceAccount } from './connectors/source';
export type { SourceSecret, SourceTarget } from './commands/connect-source';
export type { TriggerState } from './commands/checklist';

export interface EngineApi {
	listMigrations(): Promise<Result<MigrationSummary[]>>;
	createMigration(request: NewMigrationRequest): Promise<Result<MigrationSummary>>;
	getMigration(id: string): Promise<Result<MigrationView>>;
	renameMigration(id: string, name: string): Promise<Result<MigrationSummary>>;
	/** Saves what a wizard step decided (mappings, options, filters, stage); never credentials. */
	updateMigration(id: string, patch: MigrationPatch): Promise<Result<MigrationSummary>>;
	/** Removes the migration and everything kept for it in this browser; nothing in Kayako or the source. */
	deleteMigration(id: string): Promise<Result<void>>;
	/** The settings as JSON (the headless runner's --config file too); never with credentials. */
	exportSettings(id: string): Promise<Result<string>>;
	importSettings(json: string): Promise<Result<MigrationSummary>>;

	/** Does a CORS proxy answer at this address? */
	testProxy(proxyUrl: string): Promise<Result<void>>;
	/** "Test connection": logs in to Kayako, checks the role, keeps the password in memory (and encrypted, when asked). */
	connectKayako(migrationId: string, target: KayakoTarget, login: KayakoLogin, remember?: RememberChoice): Promise<Result<KayakoAccount>>;
	/** "Test connection" for the source helpdesk; keeps the secret in memory (and encrypted, when asked). */
	connectSource(migrationId: string, target: SourceTarget, login: SourceSecret, remember?: RememberChoice): Promise<Result<SourceAccount>>;
	/** Decrypts the remembered credentials of a migration into the worker's memory. */
	unlockCredentials(migrationId: string, passphrase: string): Promise<Result<void>>;
	forgetCredentials(migrationId: string): Promise<Result<void>>;

	/** Starts a run in the background; progress and the end arrive as events. Answers as soon as the run has its id. */
	startRun(migrationId: string, kind: Exclude<RunKind, 'rollback'>): Promise<Result<{ runId: string }>>;
	/** Deletes in Kayako what these runs created. */
	rollbackRuns(migrationId: string, runIds: string[]): Promise<Result<{ runId: string }>>;
	/** Goes on with a run that stopped half-way (closed tab, dead worker, lost connection). */
	resumeRun(migrationId: string, runId: string): Promise<Result<{ runId: string }>>;
	pauseRun(runId: string): Promise<Result<void>>;
	continueRun(runId: string): Promise<Result<void>>;
	cancelRun(runId: string): Promise<Result<void>>;
	listRuns(migrationId: string): Promise<Result<RunRecord[]>>;
	interruptedRuns(migrationId: string): Promise<Result<RunRecord[]>>;
	/** Per entity: all, migrated, failed, skipped, counted from the id map. */
	results(migrationId: string): Promise<Result<Partial<Record<RecordKind, EntityCounters>>>>;
	/** One report as CSV text (UTF-8 with BOM). */
	reportCsv(migrationId: string, status: IdMapStatus | 'all', entity?: RecordKind): Promise<Result<string>>;

	/** The checklist: Kayako's triggers, and which the tool turned off. */
	kayakoTriggers(migrationId: string): Promise<Result<TriggerState>>;
	/** Off: every enabled trigger (remembered). On: exactly those the tool turned off. */
	switchKayakoTriggers(migrationId: string, enabled: boolean): Promise<Result<TriggerState>>;
	/** Kayako's "allow unsafe HTML in articles", read live. */
	articleHtmlAllowed(migrationId: string): Promise<Result<boolean>>;

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
	/** Builds the source reader and the Kayako writer of a migration. */
	connectors?: ConnectorFactory;
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
		...sourceCommands(deps),
		...checklistCommands(deps),
		...runCommands({ ...deps, connectors: options.connectors ?? openConnectors }),
		subscribe: (listener) => events.subscribe(listener),
		unsubscribe: (subscription) => events.unsubscribe(subscription)
	};
}

