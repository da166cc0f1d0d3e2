// The fields step's choice per source field as the form holds it (select values are text), and back to what the engine saves.
import type { FieldChoice, SourceFieldMatch } from '$lib/engine/api';
import { fieldChoicesJson } from '$lib/engine/field-mapping/choices';
import type { JsonObject } from '$lib/engine/store';

export const OPTION_TYPES = ['SELECT', 'RADIO', 'CASCADINGSELECT', 'CHECKBOX'];

/** `target`: 'create', 'skip' or a Kayako field id ('case:8'); `options`: source option value → Kayako option id, '' = left out. */
export interface RowChoice {
	target: string;
	options: Record<string, string>;
}

export function optionTexts(options: Readonly<Record<string, number>> | undefined): Record<string, string> {
	return Object.fromEntries(Object.entries(options ?? {}).map(([value, id]) => [value, String(id)]));
}

/** The saved choice when there is one, else the engine's suggestion. */
export function initialChoice(match: SourceFieldMatch, saved: FieldChoice | undefined): RowChoice {
	const choice = saved ?? match.suggestion;
	if (choice.action !== 'match') return { target: choice.action, options: {} };
	const candidate = match.candidates.find((each) => each.kayakoId === choice.kayakoId);
	return { target: choice.kayakoId, options: optionTexts(choice.options ?? candidate?.options) };
}

/** What is saved in mappings.fields: every option of a drop-down is listed, so a left-out one stays left out. */
export function choicesJson(rows: Record<string, RowChoice>, optionFields: readonly string[]): JsonObject {
	const choices: Record<string, FieldChoice> = {};
	for (const [sourceId, row] of Object.entries(rows)) {
		if (row.target === 'create' || row.target === 'skip') choices[sourceId] = { action: row.target };
		else {
			const options = Object.fromEntries(Object.entries(row.options).filter(([, id]) => id !== '').map(([value, id]) => [value, Number(id)]));
			choices[sourceId] = { action: 'match', kayakoId: row.target, ...(optionFields.includes(sourceId) && { options }) };
		}
	}
	return fieldChoicesJson(choices);
}
