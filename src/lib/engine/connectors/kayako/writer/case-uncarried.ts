// What a source ticket holds that a Kayako case has no place for, named in the report so nothing goes silently:
// a task's due date, and the sender of a ticket that came by Twitter, Facebook or another channel that is not mail or web.
import { because } from '../../../reports/reasons/because';
import type { Ticket } from '../../../model';
import type { WriteWarning } from './context';

/** Channels whose sender Kayako keeps anyway: the requester's address (mail), or nobody in particular (web form, API). */
const SENDER_KEPT = new Set(['email', 'web', 'api', 'sample_ticket']);

export function uncarriedWarnings(ticket: Ticket): WriteWarning[] {
	const via = ticket.via;
	const channel = via && !SENDER_KEPT.has(via.channel) && (via.from || via.to) ? via : undefined;
	if (!ticket.dueAt && !channel) return [];
	const place = {
		...(ticket.dueAt && { dueAt: ticket.dueAt }),
		...(channel && { channel: channel.channel, ...(channel.from && { from: channel.from }), ...(channel.to && { to: channel.to }) })
	};
	return [{ sourceId: ticket.id, message: because('case-no-place', place) }];
}
