// `include=users,groups,organizations` sideloads for ticket responses (the records a page of tickets refers to), and `metric_sets`.
import type { ZendeskAccount } from '../account';
import { groups } from '../generator/catalog';
import { generateMetricSet } from '../generator/metrics';
import { generateOrganization } from '../generator/people';
import type { TicketRecord } from '../generator/tickets';
import { ID, userIndex } from '../plan';
import { withUrl } from '../present';

export function includes(query: URLSearchParams): Set<string> {
	return new Set((query.get('include') ?? '').split(',').map((name) => name.trim()).filter(Boolean));
}

export function ticketSideloads(account: ZendeskAccount, baseUrl: string, tickets: TicketRecord[], wanted: Set<string>): Record<string, unknown> {
	const sideloads: Record<string, unknown> = {};
	if (wanted.has('users')) {
		const ids = new Set<number>();
		for (const ticket of tickets) for (const id of [ticket.requester_id, ticket.submitter_id, ticket.assignee_id, ...ticket.collaborator_ids]) if (id !== null) ids.add(id);
		sideloads.users = [...ids]
			.map((id) => userIndex(account.plan, id))
			.filter((index): index is number => index !== undefined)
			.map((index) => withUrl(baseUrl, 'users', account.user(index)));
	}
	if (wanted.has('groups')) {
		const ids = new Set(tickets.map((ticket) => ticket.group_id));
		sideloads.groups = groups(account.plan)
			.filter((group) => ids.has(group.id))
			.map((group) => withUrl(baseUrl, 'groups', group));
	}
	if (wanted.has('organizations')) {
		const ids = new Set(tickets.map((ticket) => ticket.organization_id).filter((id): id is number => id !== null));
		sideloads.organizations = [...ids].map((id) => withUrl(baseUrl, 'organizations', generateOrganization(account.plan, id - ID.organization)));
	}
	return sideloads;
}

/** `include=metric_sets` embeds each ticket's metrics in it as `metric_set`; a deleted ticket has none (null). */
export function withMetricSet(account: ZendeskAccount, baseUrl: string, presented: Record<string, unknown>, ticket: TicketRecord, wanted: Set<string>, deleted = false): Record<string, unknown> {
	if (!wanted.has('metric_sets')) return presented;
	return { ...presented, metric_set: deleted ? null : generateMetricSet(account.plan, baseUrl, ticket) };
}
