// What a run is told: which entities, the user's mappings, filters and the limits it keeps.
import { MigrationError } from '../errors';
import type { FieldChoice } from '../field-mapping/choices';
import { ENTITIES, type Entity, type SourceId } from '../model';
import type { KayakoId } from '../store';
import type { TicketFilters } from './filters';
import { WRITTEN_LANGUAGES, isWrittenLanguage } from '../words';

/** The match step's decision for one source agent (or group). */
export type MappingChoice = { action: 'match'; kayakoId: KayakoId } | { action: 'create' } | { action: 'default' };

export interface PipelineOptions {
	entities: readonly Entity[];
	filters: TicketFilters;
	/** Source agent id → what to do; agents without an entry are created (active) or sent to the default agent (inactive). */
	agents: Record<SourceId, MappingChoice>;
	/** Source group id → what to do; groups without an entry are created. */
	teams: Record<SourceId, MappingChoice>;
	/** Source field id → the fields step's choice; fields without an entry are created, or matched by title. */
	fields: Record<SourceId, FieldChoice>;
	/** The Kayako user who takes the tickets of agents that left, and the posts of deleted users. */
	defaultAgentId?: KayakoId;
	/** Inactive customers and agents are created as disabled users instead of being skipped. */
	migrateInactiveUsers: boolean;
	/** Move the tickets of the last N days first, then the rest. */
	recentDays?: number;
	/** Tickets per bulk request (Kayako takes up to 200); a batch may hold tickets of several source pages. */
	batchSize: number;
	/**
	 * Tickets prepared at once (comments read, people brought in). Their requests wait in the HTTP limiter's queue,
	 * whose concurrency follows the helpdesk's answers (4 to 16): the pool only keeps that queue fed and bounds memory.
	 */
	ticketPool: number;
	/** How often one record is tried before it is reported as failed. */
	attemptsPerRecord: number;
	/**
	 * Delta, a ticket migrated before that changed: `append` adds its new comments as notes headed by their author and
	 * time (the case keeps its number); `reimport` imports it anew with every post, author and time, trashes the old
	 * case and maps the new one (its number changes).
	 */
	deltaTickets: 'append' | 'reimport';
	/** For demo runs: how many tickets, and the seed that picks them. */
	demo?: { size: number; seed: number; candidates: number };
}

export const DEFAULT_PIPELINE_OPTIONS: PipelineOptions = {
	entities: ['teams', 'fields', 'organizations', 'users', 'tickets', 'articles'],
	filters: {},
	agents: {},
	teams: {},
	fields: {},
	migrateInactiveUsers: false,
	deltaTickets: 'append',
	batchSize: 200,
	ticketPool: 8,
	attemptsPerRecord: 3
};

export const MAX_BATCH = 200;
/** More tickets at once than the limiter's highest concurrency (16) would only hold more in memory. */
export const MAX_TICKET_POOL = 16;

/**
 * Refuses a saved `options.entities` that is not a list of known entity names: a typo like "tikets" would
 * otherwise be dropped and, with nothing left, every entity migrated. Absent means every entity.
 */
export function checkEntityNames(value: unknown): void {
	if (value === undefined) return;
	const valid = `Valid names: ${ENTITIES.join(', ')}.`;
	if (!Array.isArray(value)) {
		throw new MigrationError({ kind: 'invalid-input', message: `options.entities must be a list of entity names, like ["tickets", "users"], not ${JSON.stringify(value)}. ${valid}` });
	}
	const unknown = value.filter((each) => typeof each !== 'string' || !(ENTITIES as readonly string[]).includes(each));
	if (unknown.length > 0) {
		const names = unknown.map((each) => JSON.stringify(each)).join(', ');
		throw new MigrationError({ kind: 'invalid-input', message: `options.entities names ${unknown.length === 1 ? 'an entity' : 'entities'} this tool does not know: ${names}. ${valid} Correct the settings file and load it again.` });
	}
}

/**
 * Refuses a saved language of what the tool writes into Kayako (`options.writtenLanguage`) that it cannot write in, and a
 * time zone (`options.writtenTimeZone`) this runtime does not know: either would otherwise quietly become English or UTC.
 */
export function checkWrittenLanguage(options: Record<string, unknown>): void {
	const language = options.writtenLanguage;
	if (language !== undefined && !isWrittenLanguage(language)) {
		throw new MigrationError({ kind: 'invalid-input', message: `options.writtenLanguage is ${JSON.stringify(language)}, a language the tool cannot write into Kayako in. Use one of ${WRITTEN_LANGUAGES.map((each) => JSON.stringify(each)).join(', ')}, or leave it out for English.` });
	}
	const zone = options.writtenTimeZone;
	if (zone === undefined) return;
	let known = typeof zone === 'string' && zone.trim() !== '';
	try {
		if (known) new Intl.DateTimeFormat('en', { timeZone: String(zone) });
	} catch {
		known = false;
	}
	if (!known) throw new MigrationError({ kind: 'invalid-input', message: `options.writtenTimeZone is ${JSON.stringify(zone)}, which is not a time zone name like "Europe/Berlin" or "UTC". Correct it, or leave it out for this machine's time zone.` });
}
