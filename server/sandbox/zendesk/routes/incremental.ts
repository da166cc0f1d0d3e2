// Incremental exports: tickets (cursor and time based), users (cursor and time based) and organizations (time based).
import { jsonReply, type Reply } from '../../common/reply';
import type { ZendeskAccount } from '../account';
import { generateOrganization, organizationTimes, userTimes } from '../generator/people';
import { unixSeconds } from '../generator/time';
import type { TicketRecord } from '../generator/tickets';
import { errorsReply, invalidValue } from '../http/errors';
import type { RequestContext, RouteSpec } from '../http/context';
import { linkTo } from '../http/pagination';
import { organizationId, userCount, userId } from '../plan';
import { presentTicket, withUrl } from '../present';
import { includes, ticketSideloads, withMetricSet } from './sideloads';
import { inScope, supportScope } from './tickets';

const MAX_PER_PAGE = 1000;

/** Positions in an export's (generated_timestamp, id) order; Zendesk's cursors look like base64("1576613539.0||467|"). */
type Position = { stamp: number; id: number };

function encodePosition(position: Position): string {
	return Buffer.from(`${position.stamp}.0||${position.id}|`).toString('base64');
}

function decodePosition(cursor: string): Position | undefined {
	const match = /^(-?\d+)\.0\|\|(-?\d+)\|$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
	return match ? { stamp: Number(match[1]), id: Number(match[2]) } : undefined;
}

function after(a: Position, b: Position): boolean {
	return a.stamp > b.stamp || (a.stamp === b.stamp && a.id > b.id);
}

type StartCheck = { ok: true; start: number } | { ok: false; reply: Reply };

/** `start_time` is required, a Unix time, and at least a minute old: the last minute is never exported. */
function checkStartTime(context: RequestContext): StartCheck {
	const raw = context.query.get('start_time');
	if (raw === null || raw === '') return { ok: false, reply: invalidValue('start_time is required') };
	if (!/^\d+$/.test(raw)) return { ok: false, reply: invalidValue('start_time must be an integer Unix timestamp') };
	const start = Number(raw);
	if (start > unixSeconds(context.account.clock.now()) - 60) return { ok: false, reply: errorsReply(400, 'StartTimeTooRecent', 'start_time must be more than 60 seconds ago') };
	return { ok: true, start };
}

function perPage(context: RequestContext): number | undefined {
	const raw = context.query.get('per_page');
	if (raw === null) return MAX_PER_PAGE;
	if (!/^\d+$/.test(raw) || Number(raw) < 1) return undefined;
	return Math.min(MAX_PER_PAGE, Number(raw));
}

export interface Stream {
	/** Record ids and stamps, sorted by (stamp, id). */
	ids: ArrayLike<number>;
	stamps: ArrayLike<number>;
	keep: (id: number) => boolean;
}

/** Binary search: the index of the first record positioned after `from`. */
function firstAfter(stream: Stream, from: Position): number {
	let low = 0;
	let high = stream.ids.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (after({ stamp: stream.stamps[middle] ?? 0, id: stream.ids[middle] ?? 0 }, from)) high = middle;
		else low = middle + 1;
	}
	return low;
}

/** The next page after `from`: at most `size` records older than the excluded last minute. */
function readAfter(stream: Stream, from: Position, size: number, upper: number): { ids: number[]; last: Position | undefined; endOfStream: boolean } {
	const ids: number[] = [];
	let last: Position | undefined;
	for (let index = firstAfter(stream, from); index < stream.ids.length; index += 1) {
		const position = { stamp: stream.stamps[index] ?? 0, id: stream.ids[index] ?? 0 };
		if (position.stamp >= upper) return { ids, last, endOfStream: true };
		if (!stream.keep(position.id)) continue;
		if (ids.length === size) return { ids, last, endOfStream: false };
		ids.push(position.id);
		last = position;
	}
	return { ids, last, endOfStream: true };
}

