// One ticket as a row of POST /bulk/cases: subject, requester, status/priority/type, tags, field values, and its posts in order.
import { because } from '../../../reports/reasons/because';
import type { Comment, Ticket, TicketBundle } from '../../../model';
import type { WriteContext, WriteWarning } from './context';
import { convertFieldValues, kayakoTimestamp } from './field-values';
import type { UploadedFile } from './files';
import { uncarriedWarnings } from './case-uncarried';
import { buildPost, bulkPost, inlineAttachedNote, type BuiltPost, type PostAuthor } from './posts';
import { authorName, bylineOf, worded, wordsOf } from './worded';
import { priorityIdFor, statusIdFor, typeIdFor, type ReferenceData } from './reference-data';

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** What the source noted while reading the ticket (an unknown status read as Open, ...); not in the model yet, so read by name. */
function sourceNotes(ticket: Ticket): string[] {
	const notes = (ticket as Ticket & { notes?: unknown }).notes;
	return Array.isArray(notes) ? notes.filter((note): note is string => typeof note === 'string' && note !== '') : [];
}

/**
 * Kayako takes tags as one comma-separated string, so a comma inside a tag would split it in two: it becomes a hyphen,
 * with a note. Tags that end up equal are sent once.
 */
export function caseTags(sourceId: string, tags: readonly string[]): { tags: string[]; warnings: WriteWarning[] } {
	const warnings: WriteWarning[] = [];
	const out = new Set<string>();
	for (const tag of tags) {
		const trimmed = tag.trim();
		if (!trimmed.includes(',')) {
			if (trimmed) out.add(trimmed);
			continue;
		}
		const joined = trimmed
			.split(',')
			.map((part) => part.trim())
			.filter(Boolean)
			.join('-');
		if (joined) out.add(joined);
		warnings.push({ sourceId, message: because('tag-comma', { tag: trimmed, joined }) });
	}
	return { tags: [...out], warnings };
}

export interface PreparedPost {
	comment: Comment;
	author: PostAuthor;
	built: BuiltPost;
	/** Who wrote it and when, for a post that cannot carry either (the one-by-one fallback); none for event notes. */
	byline?: string;
}

export interface PreparedCase {
	sourceId: string;
	/** The bulk row. */
	row: Record<string, unknown>;
	/** The case's properties without posts, for the single-create fallback. */
	properties: Record<string, unknown>;
	posts: PreparedPost[];
	warnings: WriteWarning[];
}

