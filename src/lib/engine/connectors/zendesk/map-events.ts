// Maps Zendesk ticket audits into private event comments, one per audit, whose changes the writer words with names and in the migration's language.
import type { Comment, EventChange, SourceId } from '../../model';
import { eventNote } from '../../words/event-note';
import { en } from '../../words/en';
import { idOf } from './map-values';
import type { ZendeskAudit, ZendeskAuditEvent, ZendeskTicketField } from './types';

/** What a custom field change reads as: the field's title, and option names by tag. */
export interface EventFieldNames {
	title: string;
	optionNames: ReadonlyMap<string, string>;
}

export type EventFieldNamesById = ReadonlyMap<string, EventFieldNames>;

const SYSTEM_KINDS: Record<string, EventChange['kind']> = { status: 'status', assignee_id: 'assignee', group_id: 'group' };

/** Zendesk's own changes (triggers, automations) carry author -1. */
const ZENDESK_AUTHOR = -1;

export function eventFieldNames(fields: readonly ZendeskTicketField[]): EventFieldNamesById {
	return new Map(fields.map((field): [string, EventFieldNames] => [String(field.id), { title: field.title, optionNames: new Map((field.custom_field_options ?? []).map((option) => [option.value, option.name])) }]));
}

/**
 * One private event comment per audit that changed the status, assignee, group or a custom field; other audits give none.
 * Its `changes` are what the writer words; `html` and `plain` are an English reading without names, for previews.
 * `groupNames`: the source's groups by id, deleted ones too, so a group change names its groups.
 */
export function mapAuditEvent(audit: ZendeskAudit, ticketId: SourceId, fields: EventFieldNamesById, groupNames: ReadonlyMap<string, string> = new Map()): Comment | undefined {
	const changes = (audit.events ?? []).flatMap((event) => {
		const change = changeOf(event, fields, groupNames);
		return change ? [change] : [];
	});
	if (changes.length === 0) return undefined;
	const system = audit.author_id === ZENDESK_AUTHOR;
	const authorId = system ? undefined : idOf(audit.author_id);
	const { html, plain } = eventNote(en, { changes, author: system ? 'Zendesk' : en.formerAgent, createdAt: audit.created_at, timeZone: 'UTC' }, () => en.formerAgent);
	return {
		id: `audit-${audit.id}`,
		ticketId,
		...(authorId !== undefined && { authorId }),
		...(system && { authorName: 'Zendesk' }),
		public: false,
		html,
		plain,
		createdAt: audit.created_at,
		attachments: [],
		event: true,
		changes
	};
}

/** Real comments and event comments in time order; at the same second the comment comes before the changes saved with it. */
export function inTimeOrder(comments: readonly Comment[], events: readonly Comment[]): Comment[] {
	return [...comments, ...events].map((comment, order) => ({ comment, order, at: Date.parse(comment.createdAt) })).sort((a, b) => a.at - b.at || a.order - b.order).map((entry) => entry.comment);
}

function changeOf(event: ZendeskAuditEvent, fields: EventFieldNamesById, groupNames: ReadonlyMap<string, string>): EventChange | undefined {
	if (event.type !== 'Change' || !event.field_name) return undefined;
	const kind = SYSTEM_KINDS[event.field_name];
	const custom = kind ? undefined : fields.get(event.field_name);
	// Changes to anything else (priority, tags, subject...) are not what the option is about.
	if (!kind && !custom && !/^\d+$/.test(event.field_name)) return undefined;
	const before = valueText(event.previous_value, custom);
	const after = valueText(event.value, custom);
	if (before === after) return undefined;
	const values = { ...(before !== undefined && { before }), ...(after !== undefined && { after }) };
	if (kind === 'group') {
		const names = Object.fromEntries([before, after].flatMap((id) => (id !== undefined && groupNames.has(id) ? [[id, groupNames.get(id)!]] : [])));
		return { kind, ...values, names };
	}
	if (kind) return { kind, ...values };
	return { kind: 'field', label: custom ? custom.title : event.field_name, ...values };
}

function valueText(value: unknown, field: EventFieldNames | undefined): string | undefined {
	if (value === null || value === undefined || value === '') return undefined;
	const named = (item: unknown) => {
		const text = typeof item === 'string' ? item : JSON.stringify(item);
		return field?.optionNames.get(text) ?? text;
	};
	if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(named).join(', ');
	return named(value);
}
