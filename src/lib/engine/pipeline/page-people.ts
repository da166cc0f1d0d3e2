// The people a page of tickets names that are not in Kayako yet (mostly customers the users stage skipped as inactive):
// read from the source together and created in one bulk, where each ticket would read and create them one at a time.
import type { SourceId, Ticket } from '../model';
import { plainReason } from '../reports/reasons/because';
import { keyOf, type RunContext } from './context';
import { migrateUserPage } from './people-batches';
import { isFatal, reasonOf } from './record-step';
import type { ReferenceResolver } from './references';

/**
 * Brings the requesters, submitters and followers of these tickets into Kayako before the tickets are prepared. Only
 * a saving: whatever this does not settle (a user the source did not answer, a create that failed, a read that
 * failed) is left to each ticket's own step, which reads, creates and reports it as before. Fatal errors stop the run.
 */
export async function bringPeopleOfPage(context: RunContext, resolver: ReferenceResolver, tickets: readonly Ticket[]): Promise<void> {
	const readMany = context.source.usersById?.bind(context.source);
	if (!readMany || tickets.length === 0) return;
	try {
		const named = tickets.flatMap((ticket) => [ticket.requesterId, ticket.submitterId, ...ticket.followerIds]).filter((id): id is SourceId => id !== undefined);
		const missing = await resolver.unresolved('users', named);
		if (missing.length === 0) return;
		const users = await readMany(missing, context.control.signal);
		for (const user of users) resolver.people.remember(user);
		await migrateUserPage(context, resolver, users, true);
		// Decided against this run (an agent sent to the default agent): a ticket naming them does not read them again.
		for (const user of users) {
			const row = await context.store.getIdMapRow(keyOf(context, 'users', user.id));
			if (row?.status === 'skipped' && row.runId === context.run.id) resolver.leaveOut('users', user.id);
		}
	} catch (error) {
		if (isFatal(error) || context.control.signal.aborted) throw error;
		await context.log('warn', `The people named by a page of tickets could not be brought together (${plainReason(reasonOf(error))}); each ticket brings its own.`, {});
	}
}
