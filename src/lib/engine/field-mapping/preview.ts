// One real ticket as it will look in Kayako: built with the writer's own subject, status, post and value functions.
import { channelOf } from '../connectors/kayako/writer/posts';
import { inOrder, subjectOf } from '../connectors/kayako/writer/case-payload';
import type { FieldTarget } from '../connectors/kayako/writer/context';
import { convertFieldValue, OPTION_TYPES } from '../connectors/kayako/writer/field-values';
import { matchedFieldTarget, optionLabel, type KayakoField } from '../connectors/kayako/writer/fields';
import { decodeFieldId } from '../connectors/kayako/field-ids';
import { priorityIdFor, statusIdFor, typeIdFor, type ReferenceData } from '../connectors/kayako/writer/reference-data';
import type { WriterSettings } from '../pipeline/settings';
import type { FieldDefinition, FieldValue, TicketBundle, User } from '../model';
import type { FieldChoice } from './choices';
import { createdType } from './match';

export interface PostPreview {
	author: string;
	createdAt: string;
	channel: 'MAIL' | 'NOTE';
	/** Ticket events turned into notes. */
	event: boolean;
	/** The first few hundred characters of the text. */
	excerpt: string;
	attachments: string[];
}

/** Why a value does not arrive: skipped on the fields step, its Kayako field is gone, or it does not fit the field's type. */
export type LostReason = 'skipped' | 'no-field' | 'not-convertible' | 'partly';

export interface FieldValuePreview {
	sourceFieldId: string;
	title: string;
	sourceValue: string;
	/** The Kayako field it lands in; "(new)" key when it is created by the run. */
	kayakoTitle?: string;
	kayakoType?: string;
	/** As Kayako shows it: option names, yes/no as 1/0, dates as ISO 8601. */
	kayakoValue?: string;
	lost?: { reason: LostReason; detail: string };
}

export interface TicketPreview {
	sourceId: string;
	subject: string;
	/** Kayako's names for the mapped status, priority and type (undefined: the case has none). */
	status?: string;
	priority?: string;
	type?: string;
	requester?: { name: string; email?: string };
	tags: string[];
	cc: { emails: string[]; fieldKey?: string };
	posts: PostPreview[];
	attachmentsSkipped: boolean;
	fields: FieldValuePreview[];
}

export interface PreviewInput {
	bundle: TicketBundle;
	settings: WriterSettings;
	reference: ReferenceData;
	/** Kayako's case fields, read live. */
	caseFields: readonly KayakoField[];
	/** The source's ticket field definitions. */
	definitions: ReadonlyMap<string, FieldDefinition>;
	choices: Readonly<Record<string, FieldChoice>>;
	user(id: string): Promise<User | undefined>;
}

const EXCERPT = 300;

