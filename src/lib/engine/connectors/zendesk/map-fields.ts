// Maps Zendesk ticket, user and organization field definitions into the canonical FieldDefinition.
import type { FieldDefinition, FieldOption, FieldType } from '../../model';
import { textOf } from './map-values';
import type { ZendeskFieldOption, ZendeskProfileField, ZendeskTicketField } from './types';

/** Zendesk's field types in the model's words; ticket drop-downs are `tagger`, user and organization ones `dropdown`. */
const TYPES: Readonly<Record<string, FieldType>> = {
	text: 'text',
	textarea: 'textarea',
	checkbox: 'checkbox',
	date: 'date',
	integer: 'integer',
	decimal: 'decimal',
	regexp: 'regexp',
	tagger: 'dropdown',
	dropdown: 'dropdown',
	multiselect: 'multiselect',
	lookup: 'lookup',
	// Only the last four digits are ever stored: it reads as text.
	partialcreditcard: 'text',
	// System ticket fields.
	subject: 'text',
	description: 'textarea',
	status: 'dropdown',
	custom_status: 'dropdown',
	tickettype: 'dropdown',
	priority: 'dropdown',
	basic_priority: 'dropdown',
	group: 'lookup',
	assignee: 'lookup'
};

/** A type Zendesk adds later is read as text rather than stopping the migration. */
function typeOf(zendeskType: string): FieldType {
	return TYPES[zendeskType] ?? 'text';
}

function optionsOf(options: readonly ZendeskFieldOption[] | null | undefined): FieldOption[] {
	return (options ?? []).map((option) => ({ value: option.value, label: option.name }));
}

/**
 * Zendesk's built-in ticket fields, by type. Real accounts mark Type and Priority `removable: true` (an admin may hide
 * them), so `removable` says nothing about whether a field is built in: the type does.
 */
const SYSTEM_TICKET_TYPES = new Set(['subject', 'description', 'status', 'custom_status', 'tickettype', 'priority', 'basic_priority', 'group', 'assignee']);

/** System ticket fields (subject, status, type, priority, ...) map to Kayako's own case properties, never to custom fields. */
export function mapTicketField(field: ZendeskTicketField): FieldDefinition {
	const type = typeOf(field.type);
	const description = textOf(field.description);
	return {
		id: String(field.id),
		entity: 'ticket',
		title: field.title,
		type,
		options: optionsOf(field.custom_field_options ?? field.system_field_options),
		...(description !== undefined && { description }),
		active: field.active !== false,
		system: SYSTEM_TICKET_TYPES.has(field.type),
		...(type === 'regexp' && field.regexp_for_validation && { pattern: field.regexp_for_validation })
	};
}

export function mapProfileField(field: ZendeskProfileField, entity: 'user' | 'organization'): FieldDefinition {
	const type = typeOf(field.type);
	const description = textOf(field.description);
	return {
		id: String(field.id),
		entity,
		title: field.title,
		key: field.key,
		type,
		options: optionsOf(field.custom_field_options),
		...(description !== undefined && { description }),
		active: field.active !== false,
		system: field.system === true,
		...(type === 'regexp' && field.regexp_for_validation && { pattern: field.regexp_for_validation })
	};
}
