// The records kept in IndexedDB: migration settings, encrypted credentials, runs, the id map, checkpoints and events.
import type { ReasonPart } from '../reports/reasons/codes';

/** Any value that survives JSON.stringify and back unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Keys a secret would be stored under. Typed `never` so that a password or token cannot be put
 * into a saved migration by accident; `sanitizeMigration` also strips them at run time.
 */
export interface NoSecrets {
	password?: never;
	passphrase?: never;
	token?: never;
	apiToken?: never;
	accessToken?: never;
	refreshToken?: never;
	apiKey?: never;
	secret?: never;
}

export type SourcePlatform = 'zendesk' | 'freshdesk' | 'helpscout' | 'kayako-classic' | 'csv';
export type AuthMethod = 'password' | 'api-token' | 'oauth' | 'api-key';

export interface SourceSettings extends NoSecrets {
	platform: SourcePlatform;
	url: string;
	email?: string;
	authMethod?: AuthMethod;
}

export interface TargetSettings extends NoSecrets {
	url: string;
	email: string;
}

/** The user's decisions of steps 3 and 4; each part is shaped by the step that fills it. */
export interface MigrationMappings {
	agents: JsonObject;
	teams: JsonObject;
	fields: JsonObject;
	options: JsonObject;
}

/** Where the wizard stands; the wizard owns the list, the store only keeps it. */
export type MigrationStage = string;

export interface MigrationSettings extends NoSecrets {
	id: string;
	name: string;
	source: SourceSettings;
	target: TargetSettings;
	proxyUrl: string;
	mappings: MigrationMappings;
	options: JsonObject;
	filters: JsonObject;
	stage: MigrationStage;
	createdAt: number;
	updatedAt: number;
}

export type CredentialSide = 'source' | 'kayako';

/** Remembered credentials as they rest in IndexedDB: only the AES-GCM ciphertext and what decrypting it needs. */
export interface StoredCredentials {
	migrationId: string;
	side: CredentialSide;
	/** Base64 of the 16-byte PBKDF2 salt. */
	salt: string;
	/** Base64 of the 12-byte AES-GCM nonce. */
	iv: string;
	/** Base64 of the AES-GCM ciphertext with its tag. */
	ciphertext: string;
	iterations: number;
	createdAt: number;
}

export type RunKind = 'demo' | 'full' | 'delta' | 'rollback';
export type RunState = 'running' | 'paused' | 'finished' | 'failed' | 'cancelled';

/** The four columns of the results table, for one entity. */
export interface EntityCounters {
	total: number;
	migrated: number;
	failed: number;
	skipped: number;
}

/** What a delta did to one entity: records it created, records migrated before that it brought up to date. */
export interface DeltaEntityCounts {
	added: number;
	updated: number;
	/** Tickets: comments appended to cases migrated before. */
	commentsAppended?: number;
	/** Tickets: imported anew under a new case, the old case trashed. */
	reimported?: number;
}

/** A delta's summary, kept with its run: per entity, and the tickets whose case number changed. */
export interface DeltaSummary {
	entities: Record<string, DeltaEntityCounts>;
	commentsAppended: number;
	reimported: { sourceId: string; oldKayakoId: KayakoId; newKayakoId: KayakoId }[];
}

export interface RunRecord {
	id: string;
	migrationId: string;
	kind: RunKind;
	state: RunState;
	/** Keyed by entity name, e.g. `ticket`, `user`. */
	counters: Record<string, EntityCounters>;
	startedAt: number;
	finishedAt?: number;
	/** For a rollback: the runs whose creations it deletes. */
	rollsBack?: string[];
	/** Set on a run whose records a later rollback deleted. */
	rolledBackBy?: string;
	/** Why a run stopped in state `failed`, in the user's words. */
	error?: { kind: string; message: string };
	/** The run's options as it started, so a resumed run goes on exactly as it began. */
	settings?: JsonObject;
	/** The run notes on the id map the records of other runs it uses (`usedBy`); runs of older versions did not. */
	notesUse?: boolean;
	/** A delta's summary: what it added and updated per entity. */
	delta?: DeltaSummary;
}

