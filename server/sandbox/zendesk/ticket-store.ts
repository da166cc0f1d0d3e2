// Tickets as the API sees them: generated on demand from the seed, with the mutations a test made laid on top.
import { commentId, auditId, attachmentOrigin, userId, type AccountPlan } from './plan';
import { defaultStatusId } from './generator/catalog';
import { generateAudits, commentEvent, type AuditEvent, type AuditRecord } from './generator/audits';
import { generateComment, type CommentRecord } from './generator/comments';
import { Lru } from './generator/lru';
import { auditOrder } from './generator/audit-order';
import { isGeneratedTicket, ticketShape, type TicketStatus } from './generator/ticket-shape';
import { generateTicket, type FieldValue, type TicketRecord } from './generator/tickets';
import { newCommentFiles, newTicketRecord } from './generator/new-ticket';
import { SandboxInputError, type NewComment, type NewTicket, type TicketChange } from './mutations';

export { SandboxInputError, type NewComment, type NewTicket, type TicketChange } from './mutations';
import { isoSeconds, unixSeconds } from './generator/time';
import type { AttachmentRecord } from './generator/attachments';

interface TicketOverlay {
	patch: Partial<Pick<TicketRecord, 'status' | 'priority' | 'subject' | 'tags' | 'assignee_id' | 'group_id' | 'type'>>;
	customFields: Map<number, FieldValue>;
	updated?: number;
	generated?: number;
	deletedAt?: number;
	comments: CommentRecord[];
	audits: AuditRecord[];
	/** Comments made private (or public) after they were written, by comment id. */
	privacy: Map<number, boolean>;
}

/** A ticket as exported: deleted tickets stay, with status "deleted". */
export interface ExportedTicket {
	ticket: TicketRecord;
	deleted: boolean;
	deletedAt: number | undefined;
}

const STATUSES: readonly TicketStatus[] = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];
const MAX_COMMENTS = 999;

