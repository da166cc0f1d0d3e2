// The rules for a case or a post as sent to single create, reply and bulk import, checked once for all three.
import type { MultipartPart } from '../../common/multipart';
import { isStaff } from '../context';
import { fieldInvalid, fieldRequired, type KayakoError } from '../errors';
import { existingId, list, record, text } from '../input';
import type { NewCase, NewPost } from '../mutate/cases';
import type { FileRecord, PostChannel, RoleType } from '../records';
import { roleTypeOf, type AccountState } from '../state';
import { parseTimestamp } from '../time';
import { checkFieldValues } from './field-values';
import { resolveFiles } from './files';

export interface CaseRules {
	state: AccountState;
	actorId: number;
	actorRole: RoleType;
	now: number;
	/** Bulk rows may carry created_at, updated_at, creator_id and posts; single creates may not (they are ignored). */
	bulk: boolean;
}

function channelOf(errors: KayakoError[], body: Record<string, unknown>, prefix: string, knownMailbox: boolean): PostChannel | undefined {
	const raw = text(body.channel)?.toUpperCase();
	if (!raw) {
		errors.push(fieldRequired(`${prefix}channel`));
		return undefined;
	}
	if (raw !== 'MAIL' && raw !== 'NOTE') {
		errors.push(fieldInvalid(`${prefix}channel`, raw === 'TWITTER' || raw === 'FACEBOOK' || raw === 'MESSENGER' ? `the sandbox has no ${raw} channel account` : `"${raw}" is not MAIL or NOTE`));
		return undefined;
	}
	if (raw === 'MAIL') {
		if (body.channel_id === undefined || body.channel_id === null || body.channel_id === '') errors.push(fieldInvalid(`${prefix}channel`, 'MAIL needs a channel_id (the mailbox id of GET /cases/channels)'));
		else if (!knownMailbox) errors.push(fieldInvalid(`${prefix}channel_id`, `no mailbox has the id ${String(body.channel_id)}`));
	}
	const options = record(body.channel_options);
	if (raw === 'NOTE' && options?.cc !== undefined) errors.push(fieldInvalid(`${prefix}channel_options`, 'cc is only valid with the MAIL channel'));
	return raw;
}

function mailboxKnown(state: AccountState, value: unknown): boolean {
	const id = Number(value);
	return Number.isInteger(id) && state.mailboxes.has(id);
}

function time(errors: KayakoError[], value: unknown, parameter: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const parsed = parseTimestamp(value);
	if (parsed === undefined) errors.push(fieldInvalid(parameter, `"${String(value)}" is not a date (YYYY-MM-DDThh:mm:ssTZD)`));
	return parsed;
}

/** Multipart `attachment` parts of a single-step upload, as files that never expire before use. */
export function uploadedParts(parts: readonly MultipartPart[], now: number): FileRecord[] {
	return parts
		.filter((part) => /^(attachment|attachments|files)(\[\])?$/.test(part.name))
		.map((part, index) => ({ id: -(index + 1), name: part.filename ?? 'attachment', size: part.data.length, content_type: part.contentType ?? 'application/octet-stream', bytes: part.data, created_at: now, expiry_at: now + 1 }));
}

export function preparePost(rules: CaseRules, body: Record<string, unknown>, prefix: string, fallbackCreator: number): { errors: KayakoError[]; post?: Omit<NewPost, 'via'> } {
	const { state } = rules;
	const errors: KayakoError[] = [];
	const contents = text(body.contents);
	if (!contents?.trim()) errors.push(fieldRequired(`${prefix}contents`));
	const channel = channelOf(errors, body, prefix, mailboxKnown(state, body.channel_id));
	const files = resolveFiles(state, body.attachment_file_ids, rules.now, errors, `${prefix}attachment_file_ids`);
	let creatorId = fallbackCreator;
	let createdAt = rules.now;
	let updatedAt: number | undefined;
	if (rules.bulk) {
		creatorId = existingId(errors, `${prefix}creator_id`, body.creator_id, (id) => state.users.has(id)) ?? fallbackCreator;
		createdAt = time(errors, body.created_at, `${prefix}created_at`) ?? rules.now;
		updatedAt = time(errors, body.updated_at, `${prefix}updated_at`);
	}
	if (errors.length > 0 || !contents || !channel) return { errors };
	return { errors, post: { contents, channel, creator_id: creatorId, created_at: createdAt, ...(updatedAt !== undefined && { updated_at: updatedAt }), files, ...(text(body.client_id) !== undefined && { client_id: text(body.client_id) }) } };
}

