// Creating cases and their posts, attaching uploaded files, and noting which posts the real service would have e-mailed.
import { randomUUID } from 'node:crypto';
import type { CaseRecord, FileRecord, PostChannel, PostRecord } from '../records';
import { nextId, primaryEmail, tagId, type AccountState } from '../state';

export interface NewCase {
	subject: string;
	requester_id: number;
	creator_id: number;
	channel: PostChannel;
	legacy_id?: string | null;
	brand_id?: number;
	status_id?: number;
	priority_id?: number | null;
	type_id?: number | null;
	assigned_team_id?: number | null;
	assigned_agent_id?: number | null;
	tags?: readonly string[];
	field_values?: Record<string, string>;
	created_at: number;
	updated_at?: number;
}

export interface NewPost {
	contents: string;
	channel: PostChannel;
	creator_id: number;
	created_at: number;
	updated_at?: number;
	files?: readonly FileRecord[];
	client_id?: string;
	subject?: string;
	via: PostRecord['via'];
}

function channelUuid(state: AccountState, type: PostChannel): string {
	for (const channel of state.channels.values()) if (channel.type === type) return channel.uuid;
	throw new Error(`The account ${state.name} has no ${type} channel; the seed should have made one.`);
}

export function createCase(state: AccountState, input: NewCase, now: number): CaseRecord {
	const id = nextId(state, 'cases');
	const newStatus = [...state.statuses.values()].find((status) => status.type === 'NEW');
	const kase: CaseRecord = {
		id,
		legacy_id: input.legacy_id ?? null,
		subject: input.subject,
		requester_id: input.requester_id,
		creator_id: input.creator_id,
		channel_uuid: channelUuid(state, input.channel),
		brand_id: input.brand_id ?? 1,
		status_id: input.status_id ?? newStatus?.id ?? 1,
		priority_id: input.priority_id ?? null,
		type_id: input.type_id ?? null,
		assigned_team_id: input.assigned_team_id ?? null,
		assigned_agent_id: input.assigned_agent_id ?? null,
		state: 'ACTIVE',
		tags: [...(input.tags ?? [])],
		field_values: { ...input.field_values },
		created_at: input.created_at,
		updated_at: input.updated_at ?? input.created_at ?? now
	};
	state.cases.set(id, kase);
	for (const name of kase.tags) tagId(state, name);
	return kase;
}

export function addPost(state: AccountState, kase: CaseRecord, input: NewPost): PostRecord {
	const id = nextId(state, 'posts');
	const originalId = nextId(state, 'originals');
	const post: PostRecord = {
		id,
		uuid: randomUUID(),
		case_id: kase.id,
		original_id: originalId,
		client_id: input.client_id ?? '',
		subject: input.subject ?? kase.subject,
		contents: input.contents,
		creator_id: input.creator_id,
		channel: input.channel,
		attachment_ids: [],
		via: input.via,
		created_at: input.created_at,
		updated_at: input.updated_at ?? input.created_at
	};
	state.posts.set(id, post);
	state.originals.set(originalId, id);
	const folder = input.channel === 'NOTE' ? 'notes' : 'messages';
	for (const file of input.files ?? []) {
		const attachmentId = nextId(state, 'attachments');
		state.attachments.set(attachmentId, {
			id: attachmentId,
			path: `cases/${kase.id}/${folder}/${originalId}/attachments/${attachmentId}`,
			name: file.name,
			size: file.size,
			type: file.content_type,
			// Bytes are never written to, so the attachment shares the uploaded file's buffer instead of copying megabytes.
			bytes: file.bytes,
			created_at: input.created_at
		});
		post.attachment_ids.push(attachmentId);
	}
	kase.updated_at = Math.max(kase.updated_at, post.updated_at);
	return post;
}

/**
 * The real service mails the requester for a MAIL post made by a single create or a reply from anyone but the requester.
 * Bulk imports are recorded as silent (the reference's table), as are notes.
 */
export function noteMailing(state: AccountState, kase: CaseRecord, post: PostRecord, now: number): void {
	if (post.channel !== 'MAIL' || (post.via !== 'create' && post.via !== 'reply')) return;
	if (post.creator_id === kase.requester_id) return;
	const requester = state.users.get(kase.requester_id);
	state.mailed.push({ case_id: kase.id, post_id: post.id, requester_id: kase.requester_id, email: requester ? primaryEmail(state, requester) : null, via: post.via, at: now });
}

export function deleteCase(state: AccountState, kase: CaseRecord): void {
	for (const post of [...state.posts.values()]) {
		if (post.case_id !== kase.id) continue;
		for (const attachmentId of post.attachment_ids) state.attachments.delete(attachmentId);
		state.originals.delete(post.original_id);
		state.posts.delete(post.id);
	}
	state.cases.delete(kase.id);
}
