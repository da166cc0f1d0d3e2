// A read-only, JSON-ready picture of one account for assertions: what Kayako really received, mails it would have sent, requests seen.
import { createHash } from 'node:crypto';
import { jobStatus } from './jobs';
import type { AttachmentRecord, FieldFamily, FieldType, JobError, PostChannel, PostRecord, RoleType } from './records';
import type { AccountState } from './state';
import { iso } from './time';

export interface AttachmentView {
	id: number;
	name: string;
	size: number;
	type: string;
	sha256: string;
}

export interface KayakoAccountView {
	account: string;
	users: { id: number; full_name: string; legacy_id: string | null; role: RoleType; is_enabled: boolean; is_mfa_enabled: boolean; emails: string[]; organization_id: number | null; team_ids: number[]; field_values: Record<string, string>; tags: string[]; created_at: string; avatar?: { content_type: string; name: string; bytes: Buffer } }[];
	/** Notes written on users, oldest first. */
	userNotes?: { id: number; user_id: number; contents: string; is_html: boolean }[];
	organizations: { id: number; name: string; legacy_id: string | null; domains: string[]; field_values: Record<string, string>; tags: string[] }[];
	teams: { id: number; title: string; legacy_id: string | null; member_ids: number[] }[];
	fields: { id: number; family: FieldFamily; type: FieldType; title: string; key: string; is_system: boolean; is_enabled: boolean; options: { id: number; tag: string; values: string[] }[] }[];
	cases: {
		id: number;
		legacy_id: string | null;
		subject: string;
		requester_id: number;
		creator_id: number;
		channel: PostChannel;
		status: string;
		priority_id: number | null;
		type_id: number | null;
		assigned_team_id: number | null;
		assigned_agent_id: number | null;
		state: 'ACTIVE' | 'TRASH';
		tags: string[];
		field_values: Record<string, string>;
		created_at: string;
		updated_at: string;
		posts: { id: number; channel: PostChannel; creator_id: number; contents: string; via: string; created_at: string; attachments: AttachmentView[] }[];
	}[];
	files: { id: number; name: string; size: number; content_type: string; sha256: string; created_at: string; expiry_at: string }[];
	categories: { id: number; legacy_id: string | null; titles: string[] }[];
	sections: { id: number; legacy_id: string | null; category_id: number; titles: string[] }[];
	articles: { id: number; legacy_id: string | null; section_id: number; status: string; titles: string[]; contents: string[]; author_id: number; attachments: AttachmentView[] }[];
	triggers: { id: number; title: string; is_enabled: boolean }[];
	jobs: { id: number; kind: string; status: string; rows: number; created: number; errors: JobError[] }[];
	/** Posts the real service would have e-mailed to the requester; a silent migration leaves this empty. */
	mailed: { case_id: number; post_id: number; requester_id: number; email: string | null; via: 'create' | 'reply'; at: string }[];
	requests: { total: number; byRoute: Record<string, number> };
}

/** Files and the attachments made from them share buffers, and tests take many views: each buffer is hashed once. */
const digests = new WeakMap<Buffer, string>();

function sha256(bytes: Buffer): string {
	let digest = digests.get(bytes);
	if (digest === undefined) {
		digest = createHash('sha256').update(bytes).digest('hex');
		digests.set(bytes, digest);
	}
	return digest;
}

function attachmentViews(state: AccountState, ids: readonly number[]): AttachmentView[] {
	return ids
		.map((id) => state.attachments.get(id))
		.filter((entry): entry is AttachmentRecord => entry !== undefined)
		.map((entry) => ({ id: entry.id, name: entry.name, size: entry.size, type: entry.type, sha256: sha256(entry.bytes) }));
}

function strings(state: AccountState, ids: readonly number[]): string[] {
	return ids.map((id) => state.localeStrings.get(id)?.translation ?? '');
}

