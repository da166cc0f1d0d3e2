// Custom fields: find a Kayako case/user/organization field by title or create it (never required), and map its options.
// A create or option update is taken from its own answer (asked with the options expanded); a create whose answer was lost is looked for by title.
import { because } from '../../../reports/reasons/because';
import { MigrationError } from '../../../errors';
import type { FieldDefinition, FieldEntity } from '../../../model';
import type { KayakoSession } from '../session';
import { localized, type FieldTarget, type WriteContext, type WriteWarning } from './context';
import { KAYAKO_FIELD_TYPE, OPTION_TYPES } from './field-values';

const FAMILY: Readonly<Record<FieldEntity, FieldTarget['family']>> = { ticket: 'case', user: 'user', organization: 'organization' };
const PATH: Readonly<Record<FieldTarget['family'], string>> = { case: 'cases/fields', user: 'users/fields', organization: 'organizations/fields' };
// Options and their labels come as references unless expanded.
const INCLUDE = { include: 'field_option,locale_field' };

export interface KayakoOption {
	id: number;
	tag?: string;
	values?: { locale?: string; translation?: string }[];
}

export interface KayakoField {
	id: number;
	title: string;
	type: string;
	key: string;
	is_system?: boolean;
	options?: KayakoOption[];
}

export interface EnsuredField {
	target: FieldTarget;
	created: boolean;
	warnings: WriteWarning[];
	/** The field as Kayako holds it now (from the answer to a create or to new options): the list cache is updated with it. */
	field: KayakoField;
}

/** A create that may have run though its answer never came (a dropped connection, a gateway's 5xx, a timeout). */
const MAYBE_CREATED = new Set(['unknown-outcome', 'timeout', 'network']);

/** The machine value Kayako keeps per option; source values are mostly tag-like already. */
export function optionTagOf(value: string): string {
	return value.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'option';
}

function label(option: KayakoOption): string {
	return option.values?.[0]?.translation ?? '';
}

export async function listFields(session: KayakoSession, family: FieldTarget['family']): Promise<KayakoField[]> {
	const envelope = await session.request<KayakoField[]>({ method: 'GET', path: `${PATH[family]}.json`, searchParams: INCLUDE });
	return envelope.data;
}

async function readField(session: KayakoSession, family: FieldTarget['family'], id: number): Promise<KayakoField> {
	return (await session.request<KayakoField>({ method: 'GET', path: `${PATH[family]}/${id}.json`, searchParams: INCLUDE })).data;
}

/** The Kayako type for a definition; option fields without options and regex fields without a pattern fall back to plain text. */
function kayakoType(def: FieldDefinition): string {
	const type = KAYAKO_FIELD_TYPE[def.type];
	if (OPTION_TYPES.includes(type) && def.options.length === 0) return 'TEXT';
	if (type === 'REGEX' && !def.pattern) return 'TEXT';
	return type;
}

/** Matches each source option to a Kayako option by tag, then by label. */
function matchOptions(def: FieldDefinition, options: readonly KayakoOption[]): { optionIds: Map<string, number>; missing: FieldDefinition['options'] } {
	const optionIds = new Map<string, number>();
	const missing: FieldDefinition['options'] = [];
	for (const option of def.options) {
		const found =
			options.find((each) => each.tag !== undefined && each.tag === optionTagOf(option.value)) ??
			options.find((each) => label(each).trim().toLowerCase() === option.label.trim().toLowerCase());
		if (found) optionIds.set(option.value, found.id);
		else missing.push(option);
	}
	return { optionIds, missing };
}

function newOptions(options: FieldDefinition['options'], locale: string, taken: Set<string>, firstSortOrder: number): Record<string, unknown>[] {
	return options.map((option, index) => {
		let tag = optionTagOf(option.value);
		for (let suffix = 2; taken.has(tag); suffix += 1) tag = `${optionTagOf(option.value)}-${suffix}`;
		taken.add(tag);
		return { values: localized(option.label || option.value, locale), tag, sort_order: firstSortOrder + index };
	});
}

function targetOf(field: KayakoField, family: FieldTarget['family'], def: FieldDefinition): { target: FieldTarget; missing: FieldDefinition['options'] } {
	const { optionIds, missing } = matchOptions(def, field.options ?? []);
	return { target: { id: field.id, key: field.key, type: field.type, family, optionIds }, missing };
}

/** A Kayako option's label in its first locale, for matching by name and for showing it. */
export function optionLabel(option: KayakoOption): string {
	return label(option);
}

/**
 * The target of a source field the user matched by hand to an existing Kayako field: the chosen option
 * mapping when given (options left out of it lose their values), else options matched by tag and label.
 * A source field without options (text) reaches an option field through the options' names and tags.
 */
export function matchedFieldTarget(def: FieldDefinition, field: KayakoField, family: FieldTarget['family'], chosen?: Readonly<Record<string, number>>): FieldTarget {
	const known = new Set((field.options ?? []).map((option) => option.id));
	let optionIds: Map<string, number>;
	if (chosen) optionIds = new Map(Object.entries(chosen).filter(([, id]) => known.has(id)));
	else if (def.options.length > 0) optionIds = matchOptions(def, field.options ?? []).optionIds;
	else optionIds = new Map((field.options ?? []).flatMap((option) => [...(option.tag ? [[option.tag, option.id] as const] : []), [label(option), option.id] as const]));
	return { id: field.id, key: field.key, type: field.type, family, optionIds };
}