/** Comments in the order they were written; the sort is stable, so equal times keep the source's order. */
export function inOrder(comments: readonly Comment[]): Comment[] {
	return [...comments].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

export function subjectOf(bundle: TicketBundle, oldIdInSubject: boolean | undefined, noSubject = '(no subject)'): string {
	const subject = bundle.ticket.subject.trim() || noSubject;
	return oldIdInSubject ? `[#${bundle.ticket.id}] ${subject}` : subject;
}

function authorOf(ctx: Pick<WriteContext, 'resolve' | 'userName' | 'options'>, comment: Comment): PostAuthor {
	const resolved = comment.authorId ? ctx.resolve('users', comment.authorId) : undefined;
	return { creatorId: resolved ?? ctx.options.defaultAgentId, name: authorName(ctx, comment) };
}

/**
 * Builds the bulk row of one ticket whose attachments are uploaded (`files` per comment id).
 * A post whose author was not migrated is filed under the default agent and says who wrote it in its first line.
 */
export function buildCase(
	ctx: Pick<WriteContext, 'resolve' | 'userName' | 'fieldTarget' | 'options'>,
	bundle: TicketBundle,
	requesterId: number,
	data: ReferenceData,
	files: ReadonlyMap<string, UploadedFile[]>
): PreparedCase {
	const { ticket } = bundle;
	const { options } = ctx;
	const { fieldValues, warnings } = convertFieldValues(ticket.id, ticket.fields, ctx.fieldTarget, 'case');
	if (options.ccField && ticket.ccEmails.length > 0) fieldValues[options.ccField] = ticket.ccEmails.join(', ');
	warnings.unshift(...sourceNotes(ticket).map((message) => ({ sourceId: ticket.id, message })), ...uncarriedWarnings(ticket, bundle.comments));
	const converted = caseTags(ticket.id, [...ticket.tags, ...(options.tagMigrated ? [options.tagMigrated] : [])]);
	warnings.push(...converted.warnings);
	const { tags } = converted;
	const statusId = statusIdFor(data, ticket.status, ticket.statusLabel);
	const priorityId = priorityIdFor(data, ticket.priority);
	const typeId = typeIdFor(data, ticket.type);
	if (ticket.priority && priorityId === undefined) warnings.push({ sourceId: ticket.id, message: because('no-kayako-priority', { value: ticket.priority }) });
	if (ticket.type && typeId === undefined) warnings.push({ sourceId: ticket.id, message: because('no-kayako-type', { value: ticket.type }) });
	// An assignee who did not move (an agent who left, or one the match step sends to the default agent) hands the case to the default agent; the pipeline's note says so.
	const agentId = ticket.assigneeId ? (ctx.resolve('users', ticket.assigneeId) ?? options.defaultAgentId) : undefined;
	const teamId = ticket.teamId ? ctx.resolve('teams', ticket.teamId) : undefined;
	if (data.mailChannelId === undefined && bundle.comments.some((comment) => comment.public)) {
		warnings.push({ sourceId: ticket.id, message: because('no-mailbox') });
	}

	const words = wordsOf(ctx);
	const posts: PreparedPost[] = inOrder(bundle.comments).map((source) => {
		const comment = worded(ctx, source);
		const author = authorOf(ctx, comment);
		const line = bylineOf(ctx, comment);
		// An author who did not move, or the helpdesk itself (no user at all), is named in the post's first line.
		const unresolved = comment.authorName !== undefined || (comment.authorId !== undefined && ctx.resolve('users', comment.authorId) === undefined);
		const built = buildPost(comment, files.get(comment.id) ?? [], options.inlineImages, unresolved ? line : undefined, words);
		return { comment, author, built, ...(line !== undefined && { byline: line }) };
	});
	const inlineNote = inlineAttachedNote(posts.reduce((sum, post) => sum + post.built.inlineAttached, 0));
	if (inlineNote) warnings.push({ sourceId: ticket.id, message: inlineNote });
	const properties: Record<string, unknown> = {
		subject: subjectOf(bundle, options.oldIdInSubject, words.noSubject),
		requester_id: requesterId,
		legacy_id: ticket.id,
		...(statusId !== undefined && { status_id: statusId }),
		...(priorityId !== undefined && { priority_id: priorityId }),
		...(typeId !== undefined && { type_id: typeId }),
		...(agentId !== undefined && { assigned_agent_id: agentId }),
		...(teamId !== undefined && { assigned_team_id: teamId }),
		...(tags.length > 0 && { tags: tags.join(',') }),
		...(Object.keys(fieldValues).length > 0 && { field_values: fieldValues })
	};
	const [first, ...rest] = posts;
	// A ticket without comments still needs a first post: its subject stands in.
	const opening = first
		? bulkPost(first.comment, first.built, first.author, data.mailChannelId)
		: { contents: `<p>${escapeHtml(subjectOf(bundle, false, words.noSubject))}</p>`, channel: 'NOTE', channel_options: { html: true } };
	const row: Record<string, unknown> = {
		...properties,
		...opening,
		creator_id: first?.author.creatorId ?? requesterId,
		created_at: kayakoTimestamp(ticket.createdAt),
		updated_at: kayakoTimestamp(ticket.updatedAt),
		...(rest.length > 0 && { posts: rest.map((post) => bulkPost(post.comment, post.built, post.author, data.mailChannelId)) })
	};
	if (row.creator_id === undefined) delete row.creator_id;
	return { sourceId: ticket.id, row, properties, posts, warnings };
}
