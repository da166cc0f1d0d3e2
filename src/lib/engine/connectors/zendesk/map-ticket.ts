// Maps Zendesk tickets and their comments into the canonical Ticket and Comment.
import { because } from '../../reports/reasons/because';
import type { Comment, SourceId, Ticket, TicketPriority, TicketStatus, TicketType } from '../../model';
import { fieldValues, idOf, idsOf, mapAttachment, textOf, userIdOf, ZENDESK_SYSTEM_USER } from './map-values';
import { viaOf } from './map-via';
import { undoubledHtml } from './social-html';
import type { ZendeskComment, ZendeskTicket } from './types';
import { webLink } from './url';

/** What a ticket refers to by id that the reports and the writer want in words. */
export interface TicketLookups {
	baseUrl: string;
	/** Users' primary addresses, from the `users` sideload of the same answer. */
	userEmails: ReadonlyMap<number, string>;
	brandNames: ReadonlyMap<number, string>;
	/** Custom statuses' agent labels (accounts without custom statuses have none). */
	statusLabels: ReadonlyMap<number, string>;
	/**
	 * The account's default support address(es), lower-cased. A ticket sent there says nothing a support lead needs, so
	 * its recipient is left out; only mail to another support address keeps it. Unknown: every recipient is kept.
	 */
	defaultRecipients?: ReadonlySet<string>;
	/** Solve times by ticket id, from a `metric_sets` list sideloaded beside the tickets (when not embedded in each). */
	solvedAt?: ReadonlyMap<number, string>;
}

const STATUSES: Readonly<Record<string, TicketStatus>> = { new: 'new', open: 'open', pending: 'pending', hold: 'on-hold', solved: 'solved', closed: 'closed' };
const PRIORITIES: readonly string[] = ['low', 'normal', 'high', 'urgent'] satisfies TicketPriority[];
const TYPES: readonly string[] = ['question', 'incident', 'problem', 'task'] satisfies TicketType[];

/** A status this tool does not know becomes Open: the case stays in front of an agent, who can see the note and decide. */
const UNKNOWN_STATUS_DEFAULT: TicketStatus = 'open';

/**
 * A ticket with what the source had to interpret on the way (an unknown status read as Open, ...), one sentence per
 * note for the report. The model has no place for it yet; the Kayako writer reads `notes` under this same name.
 */
export type NotedTicket = Ticket & { notes?: string[] };

/** Deleted tickets still come through the incremental export, marked `status: "deleted"`: read as deleted, never moved. */
export function isDeletedTicket(ticket: ZendeskTicket): boolean {
	return ticket.status === 'deleted';
}

/** One odd value must not stop a page of tickets: what is not understood gets a default and a note. */
function notDefault(recipient: string | undefined, defaults: ReadonlySet<string> | undefined): string | undefined {
	return recipient !== undefined && defaults?.has(recipient.toLowerCase()) ? undefined : recipient;
}