/** The case properties that create, reply and update share. */
export function caseProperties(state: AccountState, body: Record<string, unknown>, errors: KayakoError[]): Partial<NewCase> {
	const out: Partial<NewCase> = {};
	const statusId = existingId(errors, 'status_id', body.status_id, (id) => state.statuses.has(id));
	if (statusId !== undefined) out.status_id = statusId;
	const priorityId = existingId(errors, 'priority_id', body.priority_id, (id) => state.priorities.has(id));
	if (priorityId !== undefined) out.priority_id = priorityId;
	const typeId = existingId(errors, 'type_id', body.type_id, (id) => state.caseTypes.has(id));
	if (typeId !== undefined) out.type_id = typeId;
	const teamId = existingId(errors, 'assigned_team_id', body.assigned_team_id, (id) => state.teams.has(id));
	if (teamId !== undefined) out.assigned_team_id = teamId;
	const agentId = existingId(errors, 'assigned_agent_id', body.assigned_agent_id, (id) => {
		const user = state.users.get(id);
		return user !== undefined && isStaff(roleTypeOf(state, user));
	});
	if (agentId !== undefined) out.assigned_agent_id = agentId;
	const brandId = existingId(errors, 'brand_id', body.brand_id, (id) => state.brands.has(id));
	if (brandId !== undefined) out.brand_id = brandId;
	if (body.tags !== undefined) out.tags = list(body.tags) ?? [];
	const fieldValues = checkFieldValues(state, 'case', body.field_values, errors);
	if (fieldValues) out.field_values = fieldValues;
	const requesterId = existingId(errors, 'requester_id', body.requester_id, (id) => state.users.has(id));
	if (requesterId !== undefined) out.requester_id = requesterId;
	const subject = text(body.subject);
	if (subject !== undefined) out.subject = subject;
	return out;
}

export interface PreparedCase {
	errors: KayakoError[];
	kase?: NewCase;
	first?: Omit<NewPost, 'via'>;
	posts: Omit<NewPost, 'via'>[];
}

export function prepareCase(rules: CaseRules, body: Record<string, unknown>, extraFiles: readonly FileRecord[] = []): PreparedCase {
	const { state } = rules;
	const errors: KayakoError[] = [];
	const properties = caseProperties(state, body, errors);
	if (!text(body.subject)?.trim()) errors.push(fieldRequired('subject'));
	if (body.requester_id === undefined) errors.push(fieldRequired('requester_id'));
	const creatorId = rules.bulk ? (existingId(errors, 'creator_id', body.creator_id, (id) => state.users.has(id)) ?? rules.actorId) : rules.actorId;
	// The case's own dates and creator are read below once; the first post takes them from the case.
	const first = preparePost(rules, { ...body, creator_id: creatorId, created_at: undefined, updated_at: undefined }, '', creatorId);
	errors.push(...first.errors);
	const posts: Omit<NewPost, 'via'>[] = [];
	if (rules.bulk && body.posts !== undefined) {
		if (!Array.isArray(body.posts)) errors.push(fieldInvalid('posts', 'must be an array of posts'));
		else
			body.posts.forEach((entry, index) => {
				const item = record(entry);
				if (!item) {
					errors.push(fieldInvalid(`posts[${index}]`, 'must be an object'));
					return;
				}
				const prepared = preparePost(rules, item, `posts[${index}].`, creatorId);
				errors.push(...prepared.errors);
				if (prepared.post) posts.push(prepared.post);
			});
	}
	let createdAt = rules.now;
	let updatedAt: number | undefined;
	if (rules.bulk) {
		createdAt = time(errors, body.created_at, 'created_at') ?? rules.now;
		updatedAt = time(errors, body.updated_at, 'updated_at');
	}
	if (errors.length > 0 || !first.post || properties.requester_id === undefined || !properties.subject) return { errors, posts: [] };
	const kase: NewCase = {
		...properties,
		subject: properties.subject,
		requester_id: properties.requester_id,
		creator_id: creatorId,
		channel: first.post.channel,
		legacy_id: text(body.legacy_id) ?? null,
		created_at: createdAt,
		...(updatedAt !== undefined && { updated_at: updatedAt })
	};
	return { errors, kase, first: { ...first.post, created_at: createdAt, files: [...(first.post.files ?? []), ...extraFiles] }, posts };
}
