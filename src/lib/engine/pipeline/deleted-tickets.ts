// Tickets deleted in the source (in its trash): never moved; a case an earlier run made of one is closed, once.
import type { Ticket } from '../model';
import type { IdMapRow, KayakoId } from '../store';
import type { RunContext } from './context';
import { because } from '../reports/reasons/because';
import { contentHash } from './hash';
import { isMigrated, migrateRecord, skipRecord, type StepResult } from './record-step';
import type { ReferenceResolver } from './references';

export const DELETED_NOT_MOVED = because('deleted-not-moved');
export const DELETED_CASE_CLOSED = because('deleted-case-closed');

/** What a deleted ticket's row is hashed as: the same for every later run, so the case is closed once. */
function deletedHash(ticket: Ticket): string {
	return contentHash({ deleted: ticket.id });
}

/**
 * A deleted ticket: skipped with its reason when it never moved; when it did, its case is closed with a note (its posts
 * stay: deleting a customer's history is for the support lead to decide), and the row keeps its comment list, so a
 * ticket restored in the source later gets only its new comments.
 */
export async function handleDeletedTicket(context: RunContext, resolver: ReferenceResolver, ticket: Ticket, row: IdMapRow | undefined): Promise<StepResult['outcome']> {
	if (!isMigrated(row)) return (await skipRecord(context, 'tickets', ticket.id, DELETED_NOT_MOVED, { row })).outcome;
	if (row.contentHash === deletedHash(ticket)) return 'already';
	// Its own status label (a custom status such as "New") would win over the status in Kayako's mapping: it goes.
	const { statusLabel: _label, ...rest } = ticket;
	const closed: Ticket = { ...rest, status: 'closed' };
	const result = await migrateRecord(context, 'tickets', ticket.id, { deleted: ticket.id }, () => Promise.reject(new Error('unreachable: the ticket is migrated')), async (kayakoId: KayakoId) => {
		const written = await context.target.updateTicket(kayakoId, { ticket: closed, comments: [] }, [], resolver.references(context.options.defaultAgentId));
		await context.store.markMigrated(context.run.id, [{ migrationId: context.run.migrationId, entity: 'tickets', sourceId: ticket.id, kayakoId, contentHash: deletedHash(ticket), ...(row.parts && { parts: row.parts }), note: DELETED_CASE_CLOSED }]);
		return { ...written, note: DELETED_CASE_CLOSED };
	});
	return result.outcome;
}
