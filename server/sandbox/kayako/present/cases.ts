// Presenters for cases and what they point at: statuses, priorities, types, channels, mailboxes, brands, tags.
import type { PostRecord } from '../records';
import type { AccountState } from '../state';
import { iso } from '../time';
import { customFieldValues } from './people';
import { Ref, ref, type Presenter } from './ref';

export function postsOfCase(state: AccountState, caseId: number): PostRecord[] {
	return [...state.posts.values()].filter((post) => post.case_id === caseId).sort((a, b) => a.id - b.id);
}

const caseStatus: Presenter = (context, id) => {
	const record = context.state.statuses.get(Number(id));
	if (!record) return undefined;
	return {
		id: record.id,
		label: record.label,
		type: record.type,
		sort_order: record.sort_order,
		is_sla_active: record.is_sla_active,
		is_deleted: record.is_deleted,
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'case_status',
		resource_url: `${context.apiBase}/cases/statuses/${record.id}`
	};
};

const casePriority: Presenter = (context, id) => {
	const record = context.state.priorities.get(Number(id));
	if (!record) return undefined;
	return {
		id: record.id,
		label: record.label,
		level: record.level,
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'case_priority',
		resource_url: `${context.apiBase}/cases/priorities/${record.id}`
	};
};

const caseType: Presenter = (context, id) => {
	const record = context.state.caseTypes.get(Number(id));
	if (!record) return undefined;
	return {
		id: record.id,
		label: record.label,
		type: record.type,
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'case_type',
		resource_url: `${context.apiBase}/cases/types/${record.id}`
	};
};

const channel: Presenter = (context, uuid) => {
	const record = context.state.channels.get(String(uuid));
	if (!record) return undefined;
	return { uuid: record.uuid, type: record.type, character_limit: null, account: ref('mailbox', record.mailbox_id), resource_type: 'channel' };
};

const mailbox: Presenter = (context, id) => {
	const record = context.state.mailboxes.get(Number(id));
	if (!record) return undefined;
	return {
		id: record.id,
		uuid: record.uuid,
		address: record.address,
		brand: ref('brand', record.brand_id),
		is_system: true,
		is_custom: false,
		is_verified: false,
		is_default: record.is_default,
		is_enabled: true,
		is_deleted: false,
		verified_at: null,
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'mailbox',
		resource_url: `${context.apiBase}/mailboxes/${record.id}`
	};
};

const brand: Presenter = (context, id) => {
	const record = context.state.brands.get(Number(id));
	if (!record) return undefined;
	return {
		id: record.id,
		name: record.name,
		url: context.accountUrl,
		sub_domain: record.sub_domain,
		alias: record.alias,
		is_enabled: record.is_enabled,
		is_default: record.is_default,
		locale: ref('locale', record.locale_id),
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'brand',
		resource_url: `${context.apiBase}/brands/${record.id}`
	};
};

const tag: Presenter = (context, id) => {
	for (const [name, tagId] of context.state.tags) {
		if (tagId === Number(id)) return { id: tagId, name, resource_type: 'tag', resource_url: `${context.apiBase}/tags/${tagId}` };
	}
	return undefined;
};

function primaryIdentityId(state: AccountState, userId: number): number | null {
	const user = state.users.get(userId);
	if (!user) return null;
	const identities = user.email_ids.map((id) => state.emails.get(id)).filter((entry) => entry !== undefined);
	return (identities.find((entry) => entry.is_primary) ?? identities[0])?.id ?? null;
}

export { primaryIdentityId };

function atOrNull(value: number | undefined): string | null {
	return value === undefined ? null : iso(value);
}

const kase: Presenter = (context, id) => {
	const state = context.state;
	const record = state.cases.get(Number(id));
	if (!record) return undefined;
	const posts = postsOfCase(state, record.id);
	const last = posts.at(-1);
	const lastPublic = [...posts].reverse().find((post) => post.channel === 'MAIL');
	const lastPublicChannel = [...state.channels.values()].find((entry) => entry.type === 'MAIL');
	const agentReplies = posts.filter((post) => post.creator_id !== record.requester_id && post.channel === 'MAIL');
	const requesterPosts = posts.filter((post) => post.creator_id === record.requester_id);
	const preview = (last?.contents ?? '').slice(0, 255);
	return {
		id: record.id,
		legacy_id: record.legacy_id,
		subject: record.subject,
		portal: 'SERVICE',
		source_channel: new Ref('channel', record.channel_uuid, 'uuid'),
		last_public_channel: lastPublic && lastPublicChannel ? new Ref('channel', lastPublicChannel.uuid, 'uuid') : null,
		requester: ref('user', record.requester_id),
		creator: ref('user', record.creator_id),
		identity: ref('identity_email', primaryIdentityId(state, record.requester_id)),
		assigned_agent: ref('user', record.assigned_agent_id),
		assigned_team: ref('team', record.assigned_team_id),
		last_assigned_by: ref('user', record.assigned_agent_id === null ? null : record.creator_id),
		brand: ref('brand', record.brand_id),
		status: ref('case_status', record.status_id),
		priority: ref('case_priority', record.priority_id),
		type: ref('case_type', record.type_id),
		read_marker: ref('read_marker', record.id),
		sla_version: null,
		sla_metrics: [],
		form: null,
		custom_fields: customFieldValues(context, 'case', record.field_values),
		last_replier: ref('user', last?.creator_id ?? null),
		last_replier_identity: ref('identity_email', last ? primaryIdentityId(state, last.creator_id) : null),
		last_updated_by: ref('user', last?.creator_id ?? record.creator_id),
		last_completed_by: null,
		last_closed_by: null,
		state: record.state,
		post_count: posts.length,
		has_notes: posts.some((post) => post.channel === 'NOTE'),
		pinned_notes_count: 0,
		has_attachments: posts.some((post) => post.attachment_ids.length > 0),
		is_merged: false,
		rating: null,
		rating_status: 'UNOFFERED',
		tags: record.tags.map((name) => new Ref('tag', state.tags.get(name) ?? 0)),
		last_post_status: '',
		last_post_preview: preview,
		last_post_type: last?.channel === 'NOTE' ? 'NOTE' : 'MESSAGE',
		last_message_preview: preview,
		realtime_channel: `presence-sandbox@v1_cases_${record.id}`,
		last_assigned_at: record.assigned_agent_id === null ? null : iso(record.created_at),
		last_replied_at: atOrNull(agentReplies.at(-1)?.created_at),
		last_opened_at: null,
		last_pending_at: null,
		last_closed_at: null,
		last_completed_at: null,
		last_agent_activity_at: iso(record.updated_at),
		last_customer_activity_at: atOrNull(requesterPosts.at(-1)?.created_at),
		last_reply_by_agent_at: atOrNull(agentReplies.at(-1)?.created_at),
		last_reply_by_requester_at: atOrNull(requesterPosts.at(-1)?.created_at),
		agent_updated_at: iso(record.updated_at),
		latest_assignee_update: iso(record.updated_at),
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'case',
		resource_url: `${context.apiBase}/cases/${record.id}`
	};
};

export const CASE_PRESENTERS: Readonly<Record<string, Presenter>> = {
	case: kase,
	case_status: caseStatus,
	case_priority: casePriority,
	case_type: caseType,
	channel,
	mailbox,
	brand,
	tag
};
