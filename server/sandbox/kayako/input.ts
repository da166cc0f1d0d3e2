// Reading request parameters the way Kayako accepts them: numbers or numeric strings, booleans as true/false/1/0, CSV or arrays.
import { fieldInvalid, type KayakoError } from './errors';

export function text(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/** Undefined when absent; NaN when present but not a whole number. */
export function integer(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = typeof value === 'number' ? value : Number(String(value).trim());
	return Number.isInteger(number) ? number : Number.NaN;
}

export function boolean(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (value === 1 || value === 0) return value === 1;
	if (typeof value !== 'string') return undefined;
	const lowered = value.trim().toLowerCase();
	if (lowered === 'true' || lowered === '1') return true;
	if (lowered === 'false' || lowered === '0') return false;
	return undefined;
}

/** A CSV string, a JSON array, or `name[]=` form values. */
export function list(value: unknown): string[] | undefined {
	if (value === undefined || value === null) return undefined;
	if (Array.isArray(value)) return value.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
	if (typeof value === 'number') return [String(value)];
	if (typeof value === 'string') return value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
	return undefined;
}

export function idList(value: unknown): number[] | undefined {
	const entries = list(value);
	return entries?.map((entry) => (/^\d+$/.test(entry) ? Number(entry) : Number.NaN));
}

export function record(value: unknown): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** An id parameter that must point at an existing record; pushes FIELD_INVALID otherwise. */
export function existingId(errors: KayakoError[], name: string, value: unknown, exists: (id: number) => boolean): number | undefined {
	const id = integer(value);
	if (id === undefined) return undefined;
	if (Number.isNaN(id) || !exists(id)) {
		errors.push(fieldInvalid(name, `no record with id ${String(value)}`));
		return undefined;
	}
	return id;
}

export function localized(value: unknown): { locale: string; translation: string }[] | undefined {
	if (!Array.isArray(value)) return undefined;
	const out: { locale: string; translation: string }[] = [];
	for (const entry of value) {
		const item = record(entry);
		const locale = text(item?.locale);
		const translation = text(item?.translation);
		if (locale === undefined || translation === undefined) return undefined;
		out.push({ locale, translation });
	}
	return out;
}
