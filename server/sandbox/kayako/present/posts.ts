// Presenters for posts and what lies under them: notes, case messages, attachments; plus uploaded files.
import type { PostRecord } from '../records';
import type { PresentContext } from './ref';
import { iso } from '../time';
import { primaryIdentityId } from './cases';
import { Ref, ref, refs, type Presenter } from './ref';

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function originalPath(context: PresentContext, post: PostRecord): string {
	return `${context.apiBase}/cases/${post.case_id}/${post.channel === 'NOTE' ? 'notes' : 'messages'}/${post.original_id}`;
}

function postOfOriginal(context: PresentContext, originalId: number): PostRecord | undefined {
	const postId = context.state.originals.get(originalId);
	return postId === undefined ? undefined : context.state.posts.get(postId);
}

function channelUuid(context: PresentContext, post: PostRecord): string | undefined {
	for (const channel of context.state.channels.values()) if (channel.type === post.channel) return channel.uuid;
	return undefined;
}

const post: Presenter = (context, id) => {
	const record = context.state.posts.get(Number(id));
	if (!record) return undefined;
	const kase = context.state.cases.get(record.case_id);
	const uuid = channelUuid(context, record);
	return {
		id: record.id,
		uuid: record.uuid,
		client_id: record.client_id,
		subject: record.subject,
		contents: record.contents,
		creator: ref('user', record.creator_id),
		identity: ref('identity_email', primaryIdentityId(context.state, record.creator_id)),
		source_channel: uuid === undefined ? null : new Ref('channel', uuid, 'uuid'),
		attachments: refs('attachment', record.attachment_ids),
		download_all: record.attachment_ids.length > 0 ? `${originalPath(context, record)}/attachments/download/all` : null,
		destination_medium: null,
		source: null,
		metadata: { user_agent: '', page_url: '' },
		original: ref(record.channel === 'NOTE' ? 'note' : 'case_message', record.original_id),
		post_status: 'DELIVERED',
		post_status_reject_type: null,
		post_status_reject_reason: null,
		post_status_updated_at: iso(record.updated_at),
		is_requester: kase?.requester_id === record.creator_id,
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'post',
		resource_url: `${context.apiBase}/cases/posts/${record.id}`
	};
};

const note: Presenter = (context, id) => {
	const record = postOfOriginal(context, Number(id));
	if (!record || record.channel !== 'NOTE') return undefined;
	return {
		id: record.original_id,
		body_text: record.contents,
		body_html: escapeHtml(record.contents).replace(/\n/g, '<br>'),
		is_pinned: false,
		pinned_by: null,
		user: ref('user', record.creator_id),
		creator: ref('user', record.creator_id),
		attachments: refs('attachment', record.attachment_ids),
		download_all: record.attachment_ids.length > 0 ? `${originalPath(context, record)}/attachments/download/all` : null,
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'note',
		resource_url: originalPath(context, record)
	};
};

const caseMessage: Presenter = (context, id) => {
	const record = postOfOriginal(context, Number(id));
	if (!record || record.channel !== 'MAIL') return undefined;
	const creator = context.state.users.get(record.creator_id);
	const identityId = primaryIdentityId(context.state, record.creator_id);
	const mailbox = [...context.state.mailboxes.values()].find((entry) => entry.is_default);
	return {
		id: record.original_id,
		uuid: record.uuid,
		subject: record.subject,
		body_text: record.contents,
		body_html: `<div>${escapeHtml(record.contents).replace(/\n/g, '<br>')}</div>`,
		recipients: [],
		fullname: creator?.full_name ?? '',
		email: identityId === null ? '' : (context.state.emails.get(identityId)?.email ?? ''),
		creator: ref('user', record.creator_id),
		identity: ref('identity_email', identityId),
		mailbox: ref('mailbox', mailbox?.id ?? null),
		attachments: refs('attachment', record.attachment_ids),
		download_all: record.attachment_ids.length > 0 ? `${originalPath(context, record)}/attachments/download/all` : null,
		locale: null,
		response_time: 0,
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'case_message',
		resource_url: originalPath(context, record)
	};
};

const attachment: Presenter = (context, id) => {
	const record = context.state.attachments.get(Number(id));
	if (!record) return undefined;
	const base = `${context.apiBase}/${record.path}`;
	return {
		id: record.id,
		name: record.name,
		size: record.size,
		width: 0,
		height: 0,
		type: record.type,
		content_id: null,
		alt: null,
		url: `${base}/url`,
		url_download: `${base}/download`,
		thumbnails: [],
		created_at: iso(record.created_at),
		resource_type: 'attachment',
		resource_url: base
	};
};

const file: Presenter = (context, id) => {
	const record = context.state.files.get(Number(id));
	if (!record) return undefined;
	return {
		id: record.id,
		name: record.name,
		size: record.size,
		content_type: record.content_type,
		content_url: `${context.apiBase}/files/${record.id}/content`,
		created_at: iso(record.created_at),
		expiry_at: iso(record.expiry_at),
		resource_type: 'file',
		resource_url: `${context.apiBase}/files/${record.id}`
	};
};

export const POST_PRESENTERS: Readonly<Record<string, Presenter>> = { post, note, case_message: caseMessage, attachment, file };
