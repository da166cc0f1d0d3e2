// The engine's public, typed API: everything the page may ask of the worker. Every call answers a Result, never throws.
import { CredentialVault } from './credentials';
import type { KayakoAccount } from './connectors/kayako/connection';
import { connectionCommands, type KayakoLogin, type KayakoTarget, type RememberChoice } from './commands/connection';
import { EventHub, type EngineListener } from './commands/events';
import { migrationCommands, type MigrationPatch, type MigrationSummary, type MigrationView, type NewMigrationRequest } from './commands/migrations';
import { checklistCommands, type TriggerState } from './commands/checklist';
import { archiveCommands } from './commands/archive';
import { sourceCommands, type SourceSecret, type SourceTarget } from './commands/connect-source';
import { runCommands, type RunningWhere } from './commands/runs';
import { selectCommands, type SourceCounts } from './commands/select';
import { matchCommands, type MatchCandidates } from './commands/match';
import { organizationSearchCommands, type ChosenOrganizations, type OrganizationMatches } from './commands/organization-search';
import { recordCommands, type RecordPage, type ReportFormat } from './commands/records';
import type { ReportLanguage } from './reports/reasons/render';
import { fieldCommands, type FieldMatches, type KayakoFieldView, type TicketPreview } from './commands/fields';
import { ticketFieldCommands, type FieldDefinition } from './commands/ticket-fields';
import { shareRunEvents } from './commands/run-broadcast';
import type { SourceAccount } from './connectors/source';
import type { RollbackPreview } from './pipeline/rollback-plan';
import { openConnectors, type ConnectorFactory } from './connectors/factory';
import type { Result } from './errors';
import type { RecordKind } from './model';
import type { EntityCounters, IdMapKey, IdMapStatus, RunKind, RunRecord } from './store';
import type { JsonObject } from './store';
import { openStore, type MigrationStore } from './store';

