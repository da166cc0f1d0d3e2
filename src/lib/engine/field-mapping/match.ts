// Source fields beside Kayako's: matched by name and a type that fits, options matched by label, and what a mismatch costs.
import { KAYAKO_FIELD_TYPE, OPTION_TYPES } from '../connectors/kayako/writer/field-values';
import { optionLabel, optionTagOf, type KayakoField } from '../connectors/kayako/writer/fields';
import { encodeFieldId, type FieldFamily } from '../connectors/kayako/field-ids';
import type { FieldDefinition } from '../model';
import type { FieldChoice } from './choices';

/** A Kayako field as the fields step shows it. */
export interface KayakoFieldView {
	/** 'family:id', as the id map and mappings.fields keep it. */
	id: string;
	title: string;
	key: string;
	type: string;
	options: { id: number; label: string; tag?: string }[];
}

/**
 * What writing a source field into a Kayako field of another type costs, in codes the page words:
 * several-into-one: a multi-select into a single choice keeps one value; text-into-choice: only values equal to an
 * option's name fit; into-yes-no / into-whole-number / into-decimal / into-date: values that do not read as such are
 * left out; choice-into-text: the option's stored value is written, not its name; into-pattern: Kayako refuses values
 * that miss the pattern; into-file: nothing can be written; lookup-as-text: a reference is written as the source's id.
 */
export type FieldIssue =
	| 'several-into-one'
	| 'text-into-choice'
	| 'into-yes-no'
	| 'into-whole-number'
	| 'into-decimal'
	| 'into-date'
	| 'choice-into-text'
	| 'into-pattern'
	| 'into-file'
	| 'lookup-as-text';

/** A Kayako field a source field could go into, with what it costs and the options matched by label. */
export interface Candidate {
	kayakoId: string;
	issues: FieldIssue[];
	/** Source option value → Kayako option id, for the options matched by label or tag. */
	options: Record<string, number>;
}

export interface SourceFieldMatch {
	field: FieldDefinition;
	/** Kayako's field of the same name (or key), else "create". */
	suggestion: FieldChoice;
	/** Every non-system Kayako field of the same family, best first. */
	candidates: Candidate[];
	/** The type "create in Kayako" makes, and what that costs. */
	createType: string;
	createIssues: FieldIssue[];
}

const SINGLE_CHOICE = ['SELECT', 'RADIO', 'CASCADINGSELECT'];

function normalized(text: string): string {
	return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

export function kayakoFieldView(field: KayakoField, family: FieldFamily): KayakoFieldView {
	return {
		id: encodeFieldId(family, field.id),
		title: field.title,
		key: field.key,
		type: field.type,
		options: (field.options ?? []).map((option) => ({ id: option.id, label: optionLabel(option), ...(option.tag !== undefined && { tag: option.tag }) }))
	};
}

/** What the writer creates for a source field: option fields without options and regex fields without a pattern become text. */
export function createdType(field: FieldDefinition): string {
	const type = KAYAKO_FIELD_TYPE[field.type];
	if (OPTION_TYPES.includes(type) && field.options.length === 0) return 'TEXT';
	if (type === 'REGEX' && !field.pattern) return 'TEXT';
	return type;
}

/** The cost of writing this source field's values into a Kayako field of `kayakoType`; empty when the types fit. */
export function typeIssues(field: FieldDefinition, kayakoType: string): FieldIssue[] {
	const from = field.type;
	const hasOptions = (from === 'dropdown' || from === 'multiselect') && field.options.length > 0;
	const issues: FieldIssue[] = [];
	if (from === 'lookup') issues.push('lookup-as-text');
	if (SINGLE_CHOICE.includes(kayakoType)) {
		if (from === 'multiselect') issues.push('several-into-one');
		if (!hasOptions) issues.push('text-into-choice');
	} else if (kayakoType === 'CHECKBOX') {
		if (!hasOptions) issues.push('text-into-choice');
	} else if (kayakoType === 'YESNO') {
		if (from !== 'checkbox') issues.push('into-yes-no');
	} else if (kayakoType === 'NUMERIC') {
		if (from !== 'integer') issues.push('into-whole-number');
	} else if (kayakoType === 'DECIMAL') {
		if (from !== 'integer' && from !== 'decimal') issues.push('into-decimal');
	} else if (kayakoType === 'DATE') {
		if (from !== 'date') issues.push('into-date');
	} else if (kayakoType === 'REGEX') {
		if (from !== 'regexp') issues.push('into-pattern');
	} else if (kayakoType === 'FILE') {
		issues.push('into-file');
	} else if (hasOptions) {
		issues.push('choice-into-text');
	}
	return issues;
}

/** Each source option to the Kayako option of the same label, or of the tag the writer would give it. */
export function matchOptionsByLabel(field: FieldDefinition, kayako: KayakoFieldView): Record<string, number> {
	const matched: Record<string, number> = {};
	for (const option of field.options) {
		const label = normalized(option.label || option.value);
		const found = kayako.options.find((each) => normalized(each.label) === label) ?? kayako.options.find((each) => each.tag === optionTagOf(option.value));
		if (found) matched[option.value] = found.id;
	}
	return matched;
}

function sameName(field: FieldDefinition, kayako: KayakoFieldView): boolean {
	const title = normalized(field.title);
	return title === normalized(kayako.title) || title === normalized(kayako.key) || (field.key !== undefined && normalized(field.key) === normalized(kayako.key));
}

/** One source field beside the Kayako fields of its family (system fields of either side are not offered). */
export function matchField(field: FieldDefinition, kayako: readonly KayakoFieldView[]): SourceFieldMatch {
	const candidates = kayako.map((each) => ({
		kayakoId: each.id,
		issues: typeIssues(field, each.type),
		options: OPTION_TYPES.includes(each.type) ? matchOptionsByLabel(field, each) : {},
		named: sameName(field, each)
	}));
	// Same name first, then fields whose type fits; the order of Kayako's list otherwise.
	const rank = (each: (typeof candidates)[number]) => (each.named ? 0 : 2) + (each.issues.length === 0 ? 0 : 1);
	const sorted = [...candidates].sort((a, b) => rank(a) - rank(b));
	const best = sorted[0];
	const suggestion: FieldChoice = best?.named ? { action: 'match', kayakoId: best.kayakoId, ...(Object.keys(best.options).length > 0 && { options: best.options }) } : { action: 'create' };
	const createType = createdType(field);
	return {
		field,
		suggestion,
		candidates: sorted.map(({ kayakoId, issues, options }) => ({ kayakoId, issues, options })),
		createType,
		createIssues: typeIssues(field, createType)
	};
}