export type IdMapStatus = 'pending' | 'migrated' | 'failed' | 'skipped';
/** Kayako's id of the record the tool created; stored as given, so look it up with the same type. */
export type KayakoId = number | string;

/** Which source record a row is about. */
export interface IdMapKey {
	migrationId: string;
	/** The canonical entity name, e.g. `user`, `ticket`, `organisation`. */
	entity: string;
	/** The source's id, always as a string so 123 and '123' are the same record. */
	sourceId: string;
}

export interface IdMapRow extends IdMapKey {
	status: IdMapStatus;
	kayakoId?: KayakoId;
	/** Why a record failed or was skipped, or what changed on the way for a migrated one: one sentence for the report. */
	reason?: string;
	/** The same reason as facts with codes, so a report renders it in the reader's language; absent on older rows. */
	reasonParts?: ReasonPart[];
	/** What a reader knows the record by: a ticket's subject, a user's name and e-mail, an organisation's name, a field's title. */
	label?: string;
	/** The record's own address in the source when the source gives one (a help-centre article's page). */
	sourceUrl?: string;
	/** The run that last touched the row. */
	runId: string;
	/** Hash of the source record when it was migrated; delta compares against it. */
	contentHash?: string;
	updatedAt: number;
	/** How many times a create was started for this record. */
	attempts: number;
	/** The run that created the Kayako record; absent when it was matched to one that existed. Rollback deletes by this. */
	createdBy?: string;
	/** The source ids of the parts that moved with the record (a ticket's comments); a delta sends only the others. */
	parts?: string[];
	/** Later runs that used the record another run made (counted it as there, referenced it, updated it): a rollback of its maker keeps it for them. */
	usedBy?: string[];
	/**
	 * The Kayako bulk job that was accepted to create this record and may not have ended. While a row carries it,
	 * nothing is sent for the record again until that job has been followed to its end (after a crash too).
	 */
	jobId?: number;
	/** Pending: what the report must say of the record once it is found (a file left out), set just before its send. */
	pendingNote?: string;
}

/** The single-index reads of the id map. */
export type IdMapQuery =
	| { by: 'migration'; migrationId: string }
	| { by: 'entity'; migrationId: string; entity: string }
	| { by: 'run-status'; runId: string; status: IdMapStatus }
	| { by: 'migration-status'; migrationId: string; status: IdMapStatus }
	| { by: 'entity-status'; migrationId: string; entity: string; status: IdMapStatus }
	| { by: 'kayako-id'; migrationId: string; entity: string; kayakoId: KayakoId };

/** A page request: `after` is the key of the last row of the previous page. */
export interface IdMapPageRequest {
	limit: number;
	after?: IdMapKey;
}

export interface IdMapPage {
	rows: IdMapRow[];
	/** Pass as `after` for the next page; absent on the last page. */
	next?: IdMapKey;
}

export interface CheckpointRecord {
	migrationId: string;
	/** Which reader the checkpoint resumes, e.g. `zendesk:tickets`. */
	stream: string;
	checkpoint: JsonValue;
	updatedAt: number;
}

export type EventLevel = 'info' | 'warn' | 'error';

export interface EventRecord {
	id: number;
	migrationId: string;
	runId?: string;
	time: number;
	level: EventLevel;
	message: string;
	data?: JsonValue;
}

export type NewEvent = Omit<EventRecord, 'id' | 'time'> & { time?: number };

export interface EventPageRequest {
	limit: number;
	/** The oldest event of the previous page; the next page holds older events. */
	before?: Pick<EventRecord, 'id' | 'time'>;
}

/** Which events to delete: those older than a time, or all but the newest N, or both. */
export interface EventPruning {
	olderThan?: number;
	keepLatest?: number;
}
