// Checking `field_values` against the account's fields: known keys, option ids, dates, numbers, yes/no, regular expressions.
import { fieldInvalid, type KayakoError } from '../errors';
import { record, text } from '../input';
import type { FieldFamily } from '../records';
import type { AccountState } from '../state';
import { parseTimestamp } from '../time';

/**
 * The sandbox's reading of what the docs leave open: options by id (CHECKBOX a comma-separated list of ids),
 * DATE in ISO 8601, YESNO as "1"/"0" (the 2022 recording also shows "yes"/"no", accepted too).
 */
function valueProblem(state: AccountState, optionIds: readonly number[], type: string, value: string, pattern: string | null): string | undefined {
	const isOption = (entry: string) => /^\d+$/.test(entry) && optionIds.includes(Number(entry));
	switch (type) {
		case 'SELECT':
		case 'RADIO':
		case 'CASCADINGSELECT':
			return value === '' || isOption(value) ? undefined : `"${value}" is not the id of one of the field's options`;
		case 'CHECKBOX':
			return value === '' || value.split(',').every((entry) => isOption(entry.trim())) ? undefined : `"${value}" is not a comma-separated list of the field's option ids`;
		case 'DATE':
			return value === '' || parseTimestamp(value) !== undefined ? undefined : `"${value}" is not an ISO 8601 date`;
		case 'NUMERIC':
			return value === '' || /^-?\d+$/.test(value) ? undefined : `"${value}" is not a whole number`;
		case 'DECIMAL':
			return value === '' || /^-?\d+(\.\d+)?$/.test(value) ? undefined : `"${value}" is not a decimal number`;
		case 'YESNO':
			return ['1', '0', 'yes', 'no', 'true', 'false', ''].includes(value.toLowerCase()) ? undefined : `"${value}" is not 1 or 0`;
		case 'REGEX':
			return value === '' || pattern === null || new RegExp(pattern).test(value) ? undefined : `"${value}" does not match ${pattern}`;
		case 'FILE':
			return value === '' || (/^\d+$/.test(value) && state.files.has(Number(value))) ? undefined : `"${value}" is not the id of an uploaded file`;
		default:
			return undefined;
	}
}

export function checkFieldValues(state: AccountState, family: FieldFamily, value: unknown, errors: KayakoError[]): Record<string, string> | undefined {
	if (value === undefined) return undefined;
	const values = record(value);
	if (!values) {
		errors.push(fieldInvalid('field_values', 'must be an object of field key to value'));
		return undefined;
	}
	const out: Record<string, string> = {};
	for (const [key, raw] of Object.entries(values)) {
		const field = [...state.fields.values()].find((entry) => entry.family === family && entry.key === key && !entry.is_system);
		const parameter = `field_values.${key}`;
		if (!field) {
			errors.push(fieldInvalid(parameter, `no ${family} field has the key "${key}"`));
			continue;
		}
		const stringValue = Array.isArray(raw) ? raw.map(String).join(',') : text(raw) ?? (typeof raw === 'boolean' ? (raw ? '1' : '0') : undefined);
		if (stringValue === undefined) {
			errors.push(fieldInvalid(parameter, 'must be a string'));
			continue;
		}
		const problem = valueProblem(state, field.option_ids, field.type, stringValue, field.regular_expression);
		if (problem) errors.push(fieldInvalid(parameter, problem));
		else out[key] = stringValue;
	}
	return out;
}
