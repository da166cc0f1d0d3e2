// What a source ticket holds that a Kayako case has no place for, named in the report so nothing goes silently:
// a task's due date, the support address a mail was sent to when it is not the account's default one (the source leaves
// the default out, so mail to the usual address does not put the same words on every line), the sender of a ticket that came by Twitter, Facebook or another channel that is not mail or web,
// and replies that came by such a channel when the ticket itself did not (a Kayako post is a mail or a note). Replies by
// the ticket's own channel are not counted: the ticket's line names that channel already, and one line per ticket is
// enough for a support lead reading thousands.
import { because } from '../../../reports/reasons/because';
import type { Comment, Ticket } from '../../../model';
import type { WriteWarning } from './context';

/** Channels whose sender Kayako keeps anyway: the requester's address (mail), or nobody in particular (web form, API). */
const SENDER_KEPT = new Set(['email', 'web', 'api', 'sample_ticket']);

/** Replies by a channel Kayako keeps no trace of, other than the ticket's own: how many per channel, in first-seen order. */
function repliesByOtherChannel(ticket: Ticket, comments: readonly Comment[]): { channel: string; count: number }[] {
	const counts = new Map<string, number>();
	for (const comment of comments) {
		const channel = comment.via?.channel;
		if (!channel || SENDER_KEPT.has(channel) || channel === ticket.via?.channel) continue;
		counts.set(channel, (counts.get(channel) ?? 0) + 1);
	}
	return [...counts].map(([channel, count]) => ({ channel, count }));
}

export function uncarriedWarnings(ticket: Ticket, comments: readonly Comment[] = []): WriteWarning[] {
	const via = ticket.via;
	const channel = via && !SENDER_KEPT.has(via.channel) && (via.from || via.to) ? via : undefined;
	const replies = repliesByOtherChannel(ticket, comments);
	if (!ticket.dueAt && !channel && replies.length === 0 && !ticket.recipient) return [];
	const place = {
		...(ticket.dueAt && { dueAt: ticket.dueAt }),
		...(ticket.recipient && { recipient: ticket.recipient }),
		...(channel && { channel: channel.channel, ...(channel.from && { from: channel.from }), ...(channel.to && { to: channel.to }) }),
		...(replies.length > 0 && { replies })
	};
	return [{ sourceId: ticket.id, message: because('case-no-place', place) }];
}