function excerptOf(html: string, plain: string): string {
	const text = (plain.trim() || html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
	return text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text;
}

function labelOf(list: readonly { id: number; label: string }[], id: number | undefined): string | undefined {
	return id === undefined ? undefined : list.find((each) => each.id === id)?.label;
}

function sourceText(def: FieldDefinition | undefined, value: FieldValue): string {
	const label = (entry: string) => def?.options.find((option) => option.value === entry)?.label ?? entry;
	return Array.isArray(value) ? value.map(label).join(', ') : typeof value === 'string' ? label(value) : String(value);
}

/** Where a source field's values go under the current choices: the target the writer would learn, with names to show. */
function targetFor(def: FieldDefinition, choice: FieldChoice | undefined, caseFields: readonly KayakoField[]): { target: FieldTarget; title: string; names: Map<number, string> } | { lost: LostReason } {
	if (choice?.action === 'skip') return { lost: 'skipped' };
	const existing =
		choice?.action === 'match'
			? caseFields.find((field) => field.id === decodeFieldId(choice.kayakoId).id && decodeFieldId(choice.kayakoId).family === 'case')
			: caseFields.find((field) => !field.is_system && field.title.trim().toLowerCase() === def.title.trim().toLowerCase());
	if (choice?.action === 'match' && !existing) return { lost: 'no-field' };
	const names = new Map<number, string>();
	if (existing) {
		for (const option of existing.options ?? []) names.set(option.id, optionLabel(option));
		const target = matchedFieldTarget(def, existing, 'case', choice?.action === 'match' ? choice.options : undefined);
		// Created or matched by title, the run adds the options Kayako lacks: shown under their source names.
		if (choice?.action !== 'match' && OPTION_TYPES.includes(existing.type)) addNewOptions(def, target, names);
		return { target, title: existing.title, names };
	}
	const target: FieldTarget = { id: 0, key: '(new)', type: createdType(def), family: 'case', optionIds: new Map() };
	addNewOptions(def, target, names);
	return { target, title: def.title, names };
}

/** Options the run will create get stand-in ids below zero, so the writer's conversion can run on them. */
function addNewOptions(def: FieldDefinition, target: FieldTarget, names: Map<number, string>): void {
	def.options.forEach((option, index) => {
		if (target.optionIds.has(option.value)) return;
		target.optionIds.set(option.value, -(index + 1));
		names.set(-(index + 1), option.label || option.value);
	});
}

function fieldPreview(id: string, value: FieldValue, def: FieldDefinition | undefined, choice: FieldChoice | undefined, caseFields: readonly KayakoField[]): FieldValuePreview {
	const title = def?.title ?? `Field ${id}`;
	const shown = { sourceFieldId: id, title, sourceValue: sourceText(def, value) };
	if (!def) return { ...shown, lost: { reason: 'no-field', detail: 'The source did not list this field; its value is left out.' } };
	const where = targetFor(def, choice, caseFields);
	if ('lost' in where) return { ...shown, lost: { reason: where.lost, detail: where.lost === 'skipped' ? 'Not mapped: skipped on the fields step.' : 'The chosen Kayako field does not exist any more.' } };
	const { target, title: kayakoTitle, names } = where;
	const converted = convertFieldValue(target, value);
	const base = { ...shown, kayakoTitle, kayakoType: target.type };
	if ('problem' in converted) return { ...base, lost: { reason: 'not-convertible', detail: converted.problem } };
	if ('skip' in converted) return base;
	const kayakoValue = OPTION_TYPES.includes(target.type) ? converted.value.split(',').map((each) => names.get(Number(each)) ?? each).join(', ') : converted.value;
	return { ...base, kayakoValue, ...(converted.lost && { lost: { reason: 'partly' as const, detail: converted.lost } }) };
}

export async function previewTicket(input: PreviewInput): Promise<TicketPreview> {
	const { bundle, settings, reference } = input;
	const { ticket } = bundle;
	const people = new Map<string, Promise<User | undefined>>();
	const person = (id: string) => {
		let found = people.get(id);
		if (!found) people.set(id, (found = input.user(id).catch(() => undefined)));
		return found;
	};
	const requester = ticket.requesterId ? await person(ticket.requesterId) : undefined;
	const posts: PostPreview[] = [];
	for (const comment of inOrder(bundle.comments)) {
		const author = comment.authorId ? await person(comment.authorId) : undefined;
		posts.push({
			author: author?.name ?? (comment.authorId ? `user ${comment.authorId}` : '?'),
			createdAt: comment.createdAt,
			channel: channelOf(comment, reference.mailChannelId).channel,
			event: comment.event === true,
			excerpt: excerptOf(comment.html, comment.plain),
			attachments: settings.skipAttachments ? [] : comment.attachments.map((attachment) => attachment.fileName)
		});
	}
	return {
		sourceId: ticket.id,
		subject: subjectOf(bundle, settings.oldIdInSubject),
		status: labelOf(reference.statuses, statusIdFor(reference, ticket.status, ticket.statusLabel)),
		priority: labelOf(reference.priorities, priorityIdFor(reference, ticket.priority)),
		type: labelOf(reference.types, typeIdFor(reference, ticket.type)),
		...(requester && { requester: { name: requester.name, ...(requester.emails[0] && { email: requester.emails[0] }) } }),
		tags: [...new Set([...ticket.tags, ...(settings.tagMigrated ? [settings.tagMigrated] : [])])],
		cc: { emails: ticket.ccEmails, ...(settings.ccField && { fieldKey: settings.ccField }) },
		posts,
		attachmentsSkipped: settings.skipAttachments && bundle.comments.some((comment) => comment.attachments.length > 0),
		fields: Object.entries(ticket.fields)
			.filter(([id, value]) => !input.definitions.get(id)?.system && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0))
			.map(([id, value]) => fieldPreview(id, value, input.definitions.get(id), input.choices[id], input.caseFields))
	};
}
