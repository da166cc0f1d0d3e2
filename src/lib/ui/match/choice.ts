// The match step's choices as the value of a <select> ("create", "default", "match:12") and back to what the pipeline reads.
import type { MappingChoice } from '$lib/engine/pipeline/options';

export function encodeChoice(choice: MappingChoice): string {
	return choice.action === 'match' ? `match:${choice.kayakoId}` : choice.action;
}

export function decodeChoice(value: string): MappingChoice {
	if (value.startsWith('match:')) {
		const id = Number(value.slice('match:'.length));
		return { action: 'match', kayakoId: Number.isInteger(id) ? id : value.slice('match:'.length) };
	}
	return value === 'default' ? { action: 'default' } : { action: 'create' };
}

/** The saved mapping: {sourceId: {action, kayakoId?}}, the shape pipeline/settings.ts reads. */
export function mappingFrom(choices: Record<string, string>): Record<string, MappingChoice> {
	return Object.fromEntries(Object.entries(choices).map(([sourceId, value]) => [sourceId, decodeChoice(value)]));
}
