// Small conversions every Zendesk mapper shares: ids as text, field values, attachments.
import type { Attachment, FieldValue, FieldValues, SourceId } from '../../model';
import type { ZendeskArticleAttachment, ZendeskAttachment } from './types';

/** Zendesk ids are numbers; the model keeps every source id as text. Null and absent ids stay absent. */
/** Zendesk's own system actor: the submitter of tickets made by triggers, channels and samples; never a user to look up. */
export const ZENDESK_SYSTEM_USER = -1;

/** A user id, or undefined for none and for Zendesk's system actor (-1), which no user lookup can find. */
export function userIdOf(id: number | null | undefined): SourceId | undefined {
	return id === ZENDESK_SYSTEM_USER ? undefined : idOf(id);
}

export function idOf(id: number | null | undefined): SourceId | undefined {
	return id === null || id === undefined ? undefined : String(id);
}

export function idsOf(ids: readonly number[] | null | undefined): SourceId[] {
	return (ids ?? []).map(String);
}

/** Text, numbers, booleans and tag lists pass as they are; anything else Zendesk may add later is kept as its JSON text. */
export function fieldValue(value: unknown): FieldValue {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
	if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
	return JSON.stringify(value);
}

/** Unset values (null) are left out: Zendesk lists every field on every record, set or not. */
export function fieldValues(entries: Iterable<[SourceId | undefined, unknown]>): FieldValues {
	const values: FieldValues = {};
	for (const [id, raw] of entries) {
		// An unset drop-down may come as "" rather than null: unset either way.
		if (id === undefined || raw === null || raw === undefined || raw === '') continue;
		values[id] = fieldValue(raw);
	}
	return values;
}

/** Ticket comment and Help Center attachments share one shape; `inline` marks images shown inside the body. */
export function mapAttachment(attachment: ZendeskAttachment | ZendeskArticleAttachment): Attachment {
	return {
		id: String(attachment.id),
		fileName: attachment.file_name,
		contentType: attachment.content_type || 'application/octet-stream',
		size: attachment.size ?? 0,
		url: attachment.content_url,
		inline: attachment.inline === true
	};
}

/** Absent, null and empty text all mean "nothing said". */
export function textOf(value: string | null | undefined): string | undefined {
	return value ? value : undefined;
}