export function accountView(state: AccountState, now: number): KayakoAccountView {
	const byId = <T extends { id: number }>(values: Iterable<T>): T[] => [...values].sort((a, b) => a.id - b.id);
	// Grouped once: filtering every post for every case is quadratic in an account of thousands of posts.
	const postsOf = new Map<number, PostRecord[]>();
	for (const post of byId(state.posts.values())) {
		const posts = postsOf.get(post.case_id);
		if (posts) posts.push(post);
		else postsOf.set(post.case_id, [post]);
	}
	return {
		account: state.name,
		users: byId(state.users.values()).map((user) => ({
			id: user.id,
			full_name: user.full_name,
			legacy_id: user.legacy_id,
			role: state.roles.get(user.role_id)?.type ?? 'CUSTOMER',
			is_enabled: user.is_enabled,
			is_mfa_enabled: user.is_mfa_enabled,
			emails: user.email_ids.map((id) => state.emails.get(id)?.email ?? ''),
			organization_id: user.organization_id,
			team_ids: [...user.team_ids],
			field_values: { ...user.field_values },
			tags: [...user.tags],
			created_at: iso(user.created_at),
			...(user.avatar && { avatar: { content_type: user.avatar.content_type, name: user.avatar.name, bytes: user.avatar.bytes } })
		})),
		userNotes: byId(state.userNotes.values()).map((note) => ({ id: note.id, user_id: note.user_id, contents: note.contents, is_html: note.is_html })),
		organizations: byId(state.organizations.values()).map((organization) => ({
			id: organization.id,
			name: organization.name,
			legacy_id: organization.legacy_id,
			domains: organization.domain_ids.map((id) => state.domains.get(id)?.domain ?? ''),
			field_values: { ...organization.field_values },
			tags: [...organization.tags]
		})),
		teams: byId(state.teams.values()).map((team) => ({
			id: team.id,
			title: team.title,
			legacy_id: team.legacy_id,
			member_ids: [...state.users.values()].filter((user) => user.team_ids.includes(team.id)).map((user) => user.id)
		})),
		fields: byId(state.fields.values()).map((field) => ({
			id: field.id,
			family: field.family,
			type: field.type,
			title: field.title,
			key: field.key,
			is_system: field.is_system,
			is_enabled: field.is_enabled,
			options: field.option_ids.map((id) => state.fieldOptions.get(id)).filter((option) => option !== undefined).map((option) => ({ id: option.id, tag: option.tag, values: strings(state, option.value_ids) }))
		})),
		cases: byId(state.cases.values()).map((kase) => ({
			id: kase.id,
			legacy_id: kase.legacy_id,
			subject: kase.subject,
			requester_id: kase.requester_id,
			creator_id: kase.creator_id,
			channel: state.channels.get(kase.channel_uuid)?.type ?? 'MAIL',
			status: state.statuses.get(kase.status_id)?.type ?? 'NEW',
			priority_id: kase.priority_id,
			type_id: kase.type_id,
			assigned_team_id: kase.assigned_team_id,
			assigned_agent_id: kase.assigned_agent_id,
			state: kase.state,
			tags: [...kase.tags],
			field_values: { ...kase.field_values },
			created_at: iso(kase.created_at),
			updated_at: iso(kase.updated_at),
			posts: (postsOf.get(kase.id) ?? []).map((post) => ({ id: post.id, channel: post.channel, creator_id: post.creator_id, contents: post.contents, via: post.via, created_at: iso(post.created_at), attachments: attachmentViews(state, post.attachment_ids) }))
		})),
		files: byId(state.files.values()).map((file) => ({ id: file.id, name: file.name, size: file.size, content_type: file.content_type, sha256: sha256(file.bytes), created_at: iso(file.created_at), expiry_at: iso(file.expiry_at) })),
		categories: byId(state.categories.values()).map((category) => ({ id: category.id, legacy_id: category.legacy_id, titles: strings(state, category.title_ids) })),
		sections: byId(state.sections.values()).map((section) => ({ id: section.id, legacy_id: section.legacy_id, category_id: section.category_id, titles: strings(state, section.title_ids) })),
		articles: byId(state.articles.values()).map((article) => ({
			id: article.id,
			legacy_id: article.legacy_id,
			section_id: article.section_id,
			status: article.status,
			titles: strings(state, article.title_ids),
			contents: strings(state, article.content_ids),
			author_id: article.author_id,
			attachments: attachmentViews(state, article.attachment_ids)
		})),
		triggers: byId(state.triggers.values()).map((trigger) => ({ id: trigger.id, title: trigger.title, is_enabled: trigger.is_enabled })),
		jobs: byId(state.jobs.values()).map((job) => ({ id: job.id, kind: job.kind, status: jobStatus(job, now), rows: job.rows.length, created: job.created_count, errors: job.errors.map((error) => ({ ...error })) })),
		mailed: state.mailed.map((entry) => ({ ...entry, at: iso(entry.at) })),
		requests: { total: state.requests.total, byRoute: { ...state.requests.byRoute } }
	};
}
