// The sandbox's agent view of one case (conversation): its properties, fields, tags, and every post with author, time,
// kind (reply or note), body and attachments, oldest first as Kayako's timeline reads.
import type { Reply } from '../../common/reply';
import type { CaseRecord, PostRecord } from '../records';
import { html, missingPage, page, sanitizedBody, tagList, timeTag } from './html';
import { attachmentList, fieldTable, organizationLink, roleLabel, userLink, type PageContext } from './parts';

function postsOf(context: PageContext, caseId: number): PostRecord[] {
	return [...context.state.posts.values()].filter((post) => post.case_id === caseId).sort((a, b) => a.created_at - b.created_at || a.id - b.id);
}

function postView(context: PageContext, post: PostRecord) {
	const note = post.channel === 'NOTE';
	return html`<li class="post ${note ? 'note' : 'reply'}" data-post-id="${post.id}" data-kind="${note ? 'note' : 'reply'}">
<header><strong>${note ? 'Note' : 'Reply'}</strong> by ${userLink(context, post.creator_id)} (${roleLabel(context, post.creator_id)}), ${timeTag(post.created_at)}</header>
${sanitizedBody(post.contents)}
${attachmentList(context, post.attachment_ids)}
</li>`;
}

function label(value: { label: string } | undefined, fallback = '—'): string {
	return value?.label ?? fallback;
}

function properties(context: PageContext, kase: CaseRecord) {
	const { state } = context;
	const requester = state.users.get(kase.requester_id);
	const team = kase.assigned_team_id === null ? undefined : state.teams.get(kase.assigned_team_id);
	return html`<dl>
<dt>Status</dt><dd>${label(state.statuses.get(kase.status_id))}</dd>
<dt>Priority</dt><dd>${label(kase.priority_id === null ? undefined : state.priorities.get(kase.priority_id))}</dd>
<dt>Type</dt><dd>${label(kase.type_id === null ? undefined : state.caseTypes.get(kase.type_id))}</dd>
<dt>Requester</dt><dd>${userLink(context, kase.requester_id)}</dd>
<dt>Organisation</dt><dd>${organizationLink(context, requester?.organization_id ?? null)}</dd>
<dt>Team</dt><dd>${team?.title ?? '—'}</dd>
<dt>Assignee</dt><dd>${userLink(context, kase.assigned_agent_id)}</dd>
<dt>Channel</dt><dd>${state.channels.get(kase.channel_uuid)?.type ?? 'MAIL'}</dd>
<dt>Created</dt><dd>${timeTag(kase.created_at)}</dd>
<dt>Updated</dt><dd>${timeTag(kase.updated_at)}</dd>
<dt>Legacy id</dt><dd>${kase.legacy_id ?? '—'}</dd>
</dl>`;
}

export function casePage(context: PageContext, id: number): Reply {
	const kase = context.state.cases.get(id);
	if (!kase) return missingPage(context.home, `conversation #${id}`);
	const posts = postsOf(context, kase.id);
	return page(
		200,
		context.home,
		`#${kase.id} ${kase.subject}`,
		html`<h1>${kase.subject}</h1>
<p>Conversation #${kase.id}</p>
${kase.state === 'TRASH' ? html`<p class="trash">This conversation is in the trash.</p>` : ''}
<section aria-labelledby="properties"><h2 id="properties">Properties</h2>${properties(context, kase)}</section>
<section aria-labelledby="fields"><h2 id="fields">Fields</h2>${fieldTable(context, 'case', kase.field_values)}</section>
<section aria-labelledby="tags"><h2 id="tags">Tags</h2>${tagList(kase.tags)}</section>
<section aria-labelledby="posts"><h2 id="posts">Posts (${posts.length})</h2>
${posts.length === 0 ? html`<p>No posts.</p>` : html`<ol class="posts">${posts.map((post) => postView(context, post))}</ol>`}
</section>`
	);
}