function htmlOf(text: string): string {
	return `<div class="zd-comment" dir="auto">${text
		.split('\n\n')
		.map((paragraph) => `<p>${paragraph.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`)
		.join('')}</div>`;
}

export class TicketStore {
	private readonly overlays = new Map<number, TicketOverlay>();
	private readonly added = new Map<number, TicketRecord>();
	private readonly generatedTickets = new Lru<number, TicketRecord>(2_000);
	private readonly generatedComments = new Lru<number, CommentRecord[]>(300);
	private order: { ids: Float64Array; stamps: Float64Array } | undefined;
	private eventsOrder: { ids: Float64Array; stamps: Float64Array } | undefined;
	private cachedBase = '';

	constructor(
		readonly plan: AccountPlan,
		private readonly now: () => number,
		private baseUrl: () => string
	) {}

	private checkBase(): string {
		const base = this.baseUrl();
		if (base !== this.cachedBase) {
			this.generatedTickets.clear();
			this.generatedComments.clear();
			this.cachedBase = base;
		}
		return base;
	}

	exists(id: number): boolean {
		return isGeneratedTicket(this.plan, id) || this.added.has(id);
	}

	private base(id: number): TicketRecord | undefined {
		const added = this.added.get(id);
		if (added) return added;
		if (!isGeneratedTicket(this.plan, id)) return undefined;
		const base = this.checkBase();
		const cached = this.generatedTickets.get(id);
		if (cached) return cached;
		const ticket = generateTicket(this.plan, id, base);
		this.generatedTickets.set(id, ticket);
		return ticket;
	}

	/** Any ticket, deleted or not; undefined when the id was never a ticket. */
	exported(id: number): ExportedTicket | undefined {
		const base = this.base(id);
		if (!base) return undefined;
		const overlay = this.overlays.get(id);
		const generatedDeletedAt = isGeneratedTicket(this.plan, id) ? ticketShape(this.plan, id).deletedAt : undefined;
		const deletedAt = overlay?.deletedAt ?? generatedDeletedAt;
		if (!overlay) return { ticket: base, deleted: deletedAt !== undefined, deletedAt };
		const customFields = base.custom_fields.map((field) => ({ id: field.id, value: overlay.customFields.get(field.id) ?? field.value }));
		const status = overlay.patch.status ?? base.status;
		const ticket: TicketRecord = {
			...base,
			...overlay.patch,
			status,
			raw_subject: overlay.patch.subject ?? base.raw_subject,
			custom_status_id: overlay.patch.status ? defaultStatusId(status) : base.custom_status_id,
			custom_fields: customFields,
			updated_at: overlay.updated === undefined ? base.updated_at : isoSeconds(overlay.updated),
			generated_timestamp: overlay.generated === undefined ? base.generated_timestamp : unixSeconds(overlay.generated)
		};
		return { ticket, deleted: deletedAt !== undefined, deletedAt };
	}

	/** A live (not deleted) ticket, as Show Ticket and List Tickets return it. */
	live(id: number): TicketRecord | undefined {
		const found = this.exported(id);
		return found && !found.deleted ? found.ticket : undefined;
	}

	/** Cheap checks that need no generated ticket, for filtering whole lists. */
	isDeleted(id: number): boolean {
		if (this.overlays.get(id)?.deletedAt !== undefined) return true;
		return isGeneratedTicket(this.plan, id) && ticketShape(this.plan, id).deletedAt !== undefined;
	}

	updatedAt(id: number): number {
		const overlay = this.overlays.get(id)?.updated;
		if (overlay !== undefined) return overlay;
		if (isGeneratedTicket(this.plan, id)) return ticketShape(this.plan, id).updated;
		return Date.parse(this.added.get(id)?.updated_at ?? '') || 0;
	}

	isAiAgent(id: number): boolean {
		return isGeneratedTicket(this.plan, id) && ticketShape(this.plan, id).aiAgent;
	}

	/** All ticket ids ever made, ascending. */
	allIds(): number[] {
		return [...Array.from({ length: this.plan.tickets }, (_, index) => index + 1), ...this.added.keys()];
	}

	/** Every ticket sorted by (generated_timestamp, id): the order of the incremental exports. */
	exportOrder(): { ids: Float64Array; stamps: Float64Array } {
		if (this.order) return this.order;
		const entries = this.allIds().map((id) => {
			const overlay = this.overlays.get(id);
			const stamp = overlay?.generated !== undefined ? unixSeconds(overlay.generated) : isGeneratedTicket(this.plan, id) ? unixSeconds(ticketShape(this.plan, id).generated) : (this.added.get(id)?.generated_timestamp ?? 0);
			return { id, stamp };
		});
		entries.sort((a, b) => a.stamp - b.stamp || a.id - b.id);
		this.order = { ids: Float64Array.from(entries, (entry) => entry.id), stamps: Float64Array.from(entries, (entry) => entry.stamp) };
		return this.order;
	}

	/** Every audit of every ticket sorted by (created_at second, audit id): the order of the ticket-events export. */
	eventOrder(): { ids: Float64Array; stamps: Float64Array } {
		this.eventsOrder ??= auditOrder(this.plan, this.allIds(), (id) => this.overlays.get(id)?.audits ?? []);
		return this.eventsOrder;
	}

	/** A ticket's comments as they are now: a comment made private later shows so. */
	comments(id: number): CommentRecord[] {
		const written = this.writtenComments(id);
		const privacy = this.overlays.get(id)?.privacy;
		if (!privacy || privacy.size === 0) return written;
		return written.map((comment) => (privacy.has(comment.id) ? { ...comment, public: privacy.get(comment.id) === true } : comment));
	}

	/** A ticket's comments as they were written, which is how the audit that made each one shows it. */
	private writtenComments(id: number): CommentRecord[] {
		const base = this.checkBase();
		const overlay = this.overlays.get(id);
		let generated: CommentRecord[] = [];
		if (isGeneratedTicket(this.plan, id)) {
			const cached = this.generatedComments.get(id);
			if (cached) generated = cached;
			else {
				const shape = ticketShape(this.plan, id);
				generated = Array.from({ length: shape.commentCount }, (_, position) => generateComment(this.plan, shape, position, base));
				this.generatedComments.set(id, generated);
			}
		}
		return overlay ? [...generated, ...overlay.comments] : generated;
	}

	audits(id: number, presentAttachments: (comment: CommentRecord) => unknown[]): AuditRecord[] {
		const ticket = this.base(id);
		if (!ticket) return [];
		const overlay = this.overlays.get(id);
		const generated = isGeneratedTicket(this.plan, id) ? generateAudits(this.plan, ticketShape(this.plan, id), ticket, this.writtenComments(id).slice(0, ticketShape(this.plan, id).commentCount), presentAttachments) : [];
		return overlay ? [...generated, ...overlay.audits] : generated;
	}

	attachment(id: number): AttachmentRecord | undefined {
		const origin = attachmentOrigin(id);
		if (!origin || !this.exists(origin.ticketId)) return undefined;
		const comment = this.comments(origin.ticketId)[origin.position];
		return [...(comment?.files ?? []), ...(comment?.inlineImages ?? [])].find((attachment) => attachment.id === id);
	}

	private overlay(id: number): TicketOverlay {
		let overlay = this.overlays.get(id);
		if (!overlay) {
			overlay = { patch: {}, customFields: new Map(), comments: [], audits: [], privacy: new Map() };
			this.overlays.set(id, overlay);
		}
		return overlay;
	}

	/** Audits are numbered after the generated ones; ids run out at MAX_COMMENTS per ticket. */
	private nextAuditPosition(id: number, overlay: TicketOverlay): number {
		const position = (isGeneratedTicket(this.plan, id) ? ticketShape(this.plan, id).commentCount : 0) + overlay.audits.length;
		if (position > MAX_COMMENTS) throw new SandboxInputError(`Ticket ${id} already has ${MAX_COMMENTS} audits, the most the sandbox numbers.`);
		return position;
	}

	private touch(overlay: TicketOverlay): number {
		const at = this.now();
		overlay.updated = at;
		overlay.generated = at;
		this.order = undefined;
		this.eventsOrder = undefined;
		return at;
	}

	private requireLive(id: number): TicketRecord {
		const ticket = this.live(id);
		if (!ticket) throw new SandboxInputError(`There is no ticket ${id} (or it is deleted).`, 404);
		return ticket;
	}

	private audit(id: number, position: number, at: number, authorId: number, events: AuditEvent[]): AuditRecord {
		return { id: auditId(id, position), ticket_id: id, created_at: isoSeconds(at), author_id: authorId, metadata: { system: { client: 'sandbox control surface' }, custom: {} }, via: { channel: 'api', source: { from: {}, to: {}, rel: null } }, events };
	}

	addComment(id: number, input: NewComment): CommentRecord {
		const ticket = this.requireLive(id);
		if (typeof input.body !== 'string' || (input.body.trim() === '' && !input.html)) throw new SandboxInputError('A comment needs a non-empty "body".');
		const position = this.comments(id).length;
		const attached = newCommentFiles(this.plan, id, position, input.files ?? []);
		const overlay = this.overlay(id);
		const auditPosition = this.nextAuditPosition(id, overlay);
		const at = this.touch(overlay);
		const authorId = input.authorId ?? ticket.requester_id;
		const comment: CommentRecord = {
			id: commentId(id, position),
			type: 'Comment',
			author_id: authorId,
			body: input.body,
			html_body: input.html ?? htmlOf(input.body),
			plain_body: input.body,
			public: input.public ?? true,
			audit_id: auditId(id, auditPosition),
			created_at: isoSeconds(at),
			via: { channel: 'api', source: { from: {}, to: {}, rel: null } },
			metadata: { system: { client: 'sandbox control surface' }, custom: {} },
			...attached
		};
		overlay.comments.push(comment);
		overlay.audits.push(this.audit(id, auditPosition, at, authorId, [commentEvent(comment, comment.id, [])]));
		return comment;
	}

	updateTicket(id: number, change: TicketChange): TicketRecord {
		const before = this.requireLive(id);
		if (change.status !== undefined && !STATUSES.includes(change.status)) throw new SandboxInputError(`Unknown status "${change.status}"; use one of ${STATUSES.join(', ')}.`);
		for (const field of change.custom_fields ?? []) {
			if (!before.custom_fields.some((existing) => existing.id === field.id)) throw new SandboxInputError(`Ticket ${id} has no custom field ${field.id}.`);
		}
		const overlay = this.overlay(id);
		const events: AuditEvent[] = [];
		const position = this.nextAuditPosition(id, overlay);
		let eventId = auditId(id, position) * 10;
		for (const key of ['status', 'priority', 'type', 'subject', 'tags', 'assignee_id', 'group_id'] as const) {
			if (change[key] === undefined) continue;
			const value = change[key];
			events.push({ id: eventId++, type: 'Change', field_name: key, value, previous_value: before[key] });
			Object.assign(overlay.patch, { [key]: value });
		}
		for (const field of change.custom_fields ?? []) {
			events.push({ id: eventId++, type: 'Change', field_name: String(field.id), value: field.value, previous_value: before.custom_fields.find((existing) => existing.id === field.id)?.value ?? null });
			overlay.customFields.set(field.id, field.value);
		}
		const at = this.touch(overlay);
		overlay.audits.push(this.audit(id, position, at, userId(0), events));
		return this.requireLive(id);
	}

	/** An agent makes a public comment private (Zendesk's make_private): an audit with a CommentPrivacyChange event. */
	makeCommentPrivate(id: number, commentIdentifier: number): CommentRecord {
		this.requireLive(id);
		if (!this.comments(id).some((comment) => comment.id === commentIdentifier)) throw new SandboxInputError(`Ticket ${id} has no comment ${commentIdentifier}.`, 404);
		const overlay = this.overlay(id);
		const position = this.nextAuditPosition(id, overlay);
		overlay.privacy.set(commentIdentifier, false);
		const at = this.touch(overlay);
		overlay.audits.push(this.audit(id, position, at, userId(0), [{ id: auditId(id, position) * 10, type: 'CommentPrivacyChange', comment_id: commentIdentifier, public: false }]));
		const made = this.comments(id).find((comment) => comment.id === commentIdentifier);
		if (!made) throw new SandboxInputError(`Ticket ${id} has no comment ${commentIdentifier}.`, 404);
		return made;
	}

	deleteTicket(id: number): void {
		this.requireLive(id);
		const overlay = this.overlay(id);
		overlay.deletedAt = this.touch(overlay);
	}

	addTicket(input: NewTicket, requester: { id: number; organization_id: number | null }): TicketRecord {
		const id = this.plan.tickets + this.added.size + 1;
		const at = this.now();
		const ticket = newTicketRecord(this.plan, id, input, requester, at);
		this.added.set(id, ticket);
		this.order = undefined;
		this.eventsOrder = undefined;
		const comment = this.addComment(id, { body: input.comment ?? ticket.subject, html: input.html, public: input.public ?? true, authorId: input.authorId ?? requester.id, files: input.files });
		const overlay = this.overlay(id);
		const create = overlay.audits[0];
		if (create) create.events.push({ id: comment.id * 10 + 1, type: 'Create', field_name: 'status', value: ticket.status }, { id: comment.id * 10 + 2, type: 'Create', field_name: 'subject', value: ticket.subject });
		for (const more of input.comments ?? []) this.addComment(id, more);
		const made = this.requireLive(id);
		if (input.deleted) this.deleteTicket(id);
		return made;
	}

	mutationCounts(): { changedTickets: number; addedTickets: number; addedComments: number } {
		let addedComments = 0;
		for (const overlay of this.overlays.values()) addedComments += overlay.comments.length;
		return { changedTickets: this.overlays.size, addedTickets: this.added.size, addedComments };
	}
}
