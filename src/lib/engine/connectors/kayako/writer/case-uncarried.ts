// What a source ticket holds that a Kayako case has no place for, named in the report so nothing goes silently:
// a task's due date, and the sender of a ticket that came by Twitter, Facebook or another channel that is not mail or web.
import type { Ticket } from '../../../model';
import type { WriteWarning } from './context';

/** Channels whose sender Kayako keeps anyway: the requester's address (mail), or nobody in particular (web form, API). */
const SENDER_KEPT = new Set(['email', 'web', 'api', 'sample_ticket']);

export function uncarriedWarnings(ticket: Ticket): WriteWarning[] {
	const parts: string[] = [];
	if (ticket.dueAt) parts.push(`the due date ${ticket.dueAt}`);
	const via = ticket.via;
	if (via && !SENDER_KEPT.has(via.channel) && (via.from || via.to)) parts.push(`that it came by ${via.channel}${via.from ? ` from ${via.from}` : ''}${via.to ? ` to ${via.to}` : ''}`);
	if (parts.length === 0) return [];
	return [{ sourceId: ticket.id, message: `A Kayako case has no place for ${parts.join(', nor for ')}; it is kept in this report only.` }];
}
