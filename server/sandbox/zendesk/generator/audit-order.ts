// The order of the ticket-events export: every audit of every ticket by (created_at second, audit id).
import { auditId, type AccountPlan } from '../plan';
import type { AuditRecord } from './audits';
import { commentTime, isGeneratedTicket, ticketShape } from './ticket-shape';
import { unixSeconds } from './time';

/** `laterAudits`: the audits a test's changes added to a ticket, after the generated ones. */
export function auditOrder(plan: AccountPlan, ticketIds: readonly number[], laterAudits: (ticketId: number) => readonly AuditRecord[]): { ids: Float64Array; stamps: Float64Array } {
	const entries: { id: number; stamp: number }[] = [];
	for (const id of ticketIds) {
		if (isGeneratedTicket(plan, id)) {
			// A generated ticket has one audit per comment, made when the comment was written.
			const shape = ticketShape(plan, id);
			for (let position = 0; position < shape.commentCount; position += 1) entries.push({ id: auditId(id, position), stamp: unixSeconds(commentTime(shape, position)) });
		}
		for (const audit of laterAudits(id)) entries.push({ id: audit.id, stamp: unixSeconds(Date.parse(audit.created_at)) });
	}
	entries.sort((a, b) => a.stamp - b.stamp || a.id - b.id);
	return { ids: Float64Array.from(entries, (entry) => entry.id), stamps: Float64Array.from(entries, (entry) => entry.stamp) };
}