/**
 * The ticket export's quirks a test switched on: a page served twice (its after_cursor points back at itself once), or a
 * cursor that never moves. `here` is the cursor of the page being served.
 */
function quirkyCursor(context: RequestContext, asked: string | null, here: string, next: string, endOfStream: boolean, served: number): { cursor: string; endOfStream: boolean } {
	const quirks = context.account.quirks;
	if (quirks.stuckCursor) return { cursor: asked ?? next, endOfStream: false };
	if (quirks.repeatPages > 0 && served > 0) {
		quirks.repeatPages -= 1;
		return { cursor: here, endOfStream: false };
	}
	return { cursor: next, endOfStream };
}

function cursorExport(context: RequestContext, stream: Stream, present: (ids: number[]) => Record<string, unknown>, quirky = false): Reply {
	const size = perPage(context);
	if (size === undefined) return invalidValue('per_page must be a positive integer');
	const cursor = context.query.get('cursor');
	let from: Position;
	if (cursor !== null) {
		const decoded = decodePosition(cursor);
		if (!decoded) return errorsReply(400, 'InvalidCursor', 'cursor is invalid or expired');
		from = decoded;
	} else {
		const start = checkStartTime(context);
		if (!start.ok) return start.reply;
		from = { stamp: start.start, id: -1 };
	}
	const upper = unixSeconds(context.account.clock.now()) - 60;
	const page = readAfter(stream, from, size, upper);
	// A stuck export, as Zendesk has served it: the page's records, but the cursor the client came with.
	const stuck = cursor !== null && !page.endOfStream && context.account.quirks.stuckCursors > 0;
	if (stuck) context.account.quirks.stuckCursors -= 1;
	const next = stuck && cursor !== null
		? { cursor, endOfStream: false }
		: quirky ? quirkyCursor(context, cursor, cursor ?? encodePosition(from), encodePosition(page.last ?? from), page.endOfStream, page.ids.length) : { cursor: encodePosition(page.last ?? from), endOfStream: page.endOfStream };
	const afterCursor = next.cursor;
	const keep = ['per_page', 'include', 'support_type_scope'].filter((name) => context.query.has(name));
	const url = (value: string) => linkTo(context, { cursor: value, start_time: undefined }, [...context.query.keys()].filter((name) => !keep.includes(name)));
	return jsonReply(200, {
		...present(page.ids),
		after_url: url(afterCursor),
		after_cursor: afterCursor,
		before_url: cursor === null ? null : url(cursor),
		before_cursor: cursor,
		end_of_stream: next.endOfStream
	});
}

/** Time-based pages end on a whole second: records sharing the last second all come, and come again on the next page. */
export function timeExport(context: RequestContext, stream: Stream, present: (ids: number[]) => Record<string, unknown>): Reply {
	const size = perPage(context);
	if (size === undefined) return invalidValue('per_page must be a positive integer');
	const start = checkStartTime(context);
	if (!start.ok) return start.reply;
	const upper = unixSeconds(context.account.clock.now()) - 60;
	const page = readAfter(stream, { stamp: start.start - 1, id: Number.MAX_SAFE_INTEGER }, size, upper);
	let endTime = page.last?.stamp ?? start.start;
	if (!page.endOfStream && page.last) {
		const more = readAfter(stream, page.last, Number.MAX_SAFE_INTEGER, page.last.stamp + 1);
		page.ids.push(...more.ids);
		endTime = page.last.stamp;
	}
	const endOfStream = page.ids.length < size;
	return jsonReply(200, {
		...present(page.ids),
		count: page.ids.length,
		end_time: endTime,
		next_page: linkTo(context, { start_time: String(endTime) }, ['cursor']),
		end_of_stream: endOfStream
	});
}

