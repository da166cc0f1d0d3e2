// What a migration should leave in Kayako, worked out from the source and the id map: a snapshot of the source, and per-type field values.
import { createHash } from 'node:crypto';
import type { SourceConnector } from '../../src/lib/engine/connectors/source';
import type { Article, Comment, FieldDefinition, FieldType, FieldValue, KbCategory, KbSection, Organization, RecordKind, Team, Ticket, User } from '../../src/lib/engine/model';
import type { IdMapKey, IdMapRow, MigrationStore } from '../../src/lib/engine/store';
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';

export interface SourceSnapshot {
	tickets: Ticket[];
	comments: Map<string, Comment[]>;
	users: User[];
	organizations: Organization[];
	teams: Team[];
	fields: FieldDefinition[];
	categories: KbCategory[];
	sections: KbSection[];
	articles: Article[];
	/** Tickets deleted in the source: never moved, or their case closed when an earlier run had moved them. */
	deletedTicketIds?: string[];
}

async function everything<T>(pages: AsyncIterable<{ records: T[] }>): Promise<T[]> {
	const all: T[] = [];
	for await (const page of pages) all.push(...page.records);
	return all;
}

/** The source as the test sees it, read with the same connector the engine uses. */
export async function sourceSnapshot(source: SourceConnector): Promise<SourceSnapshot> {
	// Deleted tickets come through the export for the pipeline to skip or close; the snapshot is what lives in the source.
	const read = await everything(source.tickets());
	const tickets = read.filter((ticket) => !ticket.deleted);
	const comments = new Map<string, Comment[]>();
	for (const ticket of tickets) comments.set(ticket.id, await source.comments(ticket.id));
	return {
		tickets,
		comments,
		users: await everything(source.users()),
		organizations: await everything(source.organizations()),
		teams: await everything(source.teams()),
		fields: await everything(source.fields()),
		categories: await everything(source.kbCategories()),
		sections: await everything(source.kbSections()),
		articles: await everything(source.articles()),
		deletedTicketIds: read.filter((ticket) => ticket.deleted).map((ticket) => ticket.id)
	};
}

export async function sha256(blob: Blob): Promise<string> {
	return createHash('sha256').update(Buffer.from(await blob.arrayBuffer())).digest('hex');
}

/** Every id map row of one kind, read page by page. */
export async function idMapRows(store: MigrationStore, migrationId: string, entity: RecordKind): Promise<IdMapRow[]> {
	const rows: IdMapRow[] = [];
	let after: IdMapKey | undefined;
	do {
		const page = await store.listIdMap({ by: 'entity', migrationId, entity }, { limit: 500, after });
		rows.push(...page.rows);
		after = page.next;
	} while (after);
	return rows;
}

/**
 * The Kayako records of each report kind, each under the key the id map keeps for it: the id as text, and for fields
 * `family:id`, because Kayako numbers case, user and organisation fields separately.
 */
export function kayakoKeys(view: KayakoAccountView, kind: RecordKind): string[] {
	if (kind === 'fields') return view.fields.map((field) => `${field.family}:${field.id}`);
	const collections: Record<Exclude<RecordKind, 'fields'>, { id: number }[]> = {
		teams: view.teams,
		organizations: view.organizations,
		users: view.users,
		tickets: view.cases,
		'kb-categories': view.categories,
		'kb-sections': view.sections,
		articles: view.articles
	};
	return collections[kind].map((record) => String(record.id));
}

type KayakoField = KayakoAccountView['fields'][number];

/** The source option labels behind a stored Kayako value of option ids ("12" or "12,14"). */
function optionLabels(field: KayakoField, stored: string): string[] {
	return stored
		.split(',')
		.map((id) => field.options.find((option) => option.id === Number(id))?.values[0] ?? `unknown option ${id}`)
		.sort();
}

function sourceLabels(definition: FieldDefinition, value: FieldValue): string[] {
	const values = Array.isArray(value) ? value : [String(value)];
	return values.map((each) => definition.options.find((option) => option.value === each)?.label ?? `unknown value ${each}`).sort();
}

/**
 * One source value and what Kayako stored for it, both put in comparable form per source type, written independently
 * of the writer's own conversion: option fields by label, dates as instants, numbers as numbers, the rest as text.
 */
export function comparableValues(definition: FieldDefinition, field: KayakoField, value: FieldValue, stored: string | undefined): { expected: unknown; actual: unknown } {
	const type: FieldType = definition.type;
	const text = Array.isArray(value) ? value.join(', ') : String(value);
	if ((type === 'dropdown' || type === 'multiselect') && definition.options.length > 0) return { expected: sourceLabels(definition, value), actual: stored === undefined ? undefined : optionLabels(field, stored) };
	if (type === 'checkbox') return { expected: value === true || text === 'true' || text === '1' ? '1' : '0', actual: stored };
	if (type === 'date') return { expected: Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text), actual: stored === undefined ? undefined : Date.parse(stored) };
	if (type === 'integer' || type === 'decimal') return { expected: Number(text), actual: stored === undefined ? undefined : Number(stored) };
	return { expected: text, actual: stored };
}

/** A value the writer leaves out on purpose: nothing to say. */
export function isEmptyValue(value: FieldValue | undefined): boolean {
	return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}
