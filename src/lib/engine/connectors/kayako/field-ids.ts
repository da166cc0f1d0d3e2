// Kayako numbers case, user and organization fields separately: the id map keeps a field's family with its id.
import type { FieldEntity } from '../../model';
import type { KayakoId } from '../../store';

export type FieldFamily = 'case' | 'user' | 'organization';

export const FIELD_FAMILY: Readonly<Record<FieldEntity, FieldFamily>> = { ticket: 'case', user: 'user', organization: 'organization' };

export function encodeFieldId(family: FieldFamily, id: number): string {
	return `${family}:${id}`;
}

export function decodeFieldId(value: KayakoId): { family: FieldFamily; id: number } {
	const [family, id] = String(value).split(':');
	if ((family === 'case' || family === 'user' || family === 'organization') && id && /^\d+$/.test(id)) return { family, id: Number(id) };
	throw new Error(`"${String(value)}" is not a Kayako field id of the form family:number.`);
}
