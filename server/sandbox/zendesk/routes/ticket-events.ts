// The incremental ticket-events export: one event per ticket update (audit), its changes as child events, and the
// comment itself only with the `comment_events` sideload. Time-based pages, 1,000 events each, the export's own limit.
import type { Reply } from '../../common/reply';
import type { ZendeskAccount } from '../account';
import type { AuditEvent, AuditRecord } from '../generator/audits';
import type { CommentRecord } from '../generator/comments';
import { unixSeconds } from '../generator/time';
import type { RequestContext, RouteSpec } from '../http/context';
import { invalidValue } from '../http/errors';
import { ID } from '../plan';
import { presentAttachment } from '../present';
import { includes } from './sideloads';
import { timeExport, type Stream } from './incremental';
import { inScope, supportScope } from './tickets';

/** How the ticket-events export names a channel in an event's `via` (a word, where the audits endpoint has an object). */
const VIA_LABELS: Record<string, string> = {
	email: 'Mail',
	web: 'Web form',
	api: 'Web service',
	mobile: 'Mobile',
	twitter: 'Twitter',
	facebook: 'Facebook',
	chat: 'Chat',
	voice: 'Voice',
	sms: 'Text',
	rule: 'Trigger',
	sample_ticket: 'Sample ticket'
};

function viaLabel(channel: string): string {
	return VIA_LABELS[channel] ?? channel;
}

function ticketOfAudit(auditId: number): number {
	return Math.floor((auditId - ID.audit) / 1000);
}

/**
 * The comment itself (with `comment_events`), or only whether there was one and whether it was public. Its id is the
 * comment's, as the comments endpoint lists it: a reader may take comments from either and must meet the same ids.
 */
function commentChild(event: AuditEvent, comment: CommentRecord | undefined, audit: AuditRecord, withComment: boolean): Record<string, unknown> {
	const label = viaLabel(audit.via.channel);
	const id = comment?.id ?? event.id;
	if (!withComment) return { id, via: label, via_reference_id: null, comment_present: true, comment_public: event.public === true, event_type: 'Comment' };
	return {
		id,
		via: comment?.via ?? audit.via,
		via_reference_id: null,
		type: 'Comment',
		author_id: event.author_id,
		body: event.body,
		html_body: event.html_body,
		plain_body: event.plain_body,
		public: event.public,
		attachments: event.attachments,
		audit_id: audit.id,
		created_at: audit.created_at,
		metadata: comment?.metadata ?? audit.metadata,
		event_type: 'Comment'
	};
}

/** A comment made private (or public) after it was written: which comment, and what it is now. */
function privacyChild(event: AuditEvent, audit: AuditRecord): Record<string, unknown> {
	return { id: event.id, via: viaLabel(audit.via.channel), via_reference_id: null, comment_id: event.comment_id, public: event.public, event_type: 'CommentPrivacyChange' };
}

/** A field's creation or change, named by the field as its own key (`"status": "open"`), as the export writes it. */
function fieldChild(event: AuditEvent, audit: AuditRecord): Record<string, unknown> {
	const field = String(event.field_name);
	return {
		id: event.id,
		via: viaLabel(audit.via.channel),
		via_reference_id: null,
		[field]: event.value,
		...(event.type === 'Change' && { previous_value: event.previous_value ?? null }),
		event_type: event.type
	};
}

/** `commentsByAudit`: the ticket's comments by the audit that made them. */
function presentEvent(audit: AuditRecord, commentsByAudit: Map<number, CommentRecord>, withComments: boolean): Record<string, unknown> {
	const createdAt = Date.parse(audit.created_at);
	return {
		id: audit.id,
		ticket_id: audit.ticket_id,
		timestamp: unixSeconds(createdAt),
		created_at: audit.created_at,
		updater_id: audit.author_id,
		via: viaLabel(audit.via.channel),
		system: audit.metadata.system,
		metadata: audit.metadata,
		merged_ticket_ids: [],
		event_type: 'Audit',
		child_events: audit.events.map((event) => {
			if (event.type === 'Comment') return commentChild(event, commentsByAudit.get(audit.id), audit, withComments);
			return event.type === 'CommentPrivacyChange' ? privacyChild(event, audit) : fieldChild(event, audit);
		})
	};
}

/** The page's events, each ticket's audits made once however many of its events the page holds. */
function presentEvents(context: RequestContext, withComments: boolean) {
	return (ids: number[]) => {
		const account = context.account;
		const present = (comment: CommentRecord) => comment.files.map((attachment) => presentAttachment(context.baseUrl, attachment));
		const byTicket = new Map<number, Map<number, AuditRecord>>();
		const commentsByTicket = new Map<number, Map<number, CommentRecord>>();
		for (const id of ids) {
			const ticketId = ticketOfAudit(id);
			if (byTicket.has(ticketId)) continue;
			byTicket.set(ticketId, new Map(account.tickets.audits(ticketId, present).map((audit) => [audit.id, audit])));
			commentsByTicket.set(ticketId, new Map(account.tickets.comments(ticketId).map((comment) => [comment.audit_id, comment])));
		}
		const events = ids.flatMap((id) => {
			const ticketId = ticketOfAudit(id);
			const audit = byTicket.get(ticketId)?.get(id);
			return audit ? [presentEvent(audit, commentsByTicket.get(ticketId) ?? new Map(), withComments)] : [];
		});
		return { ticket_events: events };
	};
}

function eventStream(account: ZendeskAccount, query: URLSearchParams): Stream | undefined {
	const scope = supportScope(query);
	if (!scope) return undefined;
	const order = account.tickets.eventOrder();
	return { ids: order.ids, stamps: order.stamps, keep: (id) => inScope(account, ticketOfAudit(id), scope) };
}

function ticketEvents(context: RequestContext): Reply {
	const stream = eventStream(context.account, context.query);
	if (!stream) return invalidValue('support_type_scope must be one of all, agent, ai_agent');
	return timeExport(context, stream, presentEvents(context, includes(context.query).has('comment_events')));
}

export const ticketEventRoutes: Record<string, RouteSpec> = {
	'/api/v2/incremental/ticket_events': { handler: ticketEvents, access: 'admin', counter: 'support', endpointLimit: 'incremental' }
};
