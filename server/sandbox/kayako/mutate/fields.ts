// Creating custom fields and their options: the key comes from the title and stays unique, options get ids and tags.
import { randomUUID } from 'node:crypto';
import type { FieldFamily, FieldRecord, FieldType } from '../records';
import { addLocaleStrings, nextId, type AccountState } from '../state';

export const OPTION_TYPES: readonly FieldType[] = ['CHECKBOX', 'RADIO', 'SELECT', 'CASCADINGSELECT'];
export const CUSTOM_TYPES: readonly FieldType[] = ['TEXT', 'TEXTAREA', 'CHECKBOX', 'RADIO', 'SELECT', 'DATE', 'FILE', 'NUMERIC', 'DECIMAL', 'YESNO', 'CASCADINGSELECT', 'REGEX'];

type LocalizedText = { locale: string; translation: string | null };
const UNTRANSLATED: readonly LocalizedText[] = [{ locale: 'en-us', translation: null }];

export interface NewOption {
	values: readonly { locale: string; translation: string }[];
	tag?: string;
	sort_order?: number;
}

export interface NewField {
	type: FieldType;
	title: string;
	is_system?: boolean;
	key?: string;
	is_required_for_agents?: boolean;
	is_required_on_resolution?: boolean;
	is_visible_to_customers?: boolean;
	is_customer_editable?: boolean;
	is_required_for_customers?: boolean;
	is_enabled?: boolean;
	regular_expression?: string | null;
	customer_titles?: readonly LocalizedText[];
	descriptions?: readonly LocalizedText[];
	options?: readonly NewOption[];
}

function slug(text: string, separator: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, separator)
		.replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');
}

/** "Serial number" becomes `serial_number`; a taken key gets `_2`, `_3` ... as Kayako keeps keys unique per family. */
export function fieldKey(state: AccountState, family: FieldFamily, title: string): string {
	const base = slug(title, '_') || 'field';
	const taken = new Set([...state.fields.values()].filter((field) => field.family === family).map((field) => field.key));
	if (!taken.has(base)) return base;
	let suffix = 2;
	while (taken.has(`${base}_${suffix}`)) suffix += 1;
	return `${base}_${suffix}`;
}

export function optionTag(translation: string): string {
	return slug(translation, '-') || 'option';
}

export function addOption(state: AccountState, field: FieldRecord, input: NewOption, now: number): number {
	const id = nextId(state, 'fieldOptions');
	const first = input.values[0]?.translation ?? '';
	state.fieldOptions.set(id, {
		id,
		field_id: field.id,
		value_ids: addLocaleStrings(state, input.values, now),
		tag: input.tag ?? optionTag(first),
		sort_order: input.sort_order ?? field.option_ids.length,
		created_at: now,
		updated_at: now
	});
	field.option_ids.push(id);
	return id;
}

export function createField(state: AccountState, family: FieldFamily, input: NewField, now: number): FieldRecord {
	const id = nextId(state, 'fields');
	const sortOrder = [...state.fields.values()].filter((field) => field.family === family).length + 1;
	const field: FieldRecord = {
		id,
		family,
		fielduuid: randomUUID(),
		title: input.title,
		type: input.type,
		key: input.key ?? fieldKey(state, family, input.title),
		is_required_for_agents: input.is_required_for_agents ?? false,
		is_required_on_resolution: input.is_required_on_resolution ?? false,
		is_visible_to_customers: input.is_visible_to_customers ?? false,
		customer_title_ids: addLocaleStrings(state, input.customer_titles ?? UNTRANSLATED, now),
		is_customer_editable: input.is_customer_editable ?? false,
		is_required_for_customers: input.is_required_for_customers ?? false,
		description_ids: addLocaleStrings(state, input.descriptions ?? UNTRANSLATED, now),
		regular_expression: input.regular_expression ?? null,
		sort_order: sortOrder,
		is_enabled: input.is_enabled ?? true,
		is_system: input.is_system ?? false,
		option_ids: [],
		created_at: now,
		updated_at: now
	};
	state.fields.set(id, field);
	for (const option of input.options ?? []) addOption(state, field, option, now);
	return field;
}

export function deleteField(state: AccountState, field: FieldRecord): void {
	for (const optionId of field.option_ids) state.fieldOptions.delete(optionId);
	state.fields.delete(field.id);
}
