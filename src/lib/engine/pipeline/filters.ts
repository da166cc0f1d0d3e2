// The select step's ticket filters: which tickets a run moves.
import type { SourceId, Ticket } from '../model';
import { because } from '../reports/reasons/because';

export interface TicketFilters {
	/** ISO dates, inclusive. */
	createdFrom?: string;
	createdTo?: string;
	/** Any of these tags. */
	tags?: string[];
	/** A custom field with this value (a multi-select matches when it holds the value). */
	field?: { id: SourceId; value: string };
	teamIds?: SourceId[];
	organizationIds?: SourceId[];
	assigneeIds?: SourceId[];
}

export function hasFilters(filters: TicketFilters): boolean {
	return Object.values(filters).some((value) => value !== undefined && (!Array.isArray(value) || value.length > 0));
}

/** Undefined when the ticket passes, else the reason it is skipped, for the report. */
export function filteredOut(ticket: Ticket, filters: TicketFilters): string | undefined {
	const created = Date.parse(ticket.createdAt);
	if (filters.createdFrom && created < Date.parse(filters.createdFrom)) return because('filter-created-before', { created: ticket.createdAt, from: filters.createdFrom });
	if (filters.createdTo && created > endOfDay(filters.createdTo)) return because('filter-created-after', { created: ticket.createdAt, to: filters.createdTo });
	if (filters.tags?.length && !filters.tags.some((tag) => ticket.tags.includes(tag))) return because('filter-tags', { tags: filters.tags });
	if (filters.field) {
		const value = ticket.fields[filters.field.id];
		const matches = Array.isArray(value) ? value.includes(filters.field.value) : value !== null && value !== undefined && String(value) === filters.field.value;
		if (!matches) return because('filter-field', { field: filters.field.id, value: filters.field.value });
	}
	if (filters.teamIds?.length && !(ticket.teamId && filters.teamIds.includes(ticket.teamId))) return because('filter-groups');
	if (filters.organizationIds?.length && !(ticket.organizationId && filters.organizationIds.includes(ticket.organizationId))) return because('filter-organisations');
	if (filters.assigneeIds?.length && !(ticket.assigneeId && filters.assigneeIds.includes(ticket.assigneeId))) return because('filter-assignees');
	return undefined;
}

/** A date without a time means the whole day. */
function endOfDay(value: string): number {
	return /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T23:59:59.999Z`) : Date.parse(value);
}
