// Ticket comments (ascending by creation, at most 100 a page, inline images on request) and the ticket audit trail.
import { jsonReply } from '../../common/reply';
import type { CommentRecord } from '../generator/comments';
import { unixSeconds } from '../generator/time';
import { recordNotFound } from '../http/errors';
import { numberParam, type RequestContext, type RouteSpec } from '../http/context';
import { paginate, wantsCursor, type SortKey } from '../http/pagination';
import { presentAttachment, presentComment } from '../present';
import { ticketSideloads, includes } from './sideloads';

function descending(context: RequestContext): boolean {
	return wantsCursor(context.query) ? context.query.get('sort') === '-created_at' : context.query.get('sort_order') === 'desc';
}

function timeKey(createdAt: string, id: number, sign: number): SortKey {
	return [sign * unixSeconds(Date.parse(createdAt)), sign * id];
}

function listComments(context: RequestContext) {
	const id = numberParam(context, 'id');
	const ticket = id === undefined ? undefined : context.account.tickets.live(id);
	if (id === undefined || !ticket) return recordNotFound();
	const sign = descending(context) ? -1 : 1;
	const comments = context.account.tickets.comments(id);
	const ordered = sign === 1 ? comments : [...comments].reverse();
	const page = paginate(context, ordered, { keyOf: (comment: CommentRecord) => timeKey(comment.created_at, comment.id, sign), cursorOrder: 'created_at' });
	if (!page.ok) return page.reply;
	const inline = context.query.get('include_inline_images') === 'true';
	const wanted = includes(context.query);
	const users = wanted.has('users') ? ticketSideloads(context.account, context.baseUrl, [ticket], new Set(['users'])) : {};
	return jsonReply(200, { comments: page.items.map((comment) => presentComment(context.baseUrl, comment, inline)), ...users, ...page.envelope });
}

function listAudits(context: RequestContext) {
	const id = numberParam(context, 'id');
	if (id === undefined || !context.account.tickets.live(id)) return recordNotFound();
	const present = (comment: CommentRecord) => comment.files.map((attachment) => presentAttachment(context.baseUrl, attachment));
	const sign = descending(context) ? -1 : 1;
	const audits = context.account.tickets.audits(id, present);
	const ordered = sign === 1 ? audits : [...audits].reverse();
	const page = paginate(context, ordered, { keyOf: (audit) => timeKey(audit.created_at, audit.id, sign), cursorOrder: 'created_at' });
	if (!page.ok) return page.reply;
	return jsonReply(200, { audits: page.items, ...page.envelope });
}

export const commentRoutes: Record<string, RouteSpec> = {
	'/api/v2/tickets/:id/comments': { handler: listComments, access: 'agent', counter: 'support', list: true },
	'/api/v2/tickets/:id/audits': { handler: listAudits, access: 'agent', counter: 'support', list: true }
};