export function mapTicket(ticket: ZendeskTicket, lookups: TicketLookups): NotedTicket {
	const notes: string[] = [];
	const deleted = isDeletedTicket(ticket);
	const known = deleted ? 'closed' : STATUSES[ticket.status ?? ''];
	if (!known) notes.push(because('unknown-status', { value: ticket.status ?? '' }));
	const status = known ?? UNKNOWN_STATUS_DEFAULT;
	const priority = ticket.priority ?? '';
	if (priority && !PRIORITIES.includes(priority)) notes.push(because('unknown-priority', { value: priority }));
	const type = ticket.type ?? '';
	if (type && !TYPES.includes(type)) notes.push(because('unknown-type', { value: type }));
	const channel = ticket.via?.channel;
	const brand = ticket.brand_id === null || ticket.brand_id === undefined ? undefined : (lookups.brandNames.get(ticket.brand_id) ?? String(ticket.brand_id));
	const statusLabel = ticket.custom_status_id === null || ticket.custom_status_id === undefined ? undefined : lookups.statusLabels.get(ticket.custom_status_id);
	const solvedAt = solvedAtOf(ticket, lookups);
	const via = viaOf(ticket.via);
	const recipient = notDefault(textOf(ticket.recipient), lookups.defaultRecipients);
	const dueAt = textOf(ticket.due_at);
	return {
		id: String(ticket.id),
		subject: ticket.subject ?? ticket.raw_subject ?? '',
		status,
		...(statusLabel !== undefined && { statusLabel }),
		...(PRIORITIES.includes(priority) && { priority: priority as TicketPriority }),
		...(TYPES.includes(type) && { type: type as TicketType }),
		...optionalUserId('requesterId', ticket.requester_id),
		...optionalUserId('submitterId', ticket.submitter_id),
		...optionalUserId('assigneeId', ticket.assignee_id),
		...optionalId('teamId', ticket.group_id),
		...optionalId('organizationId', ticket.organization_id),
		tags: ticket.tags ?? [],
		fields: fieldValues((ticket.custom_fields ?? []).map((field) => [String(field.id), field.value])),
		ccEmails: ccEmails(ticket, lookups.userEmails),
		followerIds: idsOf(ticket.follower_ids),
		createdAt: ticket.created_at,
		updatedAt: ticket.updated_at,
		...(solvedAt !== undefined && { solvedAt }),
		...(brand !== undefined && { brand }),
		...(channel !== null && channel !== undefined && { channel: String(channel) }),
		url: webLink(lookups.baseUrl, 'tickets', String(ticket.id)),
		...(dueAt !== undefined && { dueAt }),
		...(recipient !== undefined && { recipient }),
		...(via !== undefined && { via }),
		...(deleted && { deleted }),
		...(notes.length > 0 && { notes })
	};
}

/** When the ticket was last solved, from its metric set; a time that does not parse is left out rather than guessed. */
function solvedAtOf(ticket: ZendeskTicket, lookups: TicketLookups): string | undefined {
	const value = ticket.metric_set?.solved_at ?? lookups.solvedAt?.get(ticket.id);
	return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

/**
 * The addresses copied on the ticket. `email_cc_ids` names them where the account has CCs and followers;
 * older accounts only have `collaborator_ids`, which mixes CCs and followers, so followers are taken out.
 * An id whose user is not in the sideload has no known address and is left out.
 */
function ccEmails(ticket: ZendeskTicket, userEmails: ReadonlyMap<number, string>): string[] {
	const followers = new Set(ticket.follower_ids ?? []);
	const ids = ticket.email_cc_ids ?? (ticket.collaborator_ids ?? []).filter((id) => !followers.has(id));
	const emails = ids.map((id) => userEmails.get(id)).filter((email): email is string => !!email);
	return [...new Set(emails)];
}

/** Like optionalId, for users: Zendesk's system actor (-1) is no user. */
function optionalUserId<K extends string>(key: K, id: number | null | undefined): Partial<Record<K, SourceId>> {
	const text = userIdOf(id);
	return text === undefined ? {} : ({ [key]: text } as Record<K, SourceId>);
}

function optionalId<K extends string>(key: K, id: number | null | undefined): Partial<Record<K, SourceId>> {
	const text = idOf(id);
	return text === undefined ? {} : ({ [key]: text } as Record<K, SourceId>);
}

export function mapComment(comment: ZendeskComment, ticketId: SourceId): Comment {
	const authorId = userIdOf(comment.author_id);
	const via = viaOf(comment.via);
	return {
		id: String(comment.id),
		ticketId,
		...(authorId !== undefined && { authorId }),
		...(comment.author_id === ZENDESK_SYSTEM_USER && { authorName: 'Zendesk' }),
		public: comment.public !== false,
		html: undoubledHtml(comment.html_body ?? comment.body ?? '', via?.channel),
		plain: comment.plain_body ?? comment.body ?? '',
		createdAt: comment.created_at,
		attachments: (comment.attachments ?? []).map(mapAttachment),
		...(via !== undefined && { via })
	};
}
