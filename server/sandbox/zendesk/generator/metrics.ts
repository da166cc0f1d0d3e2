// A ticket's metric set (the spec's TicketMetricObject), as `include=metric_sets` embeds it in the ticket: when it was assigned, solved, replied to.
import type { AccountPlan } from '../plan';
import { between } from './hash';
import type { TicketRecord } from './tickets';

/** Metric sets have ids of their own; these sit apart from every other generated id. */
const METRIC_SET_ID = 70_000_000;

function minutesBetween(from: string, to: string): number {
	return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
}

/**
 * The metrics of `ticket` as exported. A solved or closed ticket was solved at its last update (the audit that set
 * its final status). Times that have not happened are left out rather than null: the spec types them as plain strings.
 */
export function generateMetricSet(plan: AccountPlan, baseUrl: string, ticket: TicketRecord): Record<string, unknown> {
	const id = METRIC_SET_ID + ticket.id;
	const solved = ticket.status === 'solved' || ticket.status === 'closed';
	const assigned = ticket.assignee_id !== null;
	const resolution = minutesBetween(ticket.created_at, ticket.updated_at);
	return {
		url: `${baseUrl}/api/v2/ticket_metrics/${id}.json`,
		id,
		ticket_id: ticket.id,
		created_at: ticket.created_at,
		updated_at: ticket.updated_at,
		group_stations: ticket.group_id === null ? 0 : 1,
		assignee_stations: assigned ? 1 : 0,
		reopens: 0,
		replies: between(plan.seed, 'metric-replies', 0, 6, ticket.id),
		...(assigned && { initially_assigned_at: ticket.created_at, assigned_at: ticket.created_at, assignee_updated_at: ticket.updated_at }),
		requester_updated_at: ticket.created_at,
		status_updated_at: ticket.updated_at,
		latest_comment_added_at: ticket.updated_at,
		...(solved && { solved_at: ticket.updated_at }),
		reply_time_in_minutes: { calendar: between(plan.seed, 'metric-reply', 1, 600, ticket.id), business: between(plan.seed, 'metric-reply-business', 1, 300, ticket.id) },
		...(solved && {
			first_resolution_time_in_minutes: { calendar: resolution, business: Math.round(resolution / 3) },
			full_resolution_time_in_minutes: { calendar: resolution, business: Math.round(resolution / 3) }
		})
	};
}
