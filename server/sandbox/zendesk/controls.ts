// What a test can do to a running sandbox: the JS API behind both the sandbox object and the /__sandbox/ surface.
import type { FaultInjector } from '../common/faults';
import type { ExportQuirks, SandboxQuirks } from './account';
import type { UserRecord } from './generator/people';
import type { NewComment, NewTicket, TicketChange } from './ticket-store';

export interface SandboxStateSnapshot {
	seed: number;
	now: number;
	rateLimitPerMinute: number;
	counts: { tickets: number; agents: number; endUsers: number; organizations: number; groups: number; articles: number };
	history: { start: string; end: string };
	mutations: { changedTickets: number; addedTickets: number; addedComments: number };
	requests: { total: number; byRoute: Record<string, number> };
	faults: ReturnType<FaultInjector['rules']>;
	quirks: SandboxQuirks;
}

export interface ZendeskSandboxControls {
	state(): SandboxStateSnapshot;
	/** Back to the seeded data: mutations, clock offset, rate-limit windows, request counts and faults all cleared. */
	reset(): void;
	faults: FaultInjector;
	/** Turns on misbehaviour real accounts have shown (a stuck export cursor); reset() turns it off. */
	setQuirks(quirks: Partial<SandboxQuirks>): SandboxQuirks;
	setRateLimit(perMinute: number): void;
	advanceClock(ms: number): void;
	now(): number;
	/** Each mutation bumps the ticket's updated_at and generated_timestamp to the sandbox clock. */
	addTicket(input?: NewTicket): Record<string, unknown>;
	addComment(ticketId: number, input: NewComment): Record<string, unknown>;
	updateTicket(ticketId: number, change: TicketChange): Record<string, unknown>;
	deleteTicket(ticketId: number): void;
	/** Makes a comment private, as an agent does afterwards; its audit carries a CommentPrivacyChange event. */
	makeCommentPrivate(ticketId: number, commentId: number): Record<string, unknown>;
	/** Lays fields over a generated user, verbatim (an invalid or shared e-mail, `suspended: true`); returns the user as the API shows it. */
	overrideUser(userId: number, fields: Partial<UserRecord>): Record<string, unknown>;
	/** Switches misbehaviours of the ticket export on or off: a page served twice, a cursor that never advances. */
	setExportQuirks(quirks: Partial<ExportQuirks>): ExportQuirks;
}