export type { KayakoAccount } from './connectors/kayako/connection';
export type { CredentialState, MigrationPatch, MigrationSummary, MigrationView, NewMigrationRequest } from './commands/migrations';
export type { KayakoLogin, KayakoTarget, RememberChoice } from './commands/connection';
export type { EngineEvent, EngineListener } from './commands/events';
export type { SourcePlatform } from './store';
export type { SourceAccount } from './connectors/source';
export type { SourceSecret, SourceTarget } from './commands/connect-source';
export type { TriggerState } from './commands/checklist';
export type { Candidate, FieldChoice, FieldIssue, FieldMatches, FieldSection, FieldValuePreview, KayakoFieldView, LostReason, PostPreview, SourceFieldMatch, TicketPreview } from './commands/fields';
export type { SourceCounts } from './commands/select';
export type { MatchCandidates } from './commands/match';
export type { ChosenOrganizations, NamedOrganization, OrganizationMatches } from './commands/organization-search';
export type { FieldDefinition, FieldOption, FieldType } from './commands/ticket-fields';
export type { AgentMatch, TeamMatch, SourceAgent } from './pipeline/matching';
export type { KayakoStaffMember } from './connectors/kayako/staff';
export type { RecordLine, RecordPage, ReportFormat } from './commands/records';
export type { ReportLanguage } from './reports/reasons/render';
export type { RunningWhere } from './commands/runs';

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
	/** Everything kept for the migration (settings, runs, id map, events) as JSON to archive; never with credentials. */
	archiveMigration(id: string): Promise<Result<string>>;

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
	/** Deletes in Kayako what these runs created and no other run uses; the rest stays, as the later run's. */
	rollbackRuns(migrationId: string, runIds: string[]): Promise<Result<{ runId: string }>>;
	/** What `rollbackRuns` would delete and keep, by kind, for the confirm before anything goes. */
	previewRollback(migrationId: string, runIds: string[]): Promise<Result<RollbackPreview>>;
	/** Goes on with a run that stopped half-way (closed tab, dead worker, lost connection). */
	resumeRun(migrationId: string, runId: string): Promise<Result<{ runId: string }>>;
	pauseRun(runId: string): Promise<Result<void>>;
	continueRun(runId: string): Promise<Result<void>>;
	cancelRun(runId: string): Promise<Result<void>>;
	/** A watching tab asks the tab that runs the migration for its progress now (a paused run sends none by itself). */
	askProgress(migrationId: string): Promise<Result<void>>;
	listRuns(migrationId: string): Promise<Result<RunRecord[]>>;
	interruptedRuns(migrationId: string): Promise<Result<RunRecord[]>>;
	/** Whether the migration runs now in this tab (and which run), in another tab or window, or nowhere. */
	runningWhere(migrationId: string): Promise<Result<RunningWhere>>;
	/** Per entity: all, migrated, failed, skipped, counted from the id map. */
	results(migrationId: string): Promise<Result<Partial<Record<RecordKind, EntityCounters>>>>;
	/** One report as CSV text (UTF-8 with BOM), in the language and with the separator asked for (English and "," if not). */
	reportCsv(migrationId: string, status: IdMapStatus | 'all', entity?: RecordKind, format?: ReportFormat): Promise<Result<string>>;
	/** The same report as an .xlsx workbook. */
	reportXlsx(migrationId: string, status: IdMapStatus | 'all', entity?: RecordKind, format?: ReportFormat): Promise<Result<Blob>>;
	/** The records behind one number of the results table, a page at a time (`after` is the previous page's `next`), reasons in `language`. */
	listRecords(migrationId: string, entity: RecordKind, status: IdMapStatus | 'all', limit?: number, after?: IdMapKey, language?: ReportLanguage): Promise<Result<RecordPage>>;

	/** The select step: each entity's count in the source, one after the other; `count-progress` events while it runs. */
	countSource(migrationId: string): Promise<Result<SourceCounts>>;
	/** The match step: source agents and groups beside Kayako's staff and teams, each with a proposed (or saved) choice. */
	matchCandidates(migrationId: string): Promise<Result<MatchCandidates>>;

	/** The options step: the source's organisations whose name starts with these letters (the first page of them, and how many in all). */
	searchOrganizations(migrationId: string, prefix: string): Promise<Result<OrganizationMatches>>;
	/** The options step: the names of organisations chosen before, and which of them the source no longer holds. */
	organizationNames(migrationId: string, ids: string[]): Promise<Result<ChosenOrganizations>>;
	/** The options step: the source's custom ticket fields (retired ones too), with their types and options; nothing of Kayako. */
	sourceTicketFields(migrationId: string): Promise<Result<FieldDefinition[]>>;

	/** The fields step: the source's ticket, contact and organisation fields beside Kayako's, matched by name and type, with what a mismatch costs. */
	fieldMatches(migrationId: string): Promise<Result<FieldMatches>>;
	/** The options step: Kayako's custom text case fields, by title, for the CC addresses (their key is saved). */
	kayakoTextCaseFields(migrationId: string): Promise<Result<KayakoFieldView[]>>;
	/** One real ticket (the first, or this id) as it will look in Kayako under the given mapping (or the saved one). */
	previewTicket(migrationId: string, sourceTicketId?: string, fields?: JsonObject): Promise<Result<TicketPreview>>;

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
	/** A BroadcastChannel name: run progress is shared with the other tabs' engines, so they can watch a run they do not hold. */
	runChannel?: string;
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
	if (options.runChannel) shareRunEvents(events, options.runChannel);
	const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
	const deps = { store: openOnce, vault, events, fetch: fetchImpl };
	return {
		...migrationCommands(deps),
		...connectionCommands(deps),
		...sourceCommands(deps),
		...checklistCommands(deps),
		...selectCommands(deps),
		...matchCommands(deps),
		...organizationSearchCommands(deps),
		...ticketFieldCommands(deps),
		...fieldCommands(deps),
		...archiveCommands(deps),
		...runCommands({ ...deps, connectors: options.connectors ?? openConnectors }),
		...recordCommands(deps),
		subscribe: (listener) => events.subscribe(listener),
		unsubscribe: (subscription) => events.unsubscribe(subscription)
	};
}

