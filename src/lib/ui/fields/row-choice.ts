// The fields step's choice per source field as the form holds it (select values are text), and back to what the engine saves.
import type { FieldChoice, FieldIssue, KayakoFieldView, SourceFieldMatch } from '$lib/engine/api';
import type { FieldOption } from '$lib/engine/model';
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

/** What a row warns about: the chosen target's issues, and the drop-down options mapped to nothing. */
export interface RowWarnings {
	issues: FieldIssue[];
	/** Set when the target is a Kayako option field: the source's options are then mapped one by one. */
	mapsOptions: boolean;
	leftOut: FieldOption[];
}

/** One rule for the row's warnings and the summary's count, so "1 field" never stands under two warnings. */
export function rowWarnings(match: SourceFieldMatch, kayako: readonly KayakoFieldView[], choice: RowChoice): RowWarnings {
	const issues =
		choice.target === 'create' ? match.createIssues : choice.target === 'skip' ? [] : (match.candidates.find((each) => each.kayakoId === choice.target)?.issues ?? []);
	const selected = kayako.find((each) => each.id === choice.target);
	const mapsOptions = selected !== undefined && OPTION_TYPES.includes(selected.type) && match.field.options.length > 0;
	const leftOut = mapsOptions ? match.field.options.filter((option) => !choice.options[option.value]) : [];
	return { issues, mapsOptions, leftOut };
}

export function hasWarnings(warnings: RowWarnings): boolean {
	return warnings.issues.length > 0 || warnings.leftOut.length > 0;
}
