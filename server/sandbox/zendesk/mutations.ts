// What a test may change in the seeded data, and the error it gets when the change makes no sense.
import type { TicketStatus } from './generator/ticket-shape';
import type { FieldValue, TicketRecord } from './generator/tickets';

export class SandboxInputError extends Error {
	constructor(
		message: string,
		readonly status: 400 | 404 = 400
	) {
		super(message);
	}
}

export interface TicketChange {
	status?: TicketStatus;
	priority?: TicketRecord['priority'];
	type?: TicketRecord['type'];
	subject?: string;
	tags?: string[];
	assignee_id?: number | null;
	group_id?: number | null;
	custom_fields?: { id: number; value: FieldValue }[];
}

/** A file on a comment a test adds: the bytes are generated from the seed, so any size (0 bytes, 40 MB) costs no memory. */
export interface NewFile {
	file_name: string;
	content_type?: string;
	size: number;
	inline?: boolean;
}

export interface NewComment {
	body: string;
	/** The comment's HTML as the API returns it (`html_body`), verbatim; by default the body, escaped, in paragraphs. */
	html?: string;
	public?: boolean;
	authorId?: number;
	files?: NewFile[];
}

/**
 * A ticket a test adds. Values are taken as given, unchecked, so a bad-input fixture can hold what real accounts hold:
 * a status outside the documented list, a tag with a comma, a field option that no longer exists.
 */
export interface NewTicket {
	subject?: string;
	comment?: string;
	/** The first comment's HTML, verbatim. */
	html?: string;
	public?: boolean;
	requesterId?: number;
	/** The first comment's author; by default the requester. */
	authorId?: number;
	assigneeId?: number;
	groupId?: number;
	status?: TicketStatus | string;
	priority?: TicketRecord['priority'];
	tags?: string[];
	custom_fields?: { id: number; value: FieldValue }[];
	/** Files on the first comment. */
	files?: NewFile[];
	/** More comments after the first, in order. */
	comments?: NewComment[];
	/** Deleted right after it is made: the export lists it with status "deleted", the API no longer shows it. */
	deleted?: boolean;
}
