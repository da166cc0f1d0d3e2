// Tickets' comments read in bulk from Zendesk's ticket-events export, spooled by ticket until the ticket comes;
// any ticket the spool cannot vouch for is left to the per-ticket read (see docs/zendesk-comments-export.md).
import { MigrationError } from '../../errors';
import { listIn, type ZendeskClient } from './client';
import type { ZendeskComment, ZendeskTicketEvent, ZendeskTicketEventsPage } from './types';

const EVENTS_EXPORT = '/api/v2/incremental/ticket_events.json';
/**
 * Channels whose comments show a pasted picture in their html (Zendesk turns a mail's inline image into an <img> of
 * the account's attachment address). A tweet or a Facebook post may carry pictures its html does not show, so a
 * ticket with such a comment, or one of a channel not named here, is read alone.
 */
const HTML_SHOWS_INLINE_IMAGES: ReadonlySet<string> = new Set(['email', 'web', 'api', 'mobile', 'mobile_sdk', 'sample_ticket', 'rule']);
/** Comments held for tickets that have not come yet; beyond this, the oldest ticket's are dropped and it is read alone. */
const DEFAULT_MAX_COMMENTS = 5_000;
/** Tickets announced by the ticket export and not yet asked for; beyond this, the oldest is forgotten (and read alone). */
const MAX_WAITING_TICKETS = 10_000;

/** When a ticket was made and last changed (Unix seconds), as the ticket export said. */
export interface TicketSpan {
	createdAt: number;
	/** The later of `updated_at` and `generated_timestamp`: every comment of the ticket was made by then. */
	changedAt: number;
}

export interface ExportCommentsOptions {
	maxComments?: number;
	perPage?: number;
}

export class ExportedComments {
	readonly #client: ZendeskClient;
	readonly #maxComments: number;
	readonly #perPage: number | undefined;
	/** Where the reader began: only a ticket made at or after it has every comment in what was read. */
	#start: number | undefined;
	#nextStart = 0;
	/** Every event before this second has been read. */
	#readUpTo = 0;
	/** The export had nothing newer the last time it was asked twice: tickets changed later are read alone. */
	#caughtUp = false;
	/** The export failed: every ticket is read alone from now on. */
	#broken = false;
	#reading: Promise<void> | undefined;
	readonly #spans = new Map<number, TicketSpan>();
	readonly #byTicket = new Map<number, Map<number, ZendeskComment>>();
	/** Tickets whose spooled comments are not the whole story: dropped for room, an inline image, an unseen comment's change. */
	readonly #incomplete = new Set<number>();
	/** Tickets already handed out: a later event of theirs is not spooled, and a second ask reads the ticket alone. */
	readonly #delivered = new Set<number>();
	#held = 0;

	constructor(client: ZendeskClient, options: ExportCommentsOptions = {}) {
		this.#client = client;
		this.#maxComments = Math.max(1, options.maxComments ?? DEFAULT_MAX_COMMENTS);
		this.#perPage = options.perPage;
	}

