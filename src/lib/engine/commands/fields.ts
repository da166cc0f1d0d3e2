// The fields step: source fields beside Kayako's with suggested matches, and one real ticket previewed under a mapping.
import { FIELD_FAMILY, type FieldFamily } from '../connectors/kayako/field-ids';
import type { KayakoSession } from '../connectors/kayako/session';
import { listFields, referenceData, type KayakoField } from '../connectors/kayako/writer';
import type { SourceConnector } from '../connectors/source';
import { createSource, sourceHttp } from '../connectors/sources';
import { MigrationError } from '../errors';
import { fieldChoices, type FieldChoice } from '../field-mapping/choices';
import { kayakoFieldView, matchField, type KayakoFieldView, type SourceFieldMatch } from '../field-mapping/match';
import { previewTicket, type TicketPreview } from '../field-mapping/preview';
import type { FieldDefinition, FieldEntity, SourceId, Ticket } from '../model';
import { writerSettingsFrom } from '../pipeline/settings';
import type { JsonObject, MigrationSettings } from '../store';
import { asResult, type CommandDeps } from './deps';
import { kayakoSession } from './kayako-session';
import { requireMigration } from './migrations';

export type { FieldChoice } from '../field-mapping/choices';
export type { Candidate, FieldIssue, KayakoFieldView, SourceFieldMatch } from '../field-mapping/match';
export type { FieldValuePreview, LostReason, PostPreview, TicketPreview } from '../field-mapping/preview';

export interface FieldSection {
	entity: FieldEntity;
	family: FieldFamily;
	/** The source's custom fields of this kind (system fields are never mapped: Kayako has its own). */
	source: SourceFieldMatch[];
	/** Kayako's custom fields of this family. */
	kayako: KayakoFieldView[];
}

export interface FieldMatches {
	sections: FieldSection[];
	/** What the fields step saved before, read back. */
	saved: Record<SourceId, FieldChoice>;
}

const ENTITIES: readonly FieldEntity[] = ['ticket', 'user', 'organization'];

/** The Kayako field types a list of e-mail addresses fits into whole. */
const TEXT_TYPES: readonly string[] = ['TEXT', 'TEXTAREA'];

function source(deps: CommandDeps, settings: MigrationSettings): SourceConnector {
	const credentials = deps.vault.get(settings.id, 'source');
	if (!credentials || !settings.source.url) {
		throw new MigrationError({ kind: 'credentials-needed', message: 'The source helpdesk password is not in memory (the page was reloaded); enter it again on the connect step.' });
	}
	const http = sourceHttp(settings.proxyUrl, deps.fetch, settings.source.platform);
	return createSource(settings.source, credentials, http, { eventsAsComments: writerSettingsFrom(settings).eventsAsNotes });
}

async function sourceFields(reader: SourceConnector): Promise<FieldDefinition[]> {
	const fields: FieldDefinition[] = [];
	for await (const page of reader.fields()) fields.push(...page.records);
	return fields;
}

async function customFields(session: KayakoSession, family: FieldFamily): Promise<KayakoField[]> {
	return (await listFields(session, family)).filter((field) => !field.is_system);
}

async function firstTicket(reader: SourceConnector, id: SourceId | undefined): Promise<Ticket> {
	if (id) {
		const ticket = await reader.ticket(id);
		if (!ticket) throw new MigrationError({ kind: 'not-found', message: `The source has no ticket ${id}.` });
		return ticket;
	}
	for await (const page of reader.tickets()) {
		if (page.records[0]) return page.records[0];
		if (page.done) break;
	}
	throw new MigrationError({ kind: 'not-found', message: 'The source has no tickets to preview.' });
}

export function fieldCommands(deps: CommandDeps) {
	return {
		fieldMatches: (migrationId: string) =>
			asResult(async (): Promise<FieldMatches> => {
				const settings = await requireMigration(deps, migrationId);
				const reader = source(deps, settings);
				const session = kayakoSession(deps, settings);
				const [definitions, ...kayako] = await Promise.all([sourceFields(reader), ...ENTITIES.map((entity) => customFields(session, FIELD_FAMILY[entity]))]);
				const sections = ENTITIES.map((entity, index): FieldSection => {
					const family = FIELD_FAMILY[entity];
					const views = (kayako[index] ?? []).map((field) => kayakoFieldView(field, family));
					const own = definitions.filter((field) => field.entity === entity && !field.system);
					return { entity, family, source: own.map((field) => matchField(field, views)), kayako: views };
				});
				return { sections, saved: fieldChoices(settings.mappings.fields) };
			}),

		/** Kayako's custom case fields that hold free text, for the CC option: it saves a key, the user picks a title. */
		kayakoTextCaseFields: (migrationId: string) =>
			asResult(async (): Promise<KayakoFieldView[]> => {
				const settings = await requireMigration(deps, migrationId);
				const fields = await customFields(kayakoSession(deps, settings), FIELD_FAMILY.ticket);
				return fields.map((field) => kayakoFieldView(field, FIELD_FAMILY.ticket)).filter((field) => TEXT_TYPES.includes(field.type));
			}),

		/** `fields`: the mapping as the page holds it now (unsaved); the saved one when left out. */
		previewTicket: (migrationId: string, sourceTicketId?: SourceId, fields?: JsonObject) =>
			asResult(async (): Promise<TicketPreview> => {
				const settings = await requireMigration(deps, migrationId);
				const reader = source(deps, settings);
				const session = kayakoSession(deps, settings);
				const ticket = await firstTicket(reader, sourceTicketId?.trim() || undefined);
				const [comments, definitions, reference, caseFields] = await Promise.all([reader.comments(ticket.id), sourceFields(reader), referenceData(session), listFields(session, 'case')]);
				return previewTicket({
					bundle: { ticket, comments },
					settings: writerSettingsFrom(settings),
					reference,
					caseFields,
					definitions: new Map(definitions.filter((field) => field.entity === 'ticket').map((field) => [field.id, field])),
					choices: fieldChoices(fields ?? settings.mappings.fields),
					user: (id) => reader.user(id)
				});
			})
	};
}
