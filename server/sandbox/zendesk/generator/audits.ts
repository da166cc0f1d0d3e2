// The audit trail of a generated ticket: one audit per comment, with the status, assignee, group and field changes that led to its current state.
import { ID, auditId, type AccountPlan } from '../plan';
import { TAGGER_OPTIONS, customTicketFieldId } from './catalog';
import { type CommentRecord } from './comments';
import { unit } from './hash';
import type { TicketShape, TicketStatus } from './ticket-shape';
import type { TicketRecord } from './tickets';

export type AuditEvent = Record<string, unknown> & { id: number; type: string };

export interface AuditRecord {
	id: number;
	ticket_id: number;
	created_at: string;
	author_id: number;
	metadata: { system: Record<string, unknown>; custom: Record<string, unknown> };
	via: { channel: string; source: Record<string, unknown> };
	events: AuditEvent[];
}

/** The status after each audit: new at creation, open/pending as people reply, the ticket's status at the end. */
export function statusTrail(shape: TicketShape, finalStatus: TicketStatus): TicketStatus[] {
	return Array.from({ length: shape.commentCount }, (_, position) => {
		if (position === shape.commentCount - 1) return finalStatus;
		if (position === 0) return 'new';
		return position % 2 === 1 ? 'pending' : 'open';
	});
}

export function commentEvent(comment: CommentRecord, eventId: number, attachments: unknown[]): AuditEvent {
	return { id: eventId, type: 'Comment', author_id: comment.author_id, body: comment.body, html_body: comment.html_body, plain_body: comment.plain_body, public: comment.public, attachments, audit_id: comment.audit_id };
}

function eventIds(ticketId: number, position: number): () => number {
	let next = 0;
	return () => ID.audit * 2 + (ticketId * 1000 + position) * 50 + next++;
}

export function generateAudits(plan: AccountPlan, shape: TicketShape, ticket: TicketRecord, comments: CommentRecord[], presentAttachments: (comment: CommentRecord) => unknown[]): AuditRecord[] {
	const trail = statusTrail(shape, ticket.status);
	const taggerId = customTicketFieldId('tagger');
	const taggerNow = ticket.custom_fields.find((field) => field.id === taggerId)?.value;
	// Some tickets had their product line corrected halfway through the thread.
	const correctedAt = shape.commentCount >= 3 && unit(plan.seed, 'tagger-corrected', shape.id) < 0.5 ? Math.floor(shape.commentCount / 2) : undefined;
	const taggerBefore = correctedAt === undefined ? taggerNow : (TAGGER_OPTIONS.find(([, value]) => value !== taggerNow)?.[1] ?? taggerNow);
	const assignedAt = ticket.assignee_id === null ? undefined : Math.min(1, shape.commentCount - 1);
	// Some tickets were escalated to their current group late in the thread.
	const activeGroups = Math.max(1, plan.groups - 1);
	const groupNow = ticket.group_id;
	const escalatedAt = groupNow !== null && activeGroups > 1 && shape.commentCount >= 4 && unit(plan.seed, 'group-escalated', shape.id) < 0.3 ? shape.commentCount - 2 : undefined;
	const groupBefore = escalatedAt === undefined || groupNow === null ? groupNow : ID.group + ((groupNow - ID.group + 1) % activeGroups);

	return comments.map((comment, position) => {
		const nextId = eventIds(shape.id, position);
		const events: AuditEvent[] = [commentEvent(comment, nextId(), presentAttachments(comment))];
		if (position === 0) {
			events.push({ id: nextId(), type: 'Create', field_name: 'subject', value: ticket.subject });
			events.push({ id: nextId(), type: 'Create', field_name: 'status', value: trail[0] ?? ticket.status });
			events.push({ id: nextId(), type: 'Create', field_name: 'priority', value: ticket.priority });
			events.push({ id: nextId(), type: 'Create', field_name: 'requester_id', value: String(ticket.requester_id) });
			if (groupBefore !== null) events.push({ id: nextId(), type: 'Create', field_name: 'group_id', value: String(groupBefore) });
			if (assignedAt === 0) events.push({ id: nextId(), type: 'Create', field_name: 'assignee_id', value: String(ticket.assignee_id) });
			for (const field of ticket.custom_fields) {
				const value = field.id === taggerId ? taggerBefore : field.value;
				events.push({ id: nextId(), type: 'Create', field_name: String(field.id), value: Array.isArray(value) ? value : String(value) });
			}
		} else {
			const before = trail[position - 1];
			const now = trail[position];
			if (before !== now) events.push({ id: nextId(), type: 'Change', field_name: 'status', value: now, previous_value: before });
			if (position === assignedAt) events.push({ id: nextId(), type: 'Change', field_name: 'assignee_id', value: String(ticket.assignee_id), previous_value: null });
			if (position === escalatedAt && groupBefore !== groupNow) events.push({ id: nextId(), type: 'Change', field_name: 'group_id', value: String(groupNow), previous_value: String(groupBefore) });
			if (position === correctedAt) events.push({ id: nextId(), type: 'Change', field_name: String(taggerId), value: taggerNow, previous_value: taggerBefore });
		}
		return {
			id: auditId(shape.id, position),
			ticket_id: shape.id,
			created_at: comment.created_at,
			// A ticket a channel made (submitter -1, real profile) was created by Zendesk's system user: so is its first audit.
			author_id: position === 0 && ticket.submitter_id === -1 ? -1 : comment.author_id,
			metadata: { system: comment.metadata.system, custom: {} },
			via: { channel: comment.via.channel, source: comment.via.source },
			events
		};
	});
}
