// The fields step's decisions as saved in mappings.fields, read back into typed choices the run and the preview follow.
import type { SourceId } from '../model';
import type { JsonObject, JsonValue } from '../store';

/**
 * What happens to one source field: written into an existing Kayako field ('family:id') with its options mapped,
 * created in Kayako (or matched by title, as without a choice), or left out with its values.
 */
export type FieldChoice =
	| { action: 'match'; kayakoId: string; options?: Record<string, number> }
	| { action: 'create' }
	| { action: 'skip' };

/**
 * Option mappings are saved as a list of `{ value, kayakoOptionId }`, not keyed by the option's value:
 * the store drops keys that look like secrets, and a drop-down value such as `password_reset` would vanish.
 * A hand-written settings file may use the object form `{ value: kayakoOptionId }`; both are read.
 */
function optionMap(value: JsonValue | undefined): Record<string, number> | undefined {
	if (Array.isArray(value)) {
		const map: Record<string, number> = {};
		for (const entry of value) {
			if (!entry || typeof entry !== 'object' || Array.isArray(entry)) continue;
			const id = Number(entry.kayakoOptionId);
			if (typeof entry.value === 'string' && Number.isInteger(id) && id > 0) map[entry.value] = id;
		}
		return map;
	}
	if (value && typeof value === 'object') {
		const map: Record<string, number> = {};
		for (const [source, id] of Object.entries(value)) if (Number.isInteger(Number(id)) && Number(id) > 0) map[source] = Number(id);
		return map;
	}
	return undefined;
}

export function fieldChoices(mapping: JsonObject): Record<SourceId, FieldChoice> {
	const result: Record<SourceId, FieldChoice> = {};
	for (const [sourceId, value] of Object.entries(mapping)) {
		if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
		const { action, kayakoId } = value;
		if (action === 'match' && typeof kayakoId === 'string' && /^(case|user|organization):\d+$/.test(kayakoId)) {
			const options = optionMap(value.options);
			result[sourceId] = options ? { action, kayakoId, options } : { action, kayakoId };
		} else if (action === 'create' || action === 'skip') result[sourceId] = { action };
	}
	return result;
}

/** The JSON the store keeps for the choices (options as a list, see `optionMap`). */
export function fieldChoicesJson(choices: Record<SourceId, FieldChoice>): JsonObject {
	const json: JsonObject = {};
	for (const [sourceId, choice] of Object.entries(choices)) {
		if (choice.action !== 'match') json[sourceId] = { action: choice.action };
		else {
			const options = choice.options && Object.entries(choice.options).map(([value, kayakoOptionId]) => ({ value, kayakoOptionId }));
			json[sourceId] = { action: 'match', kayakoId: choice.kayakoId, ...(options && { options }) };
		}
	}
	return json;
}
