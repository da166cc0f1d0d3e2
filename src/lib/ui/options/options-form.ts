// The options step's form: read from the saved options and filters, checked, and turned back into what the engine reads (pipeline/settings.ts).
import type { FieldDefinition } from '$lib/engine/api';
import type { JsonObject, JsonValue } from '$lib/engine/store';
import { fieldValueProblem } from './field-filter';

export interface OptionsForm {
	tagMigrated: string;
	oldIdInSubject: boolean;
	ccField: string;
	inlineImages: 'rewrite' | 'attach';
	skipAttachments: boolean;
	eventsAsNotes: boolean;
	migrateInactiveUsers: boolean;
	/** As typed: validated before it is saved as a whole number. */
	recentDays: string;
	/** YYYY-MM-DD from the date inputs, or empty. */
	createdFrom: string;
	createdTo: string;
	/** Comma- or line-separated, as typed. */
	tags: string;
	/** Source ids, as the filters keep them; the page shows them by name. */
	teamIds: string[];
	organizationIds: string[];
	assigneeIds: string[];
	/** The custom field's source id, chosen by title, and what tickets store (a drop-down's tag, "true" or "false" for a checkbox). */
	fieldId: string;
	fieldValue: string;
}

/** The inputs that can be wrong, each with the i18n key of its message under `options.invalid`. */
export type OptionsProblems = Partial<Record<'recentDays' | 'createdFrom' | 'createdTo' | 'field' | 'fieldValue', string>>;

const ID_LISTS = ['teamIds', 'organizationIds', 'assigneeIds'] as const;

const text = (value: JsonValue | undefined): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const list = (value: JsonValue | undefined): string => (Array.isArray(value) ? value.filter((each) => typeof each === 'string').join(', ') : '');
const unique = (values: string[]): string[] => [...new Set(values.filter(Boolean))];
/** Ids in a hand-edited settings file may be numbers; the engine compares them as text. */
const ids = (value: JsonValue | undefined): string[] => (Array.isArray(value) ? unique(value.flatMap((each) => (typeof each === 'string' || typeof each === 'number' ? [String(each).trim()] : []))) : []);

export function formFrom(options: JsonObject, filters: JsonObject): OptionsForm {
	const field = filters.field && typeof filters.field === 'object' && !Array.isArray(filters.field) ? filters.field : {};
	return {
		tagMigrated: text(options.tagMigrated),
		oldIdInSubject: options.oldIdInSubject === true,
		ccField: text(options.ccField),
		inlineImages: options.inlineImages === 'attach' ? 'attach' : 'rewrite',
		skipAttachments: options.skipAttachments === true,
		eventsAsNotes: options.eventsAsNotes === true,
		migrateInactiveUsers: options.migrateInactiveUsers === true,
		recentDays: text(options.recentDays),
		createdFrom: text(filters.createdFrom),
		createdTo: text(filters.createdTo),
		tags: list(filters.tags),
		teamIds: ids(filters.teamIds),
		organizationIds: ids(filters.organizationIds),
		assigneeIds: ids(filters.assigneeIds),
		fieldId: text(field.id),
		fieldValue: text(field.value)
	};
}

/** Splits a typed list at commas and line breaks; blanks and repeats go. */
export function splitList(typed: string): string[] {
	return unique(typed.split(/[,\n]/).map((each) => each.trim()));
}

const isDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** `field`: the chosen custom field as the source describes it, when it could be read, to check the value's form. */
export function problemsOf(form: OptionsForm, field?: FieldDefinition): OptionsProblems {
	const problems: OptionsProblems = {};
	const days = form.recentDays.trim();
	if (days && !/^\d+$/.test(days)) problems.recentDays = 'recentDaysNumber';
	else if (days && (Number(days) < 1 || Number(days) > 36_500)) problems.recentDays = 'recentDaysRange';
	if (form.createdFrom && !isDate(form.createdFrom)) problems.createdFrom = 'date';
	if (form.createdTo && !isDate(form.createdTo)) problems.createdTo = 'date';
	// ISO dates compare as text.
	else if (form.createdFrom && form.createdTo && isDate(form.createdFrom) && form.createdTo < form.createdFrom) problems.createdTo = 'dateOrder';
	if (Boolean(form.fieldId.trim()) !== Boolean(form.fieldValue.trim())) problems.field = 'fieldBoth';
	const valueProblem = form.fieldId.trim() ? fieldValueProblem(field, form.fieldValue) : undefined;
	if (valueProblem) problems.fieldValue = valueProblem;
	return problems;
}

/**
 * The options and filters to save. Options the other steps keep (entities, the checklist, the
 * triggers the tool turned off) are carried over from `previous` untouched.
 */
export function savedFrom(form: OptionsForm, previous: JsonObject): { options: JsonObject; filters: JsonObject } {
	const options: JsonObject = {
		...previous,
		tagMigrated: form.tagMigrated.trim(),
		oldIdInSubject: form.oldIdInSubject,
		ccField: form.ccField.trim(),
		inlineImages: form.inlineImages,
		skipAttachments: form.skipAttachments,
		eventsAsNotes: form.eventsAsNotes,
		migrateInactiveUsers: form.migrateInactiveUsers
	};
	if (form.recentDays.trim()) options.recentDays = Number(form.recentDays.trim());
	else delete options.recentDays;
	const filters: JsonObject = {};
	if (form.createdFrom) filters.createdFrom = form.createdFrom;
	if (form.createdTo) filters.createdTo = form.createdTo;
	const tags = splitList(form.tags);
	if (tags.length) filters.tags = tags;
	for (const key of ID_LISTS) {
		const values = unique(form[key]);
		if (values.length) filters[key] = values;
	}
	if (form.fieldId.trim() && form.fieldValue.trim()) filters.field = { id: form.fieldId.trim(), value: form.fieldValue.trim() };
	return { options, filters };
}
