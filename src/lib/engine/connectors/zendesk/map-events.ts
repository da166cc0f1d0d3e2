// Maps Zendesk ticket audits into private event comments ("Status changed from open to pending by 123"), for sources read with eventsAsComments.
import type { Comment, SourceId } from '../../model';
import { idOf } from './map-values';
import type { ZendeskAudit, ZendeskAuditEvent, ZendeskTicketField } from './types';

/** What a custom field change reads as: the field's title, and option names by tag. */
export interface EventFieldNames {
	title: string;
	optionNames: ReadonlyMap<string, string>;
}

export type EventFieldNamesById = ReadonlyMap<string, EventFieldNames>;

const SYSTEM_LABELS: Record<string, string> = { status: 'Status', assignee_id: 'Assignee', group_id: 'Group' };

/** Zendesk's own changes (triggers, automations) carry author -1. */
const ZENDESK_AUTHOR = -1;

export function eventFieldNames(fields: readonly ZendeskTicketField[]): EventFieldNamesById {
	return new Map(fields.map((field): [string, EventFieldNames] => [String(field.id), { title: field.title, optionNames: new Map((field.custom_field_options ?? []).map((option) => [option.value, option.name])) }]));
}

/** One private event comment per audit that changed the status, assignee, group or a custom field; other audits give none. */
export function mapAuditEvent(audit: ZendeskAudit, ticketId: SourceId, fields: EventFieldNamesById): Comment | undefined {
	const by = audit.author_id === ZENDESK_AUTHOR ? 'Zendesk' : (idOf(audit.author_id) ?? 'an unknown user');
	const lines = (audit.events ?? []).flatMap((event) => {
		const line = describeChange(event, fields);
		return line ? [`${line} by ${by}`] : [];
	});
	if (lines.length === 0) return undefined;
	const authorId = audit.author_id === ZENDESK_AUTHOR ? undefined : idOf(audit.author_id);
	return {
		id: `audit-${audit.id}`,
		ticketId,
		...(authorId !== undefined && { authorId }),
		public: false,
		html: lines.map((line) => `<p>${escapeHtml(line)}</p>`).join(''),
		plain: lines.join('\n'),
		createdAt: audit.created_at,
		attachments: [],
		event: true
	};
}

/** Real comments and event comments in time order; at the same second the comment comes before the changes saved with it. */
export function inTimeOrder(comments: readonly Comment[], events: readonly Comment[]): Comment[] {
	return [...comments, ...events].map((comment, order) => ({ comment, order, at: Date.parse(comment.createdAt) })).sort((a, b) => a.at - b.at || a.order - b.order).map((entry) => entry.comment);
}

function describeChange(event: ZendeskAuditEvent, fields: EventFieldNamesById): string | undefined {
	if (event.type !== 'Change' || !event.field_name) return undefined;
	const system = SYSTEM_LABELS[event.field_name];
	const custom = system ? undefined : fields.get(event.field_name);
	// Changes to anything else (priority, tags, subject...) are not what the option is about.
	if (!system && !custom && !/^\d+$/.test(event.field_name)) return undefined;
	const label = system ?? (custom ? `"${custom.title}"` : `Field ${event.field_name}`);
	const before = valueText(event.previous_value, custom);
	const after = valueText(event.value, custom);
	if (before === after) return undefined;
	if (before === undefined) return `${label} set to ${after}`;
	if (after === undefined) return `${label} cleared (was ${before})`;
	return `${label} changed from ${before} to ${after}`;
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

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
