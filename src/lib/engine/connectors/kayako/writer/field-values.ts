// Custom field types and values, converted in one place: the encoding Kayako expects is undocumented, so one change fixes all.
import { because } from '../../../reports/reasons/because';
import type { FieldType, FieldValue, FieldValues } from '../../../model';
import type { FieldTarget, WriteWarning } from './context';

/** The Kayako type a source field becomes. Lookups (references to records) have no Kayako equivalent: they keep the id as text. */
export const KAYAKO_FIELD_TYPE: Readonly<Record<FieldType, string>> = {
	text: 'TEXT',
	textarea: 'TEXTAREA',
	checkbox: 'YESNO',
	date: 'DATE',
	integer: 'NUMERIC',
	decimal: 'DECIMAL',
	regexp: 'REGEX',
	dropdown: 'SELECT',
	multiselect: 'CHECKBOX',
	lookup: 'TEXT'
};

export const OPTION_TYPES: readonly string[] = ['SELECT', 'RADIO', 'CHECKBOX', 'CASCADINGSELECT'];

/** `lost`: part of the value did not fit (several choices into a single-choice field) and was left out. */
export type ConvertedValue = { value: string; lost?: string } | { skip: true } | { problem: string };

function asText(value: Exclude<FieldValue, null>): string {
	return Array.isArray(value) ? value.join(', ') : String(value);
}

function truthy(value: Exclude<FieldValue, null>): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'number') return value !== 0;
	const text = asText(value).trim().toLowerCase();
	if (['1', 'true', 'yes', 'on'].includes(text)) return true;
	if (['0', 'false', 'no', 'off', ''].includes(text)) return false;
	return undefined;
}

/** A date or date-time as ISO 8601 with an explicit offset, which is what Kayako writes back. */
export function kayakoTimestamp(value: string | number | Date): string | undefined {
	const date = value instanceof Date ? value : typeof value === 'number' ? new Date(value) : new Date(/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? `${value.trim()}T00:00:00Z` : value);
	if (Number.isNaN(date.getTime())) return undefined;
	return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** One source value in the form Kayako takes for the target field's type. */
export function convertFieldValue(target: FieldTarget, value: FieldValue | undefined): ConvertedValue {
	if (value === null || value === undefined || (Array.isArray(value) && value.length === 0) || value === '') return { skip: true };
	switch (target.type) {
		case 'SELECT':
		case 'RADIO':
		case 'CASCADINGSELECT': {
			// A single choice keeps one of several values: the first one it knows.
			if (Array.isArray(value) && value.length > 1) {
				const kept = value.find((entry) => target.optionIds.has(entry));
				if (kept === undefined) return { problem: `none of ${value.map((entry) => `"${entry}"`).join(', ')} is one of the field's options` };
				const lost = value.filter((entry) => entry !== kept).map((entry) => `"${entry}"`).join(', ');
				return { value: String(target.optionIds.get(kept)), lost: `the field takes one choice, so ${lost} ${value.length > 2 ? 'were' : 'was'} left out` };
			}
			const id = target.optionIds.get(asText(value));
			return id === undefined ? { problem: `"${asText(value)}" is not one of the field's options` } : { value: String(id) };
		}
		case 'CHECKBOX': {
			const values = Array.isArray(value) ? value : asText(value).split(',').map((entry) => entry.trim()).filter(Boolean);
			// One option deleted since (or never migrated) must not cost the valid ones: they are kept, the others noted.
			const unknown = values.filter((entry) => !target.optionIds.has(entry));
			const kept = values.filter((entry) => target.optionIds.has(entry));
			const listed = unknown.map((entry) => `"${entry}"`).join(', ');
			if (kept.length === 0) return { problem: `${listed} ${unknown.length > 1 ? 'are' : 'is'} not among the field's options` };
			const ids = kept.map((entry) => String(target.optionIds.get(entry))).join(',');
			return unknown.length === 0 ? { value: ids } : { value: ids, lost: `${listed} ${unknown.length > 1 ? 'are' : 'is'} not among the field's options (deleted?), so ${unknown.length > 1 ? 'they were' : 'it was'} left out and the other choices kept` };
		}
		case 'YESNO': {
			const flag = truthy(value);
			return flag === undefined ? { problem: `"${asText(value)}" is not yes or no` } : { value: flag ? '1' : '0' };
		}
		case 'DATE': {
			const stamp = typeof value === 'string' || typeof value === 'number' ? kayakoTimestamp(value) : undefined;
			return stamp === undefined ? { problem: `"${asText(value)}" is not a date` } : { value: stamp };
		}
		case 'NUMERIC': {
			const text = asText(value).trim();
			return /^-?\d+$/.test(text) ? { value: text } : { problem: `"${text}" is not a whole number` };
		}
		case 'DECIMAL': {
			const text = asText(value).trim();
			return /^-?\d+(\.\d+)?$/.test(text) ? { value: text } : { problem: `"${text}" is not a decimal number` };
		}
		default:
			return { value: asText(value) };
	}
}

/**
 * A record's `field_values` keyed by Kayako field key. Values that cannot be converted are left out with a warning
 * rather than failing the record: one odd value must not cost the whole ticket.
 */
export function convertFieldValues(
	sourceId: string,
	values: FieldValues,
	fieldTarget: (sourceFieldId: string) => FieldTarget | undefined,
	family: FieldTarget['family']
): { fieldValues: Record<string, string>; warnings: WriteWarning[] } {
	const fieldValues: Record<string, string> = {};
	const warnings: WriteWarning[] = [];
	for (const [sourceFieldId, value] of Object.entries(values)) {
		const target = fieldTarget(sourceFieldId);
		if (!target || target.family !== family) continue;
		const converted = convertFieldValue(target, value);
		if ('value' in converted) {
			fieldValues[target.key] = converted.value;
			if (converted.lost) warnings.push({ sourceId, message: because('field-value-partial', { field: target.key, detail: converted.lost }) });
		} else if ('problem' in converted) warnings.push({ sourceId, message: because('field-value-left-out', { field: target.key, detail: converted.problem }) });
	}
	return { fieldValues, warnings };
}