	/** Where the events are read from; the first call decides (a fresh run: the tickets' start; a resumed one: where it resumed). */
	startAt(seconds: number): void {
		if (this.#start !== undefined) return;
		this.#start = seconds;
		this.#nextStart = seconds;
		this.#readUpTo = seconds;
	}

	/** The ticket export has listed this ticket: its comments will be asked for. */
	expect(ticketId: number, span: TicketSpan): void {
		this.#spans.delete(ticketId);
		this.#spans.set(ticketId, span);
		if (this.#spans.size > MAX_WAITING_TICKETS) {
			const oldest = this.#spans.keys().next().value;
			if (oldest !== undefined) this.#spans.delete(oldest);
		}
	}

	/** The ticket's comments, oldest first, or undefined when the ticket must be read alone. */
	async take(ticketId: number, signal?: AbortSignal): Promise<ZendeskComment[] | undefined> {
		const span = this.#spans.get(ticketId);
		this.#spans.delete(ticketId);
		if (!span || this.#start === undefined || span.createdAt < this.#start || this.#delivered.has(ticketId)) return this.#release(ticketId);
		const covered = await this.#readThrough(span.changedAt, signal);
		const spooled = this.#byTicket.get(ticketId);
		// Every Zendesk ticket has at least its first comment: none spooled means the export did not show it to us.
		if (!covered || this.#incomplete.has(ticketId) || !spooled || spooled.size === 0) return this.#release(ticketId);
		this.#release(ticketId);
		return [...spooled.values()].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id);
	}

	#release(ticketId: number): undefined {
		this.#held -= this.#byTicket.get(ticketId)?.size ?? 0;
		this.#byTicket.delete(ticketId);
		this.#incomplete.delete(ticketId);
		this.#delivered.add(ticketId);
		return undefined;
	}

	/** Reads on until every event up to `changedAt` is spooled; false when that cannot be had. */
	async #readThrough(changedAt: number, signal: AbortSignal | undefined): Promise<boolean> {
		while (this.#readUpTo <= changedAt) {
			if (this.#broken || this.#caughtUp) return false;
			const reading = (this.#reading ??= this.#readPage(signal).finally(() => (this.#reading = undefined)));
			try {
				await reading;
			} catch (error) {
				if (signal?.aborted) throw error;
				// Another caller's read was cancelled: read again for this one. Anything else: the export is not usable.
				if (!isCancelled(error)) this.#broken = true;
			}
		}
		return true;
	}

	async #readPage(signal: AbortSignal | undefined): Promise<void> {
		const query = { start_time: this.#nextStart, include: 'comment_events', support_type_scope: 'all', ...(this.#perPage !== undefined && { per_page: this.#perPage }) };
		const body = await this.#client.get<ZendeskTicketEventsPage>(EVENTS_EXPORT, query, signal);
		const events = listIn<ZendeskTicketEvent>(body, 'ticket_events', this.#client.host);
		for (const event of events) this.#spool(event);
		const endTime = typeof body.end_time === 'number' ? body.end_time : undefined;
		if (endTime === undefined) throw new MigrationError({ kind: 'malformed-response', host: this.#client.host, message: `Zendesk at ${this.#client.host} answered the ticket-events export without its end_time.` });
		if (body.end_of_stream === true) {
			// Everything up to the end is read; asked again with nothing newer, the export has caught up with Zendesk.
			if (endTime + 1 <= this.#readUpTo) this.#caughtUp = true;
			this.#readUpTo = Math.max(this.#readUpTo, endTime + 1);
		} else {
			// A full page ends on a whole second that the next page repeats: only the seconds before it are whole.
			if (endTime <= this.#nextStart) throw new MigrationError({ kind: 'malformed-response', host: this.#client.host, message: `Zendesk's ticket-events export did not move past ${endTime}.` });
			this.#readUpTo = Math.max(this.#readUpTo, endTime);
		}
		this.#nextStart = endTime;
		this.#makeRoom();
	}

	#spool(event: ZendeskTicketEvent): void {
		const ticketId = event.ticket_id;
		if (typeof ticketId !== 'number' || this.#delivered.has(ticketId) || this.#incomplete.has(ticketId)) return;
		for (const child of event.child_events ?? []) {
			if (child.event_type === 'Comment') this.#spoolComment(ticketId, child, event);
			else if (child.event_type === 'CommentPrivacyChange') this.#privacyChange(ticketId, child);
			if (this.#incomplete.has(ticketId)) return;
		}
	}

	#spoolComment(ticketId: number, child: Record<string, unknown>, event: ZendeskTicketEvent): void {
		const id = child.id;
		const html = child.html_body;
		const body = child.body;
		// Without the comment itself, or with an inline image the export does not list, the ticket is read alone.
		if (typeof id !== 'number' || (typeof html !== 'string' && typeof body !== 'string') || (typeof html === 'string' && holdsInlineImage(html, this.#client.host))) {
			this.#markIncomplete(ticketId);
			return;
		}
		const via = child.via;
		const channel = typeof via === 'object' && via !== null ? (via as { channel?: unknown }).channel : undefined;
		if (typeof channel !== 'string' || !HTML_SHOWS_INLINE_IMAGES.has(channel)) {
			this.#markIncomplete(ticketId);
			return;
		}
		let comments = this.#byTicket.get(ticketId);
		if (!comments) {
			comments = new Map();
			this.#byTicket.set(ticketId, comments);
		}
		if (comments.has(id)) return;
		comments.set(id, {
			id,
			author_id: typeof child.author_id === 'number' ? child.author_id : null,
			public: typeof child.public === 'boolean' ? child.public : null,
			body: typeof body === 'string' ? body : null,
			html_body: typeof html === 'string' ? html : null,
			plain_body: typeof child.plain_body === 'string' ? child.plain_body : null,
			created_at: typeof child.created_at === 'string' ? child.created_at : event.created_at,
			via: typeof via === 'object' && via !== null ? (via as ZendeskComment['via']) : null,
			attachments: Array.isArray(child.attachments) ? (child.attachments as ZendeskComment['attachments']) : []
		});
		this.#held += 1;
	}

	/** A comment made private (or public) later: applied to the spooled comment; one we did not see makes the ticket read alone. */
	#privacyChange(ticketId: number, child: Record<string, unknown>): void {
		const comment = typeof child.comment_id === 'number' ? this.#byTicket.get(ticketId)?.get(child.comment_id) : undefined;
		if (!comment || typeof child.public !== 'boolean') {
			this.#markIncomplete(ticketId);
			return;
		}
		comment.public = child.public;
	}

	#markIncomplete(ticketId: number): void {
		this.#held -= this.#byTicket.get(ticketId)?.size ?? 0;
		this.#byTicket.delete(ticketId);
		this.#incomplete.add(ticketId);
	}

	/** Drops the tickets spooled longest ago (their first comment is the oldest) until the spool fits. */
	#makeRoom(): void {
		for (const ticketId of this.#byTicket.keys()) {
			if (this.#held <= this.#maxComments) return;
			this.#markIncomplete(ticketId);
		}
	}
}

/**
 * Does the comment show a picture pasted into it? The comments endpoint lists those as inline attachments, which the
 * migration uploads; the export's comment lists its files only. A picture on another site (an emoji from Zendesk's
 * static assets, a logo) is not an attachment and needs no per-ticket read.
 */
export function holdsInlineImage(html: string, accountHost: string): boolean {
	for (const match of html.matchAll(/<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi)) {
		const src = (match[1] ?? '').replace(/&amp;/g, '&');
		let url: URL;
		try {
			url = new URL(src);
		} catch {
			return true;
		}
		if (url.host === accountHost || url.pathname.includes('/attachments/')) return true;
	}
	// An <img> whose address we could not read is taken as pasted, to be safe.
	return /<img\b/i.test(html) && !/<img\b[^>]*?\bsrc\s*=/i.test(html);
}

function isCancelled(error: unknown): boolean {
	return error instanceof MigrationError && error.kind === 'cancelled';
}
