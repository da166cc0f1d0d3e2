// From a migration's saved settings (what the wizard stored, or the runner's config file) to a run's options.
import { fieldChoices } from '../field-mapping/choices';
import { ENTITIES, type Entity } from '../model';
import type { JsonObject, JsonValue, MigrationSettings } from '../store';
import type { TicketFilters } from './filters';
import type { MappingChoice, PipelineOptions } from './options';
import { isWrittenLanguage, type WrittenLanguage } from '../words';

/** What the Kayako writer is told, from the options step. */
export interface WriterSettings {
	/** A tag put on every migrated case, e.g. "zendesk-import"; empty for none. */
	tagMigrated?: string;
	oldIdInSubject: boolean;
	/** The Kayako case field key that receives the CC e-mails, when wanted. */
	ccField?: string;
	inlineImages: 'rewrite' | 'attach';
	skipAttachments: boolean;
	/** Ticket events (status, assignee, field changes) as private notes. */
	eventsAsNotes: boolean;
	/** The language of what the tool writes into Kayako (bylines, event notes); English for migrations saved before it was asked. */
	language?: WrittenLanguage;
	/** The time zone of the dates it writes (an IANA name like "Europe/Berlin"); the machine's when absent. */
	timeZone?: string;
}

const text = (value: JsonValue | undefined): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const flag = (value: JsonValue | undefined): boolean => value === true;
const whole = (value: JsonValue | undefined): number | undefined => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined);
const texts = (value: JsonValue | undefined): string[] | undefined => (Array.isArray(value) ? value.filter((each): each is string => typeof each === 'string') : undefined);

function choices(mapping: JsonObject): Record<string, MappingChoice> {
	const result: Record<string, MappingChoice> = {};
	for (const [sourceId, value] of Object.entries(mapping)) {
		if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
		const { action, kayakoId } = value;
		if (action === 'match' && (typeof kayakoId === 'number' || typeof kayakoId === 'string')) result[sourceId] = { action, kayakoId };
		else if (action === 'create' || action === 'default') result[sourceId] = { action };
	}
	return result;
}

export function pipelineOptionsFrom(settings: MigrationSettings): Partial<PipelineOptions> {
	const { options, filters, mappings } = settings;
	const entities = texts(options.entities)?.filter((each): each is Entity => (ENTITIES as readonly string[]).includes(each));
	const result: Partial<PipelineOptions> = {
		agents: choices(mappings.agents),
		teams: choices(mappings.teams),
		fields: fieldChoices(mappings.fields),
		migrateInactiveUsers: flag(options.migrateInactiveUsers),
		filters: ticketFilters(filters)
	};
	if (entities?.length) result.entities = entities;
	if (options.deltaTickets === 'reimport' || options.deltaTickets === 'append') result.deltaTickets = options.deltaTickets;
	const recentDays = whole(options.recentDays);
	if (recentDays) result.recentDays = recentDays;
	const batchSize = whole(options.batchSize);
	if (batchSize) result.batchSize = batchSize;
	const ticketPool = whole(options.ticketPool);
	if (ticketPool) result.ticketPool = ticketPool;
	const defaultAgentId = options.defaultAgentId;
	if (typeof defaultAgentId === 'number' || typeof defaultAgentId === 'string') result.defaultAgentId = defaultAgentId;
	return result;
}

export function ticketFilters(filters: JsonObject): TicketFilters {
	const result: TicketFilters = {};
	const from = text(filters.createdFrom);
	const to = text(filters.createdTo);
	if (from) result.createdFrom = from;
	if (to) result.createdTo = to;
	for (const key of ['tags', 'teamIds', 'organizationIds', 'assigneeIds'] as const) {
		const list = texts(filters[key]);
		if (list?.length) result[key] = list;
	}
	const field = filters.field;
	if (field && typeof field === 'object' && !Array.isArray(field) && typeof field.id === 'string' && typeof field.value === 'string') result.field = { id: field.id, value: field.value };
	return result;
}

export function writerSettingsFrom(settings: MigrationSettings): WriterSettings {
	const { options } = settings;
	return {
		tagMigrated: text(options.tagMigrated),
		oldIdInSubject: flag(options.oldIdInSubject),
		ccField: text(options.ccField),
		inlineImages: options.inlineImages === 'attach' ? 'attach' : 'rewrite',
		skipAttachments: flag(options.skipAttachments),
		eventsAsNotes: flag(options.eventsAsNotes),
		language: isWrittenLanguage(options.writtenLanguage) ? options.writtenLanguage : 'en',
		...(text(options.writtenTimeZone) && { timeZone: text(options.writtenTimeZone) })
	};
}