function ticketStream(context: RequestContext): Stream | undefined {
	const scope = supportScope(context.query);
	if (!scope) return undefined;
	const order = context.account.tickets.exportOrder();
	return { ids: order.ids, stamps: order.stamps, keep: (id) => inScope(context.account, id, scope) };
}

function presentTickets(context: RequestContext) {
	return (ids: number[]) => {
		const exported = ids.map((id) => context.account.tickets.exported(id)).filter((found) => found !== undefined);
		const tickets: TicketRecord[] = exported.map((found) => found.ticket);
		const wanted = includes(context.query);
		const presented = exported.map((found) => withMetricSet(context.account, context.baseUrl, presentTicket(context.baseUrl, found.ticket, found.deleted), found.ticket, wanted, found.deleted));
		return { tickets: presented, ...ticketSideloads(context.account, context.baseUrl, tickets, wanted) };
	};
}

function sortedBy(count: number, stampOf: (index: number) => number, idOf: (index: number) => number): { ids: Float64Array; stamps: Float64Array } {
	const entries = Array.from({ length: count }, (_, index) => ({ id: idOf(index), stamp: stampOf(index) }));
	entries.sort((a, b) => a.stamp - b.stamp || a.id - b.id);
	return { ids: Float64Array.from(entries, (entry) => entry.id), stamps: Float64Array.from(entries, (entry) => entry.stamp) };
}

const userOrders = new WeakMap<ZendeskAccount, { ids: Float64Array; stamps: Float64Array }>();
const organizationOrders = new WeakMap<ZendeskAccount, { ids: Float64Array; stamps: Float64Array }>();

function userStream(account: ZendeskAccount): Stream {
	let order = userOrders.get(account);
	if (!order) {
		order = sortedBy(userCount(account.plan), (index) => unixSeconds(userTimes(account.plan, index).updated), userId);
		userOrders.set(account, order);
	}
	return { ...order, keep: () => true };
}

function organizationStream(account: ZendeskAccount): Stream {
	let order = organizationOrders.get(account);
	if (!order) {
		order = sortedBy(account.plan.organizations, (index) => unixSeconds(organizationTimes(account.plan, index).updated), organizationId);
		organizationOrders.set(account, order);
	}
	return { ...order, keep: () => true };
}

function presentUsers(context: RequestContext) {
	return (ids: number[]) => ({ users: ids.map((id) => withUrl(context.baseUrl, 'users', context.account.user(id - userId(0)))) });
}

function presentOrganizations(context: RequestContext) {
	return (ids: number[]) => ({ organizations: ids.map((id) => withUrl(context.baseUrl, 'organizations', generateOrganization(context.account.plan, id - organizationId(0)))) });
}

const badScope = () => invalidValue('support_type_scope must be one of all, agent, ai_agent');

export const incrementalRoutes: Record<string, RouteSpec> = {
	'/api/v2/incremental/tickets/cursor': {
		handler: (context) => {
			const stream = ticketStream(context);
			return stream ? cursorExport(context, stream, presentTickets(context), true) : badScope();
		},
		access: 'admin',
		counter: 'support',
		endpointLimit: 'incremental'
	},
	'/api/v2/incremental/tickets': {
		handler: (context) => {
			const stream = ticketStream(context);
			return stream ? timeExport(context, stream, presentTickets(context)) : badScope();
		},
		access: 'admin',
		counter: 'support',
		endpointLimit: 'incremental'
	},
	'/api/v2/incremental/users/cursor': { handler: (context) => cursorExport(context, userStream(context.account), presentUsers(context)), access: 'admin', counter: 'support', endpointLimit: 'incremental' },
	'/api/v2/incremental/users': { handler: (context) => timeExport(context, userStream(context.account), presentUsers(context)), access: 'admin', counter: 'support', endpointLimit: 'incremental' },
	'/api/v2/incremental/organizations': { handler: (context) => timeExport(context, organizationStream(context.account), presentOrganizations(context)), access: 'admin', counter: 'support', endpointLimit: 'incremental' }
};
