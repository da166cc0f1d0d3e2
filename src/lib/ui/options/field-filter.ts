// The custom field filter: which source ticket fields it offers by title, and how the value of each kind is chosen and checked.
import type { FieldDefinition } from '$lib/engine/api';

/** How the value is asked for: from the field's options, yes or no, or typed in an input suited to the type. */
export type FieldValueInput = 'options' | 'yesNo' | 'text' | 'whole' | 'decimal' | 'date';

/** Why a field in the select needs a second look; each is an i18n key under `options.fieldFilter.note`. */
export type FieldNote = 'inactive' | 'gone' | 'notLoaded';

/** One entry of the field select; without a title it shows its source id. */
export interface FieldLine {
	id: string;
	title?: string;
	note?: FieldNote;
}

/** One value a drop-down or multi-select offers: shown by its label, saved as what tickets store (Zendesk's tag). */
export interface ValueLine {
	value: string;
	label: string;
	/** A saved value the field no longer offers. */
	gone?: boolean;
}

/** The filter compares a ticket's stored value as text; a lookup field stores the id of another record, which nobody can choose by name here. */
export function canFilterOn(field: FieldDefinition): boolean {
	return field.entity === 'ticket' && !field.system && field.type !== 'lookup';
}

/**
 * The fields to choose from, by title. The saved field comes first when the source no longer has it (or the fields
 * could not be read), as its id with a note; a saved field the filter could not offer is kept so it shows by title.
 */
export function fieldLines(fields: readonly FieldDefinition[] | undefined, savedId: string): FieldLine[] {
	const saved = savedId.trim();
	if (!fields) return saved ? [{ id: saved, note: 'notLoaded' }] : [];
	const offered = fields
		.filter((field) => canFilterOn(field) || field.id === saved)
		.map((field): FieldLine => ({ id: field.id, title: field.title, ...(!field.active && { note: 'inactive' as const }) }))
		.sort((a, b) => (a.title ?? '').localeCompare(b.title ?? ''));
	const known = offered.some((line) => line.id === saved);
	return saved && !known ? [{ id: saved, note: 'gone' }, ...offered] : offered;
}

/** Drop-downs and multi-selects without options are asked for as text: there is nothing to choose from. */
export function valueInputFor(field: FieldDefinition | undefined): FieldValueInput {
	if (!field) return 'text';
	switch (field.type) {
		case 'dropdown':
		case 'multiselect':
			return field.options.length > 0 ? 'options' : 'text';
		case 'checkbox':
			return 'yesNo';
		case 'integer':
			return 'whole';
		case 'decimal':
			return 'decimal';
		case 'date':
			return 'date';
		default:
			return 'text';
	}
}

/** The options by label; a saved value the field no longer offers is kept first, so saving again does not lose it. */
export function valueLines(field: FieldDefinition | undefined, savedValue: string): ValueLine[] {
	const lines = (field?.options ?? []).map((option) => ({ value: option.value, label: option.label }));
	const saved = savedValue.trim();
	return saved && !lines.some((line) => line.value === saved) ? [{ value: saved, label: saved, gone: true }, ...lines] : lines;
}

/**
 * What is wrong with a typed value, as an i18n key under `options.invalid`. The filter compares the text the source
 * stores, so a number is checked for its form and kept as typed (Zendesk stores a decimal as written, e.g. 12.50).
 */
export function fieldValueProblem(field: FieldDefinition | undefined, value: string): string | undefined {
	const typed = value.trim();
	if (!typed) return undefined;
	const input = valueInputFor(field);
	if (input === 'whole' && !/^-?\d+$/.test(typed)) return 'fieldWhole';
	if (input === 'decimal' && !/^-?\d+(\.\d+)?$/.test(typed)) return 'fieldDecimal';
	if (input === 'date' && !(/^\d{4}-\d{2}-\d{2}$/.test(typed) && !Number.isNaN(Date.parse(`${typed}T00:00:00Z`)))) return 'date';
	return undefined;
}
