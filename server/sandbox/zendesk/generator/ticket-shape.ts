// The cheap skeleton of a generated ticket (times, status, people, thread length) from hashes alone, so exports can sort thousands without faker.
import { DAY_MS, type AccountPlan } from '../plan';
import { between, unit } from './hash';
import { userKind } from './people';

export type TicketStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';

export interface TicketShape {
	id: number;
	created: number;
	updated: number;
	/** When the ticket last changed at all, system updates included (ms); what incremental exports compare. */
	generated: number;
	commentCount: number;
	status: TicketStatus;
	deletedAt: number | undefined;
	requesterIndex: number;
	submitterIndex: number;
	assigneeIndex: number | undefined;
	groupIndex: number | undefined;
	/** Answered by an AI agent: left out unless `support_type_scope` asks for them. */
	aiAgent: boolean;
}

export function isGeneratedTicket(plan: AccountPlan, id: number): boolean {
	return Number.isInteger(id) && id >= 1 && id <= plan.tickets;
}

/** A few tickets are deleted: every 53rd from the 17th, and one in any account of 3 tickets or more. */
export function isDeletedTicket(plan: AccountPlan, id: number): boolean {
	return id % 53 === 17 || (plan.tickets >= 3 && plan.tickets < 17 && id === plan.tickets);
}

/** Every 97th ticket (from the 11th) has a very long thread. */
export function commentCountOf(plan: AccountPlan, id: number): number {
	if (id % 97 === 11) return between(plan.seed, 'long-thread', 120, 250, id);
	const roll = unit(plan.seed, 'comment-count', id);
	return roll < 0.25 ? 1 : roll < 0.55 ? 2 : roll < 0.8 ? between(plan.seed, 'comment-count-mid', 3, 5, id) : between(plan.seed, 'comment-count-high', 6, 12, id);
}

function statusOf(plan: AccountPlan, id: number, updated: number, comments: number): TicketStatus {
	if (plan.historyEnd - updated > 60 * DAY_MS) return unit(plan.seed, 'old-status', id) < 0.9 ? 'closed' : 'solved';
	const roll = unit(plan.seed, 'status', id);
	if (comments === 1 && roll < 0.3) return 'new';
	if (roll < 0.5) return 'open';
	if (roll < 0.65) return 'pending';
	if (roll < 0.72) return 'hold';
	return 'solved';
}

function activeEndUserIndex(plan: AccountPlan, id: number, label: string): number {
	return plan.agents + between(plan.seed, label, 0, plan.endUsers - 1, id);
}

export function ticketShape(plan: AccountPlan, id: number): TicketShape {
	const span = plan.historyEnd - plan.historyStart;
	const created = plan.historyStart + Math.floor(((id - 1 + unit(plan.seed, 'ticket-jitter', id)) / Math.max(1, plan.tickets)) * span * 0.985);
	const commentCount = commentCountOf(plan, id);
	const lifetime = commentCount === 1 ? between(plan.seed, 'lifetime-short', 60, 7200, id) * 1000 : between(plan.seed, 'lifetime', 600, 40 * 86_400, id) * 1000;
	const updated = Math.max(created, Math.min(plan.historyEnd - 2 * 3_600_000, created + lifetime));
	const status = statusOf(plan, id, updated, commentCount);
	const deleted = isDeletedTicket(plan, id);
	const deletedAt = deleted ? Math.min(plan.historyEnd - 60_000, Math.max(updated + 60_000, plan.historyEnd - between(plan.seed, 'deleted-days', 1, 25, id) * DAY_MS)) : undefined;
	// One ticket in ten had a later system update: its generated_timestamp moves, its updated_at does not.
	const systemTouch = unit(plan.seed, 'system-update', id) < 0.1 ? 3_600_000 : 0;
	const generated = deletedAt ?? Math.min(plan.historyEnd - 60_000, updated + systemTouch);
	const requesterIndex = activeEndUserIndex(plan, id, 'requester');
	const submitterIndex = unit(plan.seed, 'submitted-by-agent', id) < 0.15 ? between(plan.seed, 'submitter-agent', 0, plan.agents - 1, id) : requesterIndex;
	const assigneeIndex = status === 'new' ? undefined : between(plan.seed, 'assignee', 1, plan.agents - 1, id);
	const activeGroups = Math.max(1, plan.groups - 1);
	// Tickets older than a year may sit in the group that was deleted since.
	const groupIndex = status === 'new' ? undefined : plan.historyEnd - updated > 365 * DAY_MS && unit(plan.seed, 'old-group', id) < 0.3 ? plan.groups - 1 : (assigneeIndex ?? 0) % activeGroups;
	return {
		id,
		created,
		updated,
		generated,
		commentCount,
		status,
		deletedAt,
		requesterIndex,
		submitterIndex,
		assigneeIndex,
		groupIndex,
		aiAgent: id % 41 === 13
	};
}

/** When comment `position` of a thread was written: the first at creation, the last at the last update, the rest spread between. */
export function commentTime(shape: Pick<TicketShape, 'created' | 'updated' | 'commentCount'>, position: number): number {
	if (shape.commentCount <= 1 || position === 0) return shape.created;
	return shape.created + Math.floor((position / (shape.commentCount - 1)) * (shape.updated - shape.created));
}

export function isFormerAgentIndex(plan: AccountPlan, index: number): boolean {
	return userKind(plan, index) === 'former-agent';
}
