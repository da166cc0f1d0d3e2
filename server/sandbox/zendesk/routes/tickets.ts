// Tickets: list, show, show_many, count, deleted tickets and the attachment metadata endpoint.
import { jsonReply } from '../../common/reply';
import type { ZendeskAccount } from '../account';
import { unixSeconds } from '../generator/time';
import type { TicketRecord } from '../generator/tickets';
import { errorsReply, invalidValue, recordNotFound } from '../http/errors';
import { numberParam, type RequestContext, type RouteSpec } from '../http/context';
import { paginate, wantsCursor, type SortKey } from '../http/pagination';
import { presentAttachment, presentTicket } from '../present';
import { includes, ticketSideloads, withMetricSet } from './sideloads';

const SCOPES = ['all', 'agent', 'ai_agent'] as const;
export type SupportScope = (typeof SCOPES)[number];

/** `support_type_scope` defaults to `agent`: tickets handled by an AI agent are left out unless asked for. */
export function supportScope(query: URLSearchParams): SupportScope | undefined {
	const raw = query.get('support_type_scope') ?? 'agent';
	return (SCOPES as readonly string[]).includes(raw) ? (raw as SupportScope) : undefined;
}

export function inScope(account: ZendeskAccount, id: number, scope: SupportScope): boolean {
	if (scope === 'all') return true;
	const ai = account.tickets.isAiAgent(id);
	return scope === 'ai_agent' ? ai : !ai;
}

function liveIds(account: ZendeskAccount, scope: SupportScope): number[] {
	return account.tickets.allIds().filter((id) => inScope(account, id, scope) && !account.tickets.isDeleted(id));
}

function sortedTickets(context: RequestContext, ids: number[]): { ids: number[]; keyOf: (id: number) => SortKey; order: string } | undefined {
	const { account, query } = context;
	const sort = wantsCursor(query) ? (query.get('sort') ?? 'id') : `${query.get('sort_order') === 'desc' ? '-' : ''}${query.get('sort_by') ?? 'id'}`;
	const descending = sort.startsWith('-');
	const field = descending ? sort.slice(1) : sort;
	const sign = descending ? -1 : 1;
	if (field === 'id' || field === 'created_at') {
		// Ticket ids grow with creation time, so both orders are the same.
		const keyOf = (id: number): SortKey => [sign * id];
		return { ids: [...ids].sort((a, b) => sign * (a - b)), keyOf, order: field };
	}
	if (field === 'updated_at') {
		const stamps = new Map(ids.map((id) => [id, unixSeconds(account.tickets.updatedAt(id))]));
		const keyOf = (id: number): SortKey => [sign * (stamps.get(id) ?? 0), sign * id];
		return { ids: [...ids].sort((a, b) => sign * ((stamps.get(a) ?? 0) - (stamps.get(b) ?? 0) || a - b)), keyOf, order: field };
	}
	return undefined;
}

function listTickets(context: RequestContext) {
	const { account, baseUrl, query } = context;
	const scope = supportScope(query);
	if (!scope) return invalidValue('support_type_scope must be one of all, agent, ai_agent');
	const sorted = sortedTickets(context, liveIds(account, scope));
	if (!sorted) return errorsReply(400, 'InvalidPaginationParameter', 'Invalid Pagination Parameter', 'sort must be one of id, created_at, updated_at (optionally prefixed with -)');
	const page = paginate(context, sorted.ids, { keyOf: sorted.keyOf, cursorOrder: sorted.order });
	if (!page.ok) return page.reply;
	const tickets = page.items.map((id) => account.tickets.live(id)).filter((ticket): ticket is TicketRecord => ticket !== undefined);
	return jsonReply(200, { tickets: tickets.map((ticket) => presentTicket(baseUrl, ticket)), ...ticketSideloads(account, baseUrl, tickets, includes(query)), ...page.envelope });
}

function showTicket(context: RequestContext) {
	const id = numberParam(context, 'id');
	const ticket = id === undefined ? undefined : context.account.tickets.live(id);
	if (!ticket) return recordNotFound();
	const wanted = includes(context.query);
	return jsonReply(200, { ticket: withMetricSet(context.account, context.baseUrl, presentTicket(context.baseUrl, ticket), ticket, wanted), ...ticketSideloads(context.account, context.baseUrl, [ticket], wanted) });
}

function showMany(context: RequestContext) {
	const raw = context.query.get('ids');
	if (!raw) return invalidValue('ids is required');
	const ids = raw.split(',').map((part) => Number(part.trim()));
	if (ids.length > 100 || ids.some((id) => !Number.isInteger(id))) return invalidValue('ids must be a comma-separated list of at most 100 ticket ids');
	const tickets = ids.map((id) => context.account.tickets.live(id)).filter((ticket): ticket is TicketRecord => ticket !== undefined);
	return jsonReply(200, { tickets: tickets.map((ticket) => presentTicket(context.baseUrl, ticket)), ...ticketSideloads(context.account, context.baseUrl, tickets, includes(context.query)), next_page: null, previous_page: null, count: tickets.length });
}

function countTickets(context: RequestContext) {
	const scope = supportScope(context.query) ?? 'agent';
	return jsonReply(200, { count: { value: liveIds(context.account, scope).length, refreshed_at: new Date(context.account.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z') } });
}

function deletedTickets(context: RequestContext) {
	const { account } = context;
	const deleted = account.tickets
		.allIds()
		.filter((id) => account.tickets.isDeleted(id))
		.map((id) => account.tickets.exported(id))
		.filter((found) => found !== undefined);
	const page = paginate(context, deleted, { keyOf: (found) => [found?.ticket.id ?? 0] });
	if (!page.ok) return page.reply;
	const admin = account.user(0);
	return jsonReply(200, {
		deleted_tickets: page.items.map((found) => ({
			id: found?.ticket.id,
			subject: found?.ticket.subject,
			actor: { id: admin.id, name: admin.name },
			previous_state: found?.ticket.status,
			deleted_at: new Date(found?.deletedAt ?? 0).toISOString().replace(/\.\d{3}Z$/, 'Z')
		})),
		...page.envelope
	});
}

function showAttachment(context: RequestContext) {
	const id = numberParam(context, 'id');
	const attachment = id === undefined ? undefined : context.account.tickets.attachment(id);
	if (!attachment) return recordNotFound();
	return jsonReply(200, { attachment: presentAttachment(context.baseUrl, attachment) });
}

export const ticketRoutes: Record<string, RouteSpec> = {
	'/api/v2/tickets': { handler: listTickets, access: 'agent', counter: 'support', list: true, endpointLimit: 'tickets-index' },
	'/api/v2/tickets/show_many': { handler: showMany, access: 'agent', counter: 'support', list: true },
	'/api/v2/tickets/count': { handler: countTickets, access: 'agent', counter: 'support' },
	'/api/v2/tickets/:id': { handler: showTicket, access: 'agent', counter: 'support' },
	'/api/v2/deleted_tickets': { handler: deletedTickets, access: 'agent', counter: 'support', list: true, endpointLimit: 'deleted-tickets' },
	'/api/v2/attachments/:id': { handler: showAttachment, access: 'agent', counter: 'support' }
};
