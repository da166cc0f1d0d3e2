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

export interface NewComment {
	body: string;
	public?: boolean;
	authorId?: number;
}

export interface NewTicket {
	subject?: string;
	comment?: string;
	public?: boolean;
	requesterId?: number;
	status?: TicketStatus;
	priority?: TicketRecord['priority'];
	tags?: string[];
}