async function createField(session: KayakoSession, family: FieldTarget['family'], def: FieldDefinition, type: string): Promise<KayakoField> {
	const body: Record<string, unknown> = {
		type,
		title: def.title,
		// Required imported fields would make every later create and reply fail.
		is_required_for_customers: false,
		is_visible_to_customers: false,
		is_customer_editable: false,
		is_enabled: true,
		...(family === 'case' && { is_required_for_agents: false, is_required_on_resolution: false }),
		...(def.description && { descriptions: localized(def.description) }),
		...(type === 'REGEX' && { regular_expression: def.pattern }),
		...(OPTION_TYPES.includes(type) && { options: newOptions(def.options, 'en-us', new Set(), 1) })
	};
	try {
		const made = (await session.request<KayakoField>({ method: 'POST', path: `${PATH[family]}.json`, searchParams: INCLUDE, json: body })).data;
		return holdsOptions(made, body.options) ? made : readField(session, family, made.id);
	} catch (error) {
		if (!(error instanceof MigrationError) || !MAYBE_CREATED.has(error.kind)) throw error;
		// Kayako creates a field at once (no job): if it took the lost create, the list shows it now; else nothing was made.
		const found = titled(await listFields(session, family), def.title);
		if (found) return found;
		throw error;
	}
}

/**
 * Does Kayako's answer carry its key and every option we sent, expanded with its tag? Kayako documents `include` for any answer,
 * so it should; an answer with bare option references is read back once instead, for the option ids.
 */
function holdsOptions(field: KayakoField, sent: unknown): boolean {
	const wanted = (Array.isArray(sent) ? (sent as { tag?: string }[]) : []).flatMap((option) => (option.tag === undefined ? [] : [option.tag]));
	const tags = new Set((field.options ?? []).map((option) => option.tag));
	return typeof field.key === 'string' && field.key !== '' && wanted.every((tag) => tags.has(tag));
}

/** The custom (never system) field with this title, compared as Kayako's admins see titles: trimmed, any case. */
function titled(fields: readonly KayakoField[], title: string): KayakoField | undefined {
	const wanted = title.trim().toLowerCase();
	return fields.find((each) => !each.is_system && each.title.trim().toLowerCase() === wanted);
}

/** Adds the source options Kayako's field lacks; an update must list every option, or the ones left out are removed. */
async function addMissingOptions(session: KayakoSession, family: FieldTarget['family'], field: KayakoField, missing: FieldDefinition['options']): Promise<KayakoField> {
	const existing = field.options ?? [];
	const kept = existing.map((option, index) => ({ id: option.id, values: option.values?.map((value) => ({ locale: value.locale ?? 'en-us', translation: value.translation ?? '' })) ?? localized(option.tag ?? ''), ...(option.tag !== undefined && { tag: option.tag }), sort_order: index + 1 }));
	const taken = new Set(existing.flatMap((option) => (option.tag === undefined ? [] : [option.tag])));
	const options = [...kept, ...newOptions(missing, 'en-us', taken, kept.length + 1)];
	const updated = (await session.request<KayakoField>({ method: 'PUT', path: `${PATH[family]}/${field.id}.json`, searchParams: INCLUDE, json: { options } })).data;
	return holdsOptions(updated, options) ? updated : readField(session, family, field.id);
}

/**
 * Finds the Kayako field with the definition's title (system fields never match) or creates it, and maps the options.
 * Running it twice creates nothing the second time.
 */
export async function ensureField(ctx: Pick<WriteContext, 'session'>, def: FieldDefinition, existing?: readonly KayakoField[]): Promise<EnsuredField> {
	if (def.system) throw new MigrationError({ kind: 'invalid-input', message: `Field "${def.title}" (${def.id}) is a system field of the source; it is not created in Kayako.` });
	const family = FAMILY[def.entity];
	const warnings: WriteWarning[] = [];
	const fields = existing ?? (await listFields(ctx.session, family));
	let field = titled(fields, def.title);
	const type = kayakoType(def);
	let created = false;
	if (!field) {
		if (type !== KAYAKO_FIELD_TYPE[def.type]) warnings.push({ sourceId: def.id, message: because('field-became-text', { title: def.title }) });
		field = await createField(ctx.session, family, def, type);
		created = true;
	} else if (field.type !== type) {
		warnings.push({ sourceId: def.id, message: because('field-type-kept', { title: field.title, type: field.type }) });
	}
	let { target, missing } = targetOf(field, family, def);
	if (missing.length > 0 && OPTION_TYPES.includes(field.type)) {
		field = await addMissingOptions(ctx.session, family, field, missing);
		({ target, missing } = targetOf(field, family, def));
	}
	for (const option of missing) warnings.push({ sourceId: def.id, message: because('field-option-missing', { option: option.label, field: def.title }) });
	return { target, created, warnings, field };
}
