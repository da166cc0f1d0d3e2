// A delta's tickets migrated before: new comments appended (or the ticket re-imported), nothing sent when nothing changed.
import type { Ticket } from '../model';
import type { IdMapRow, KayakoId } from '../store';
import type { RunContext } from './context';
import { migrateRecord } from './record-step';
import { noteUse } from './record-use';
import type { ReferenceResolver } from './references';
import { count, hashed, noteOf, partsOf, prepareOrFail, type Prepared } from './ticket-prepare';
import { reimportTicket } from './ticket-reimport';

/**
 * A ticket whose delta update failed in an earlier run is still the case it was then, with the comments of then: it
 * goes back to migrated as it was, so this run updates it. Created again it would be matched, and its new comments lost.
 */
export async function revived(context: RunContext, row: IdMapRow | undefined): Promise<IdMapRow | undefined> {
	if (row?.status !== 'failed' || row.runId === context.run.id || row.kayakoId === undefined || row.contentHash === undefined || row.parts === undefined) return row;
	const { reason: _reason, ...rest } = row;
	const again: IdMapRow = { ...rest, status: 'migrated' };
	await context.store.putIdMapRows([again]);
	return again;
}

/** A migrated ticket read again for a delta: updated (or re-imported, as the options say) when it changed. */
export async function migrateChanged(context: RunContext, resolver: ReferenceResolver, ticket: Ticket, row: IdMapRow & { kayakoId: KayakoId }): Promise<void> {
	const reimport = context.options.deltaTickets === 'reimport' && context.target.reimport !== undefined;
	await (reimport ? reimportChanged : updateTicket)(context, resolver, ticket, row);
}

/** A migrated ticket read again for a delta: prepared when it changed since, else undefined and counted as already there. */
async function changedSince(context: RunContext, resolver: ReferenceResolver, ticket: Ticket, row: IdMapRow & { kayakoId: KayakoId }): Promise<Prepared | undefined> {
	await context.control.checkpoint();
	const prepared = await prepareOrFail(context, resolver, ticket);
	if (!prepared || prepared.hash !== row.contentHash) return prepared;
	await noteUse(context, row);
	count(context, 'already');
	return undefined;
}

/** Delta: a ticket migrated before gets its new comments appended and its changed properties updated; nothing is sent when nothing changed. */
async function updateTicket(context: RunContext, resolver: ReferenceResolver, ticket: Ticket, row: IdMapRow & { kayakoId: KayakoId }): Promise<void> {
	const prepared = await changedSince(context, resolver, ticket, row);
	if (!prepared) return;
	const moved = new Set(row.parts ?? []);
	const newComments = prepared.bundle.comments.filter((comment) => !moved.has(comment.id));
	// Appended comments begin with their author's name, whoever wrote them.
	await resolver.people.learn(newComments.map((comment) => comment.authorId), prepared.held);
	const record = hashed(ticket, partsOf(prepared));
	const result = await migrateRecord(context, 'tickets', ticket.id, record, () => Promise.reject(new Error('unreachable: the ticket is migrated')), async (kayakoId) => {
		const written = await context.target.updateTicket(kayakoId, prepared.bundle, newComments, resolver.references(context.options.defaultAgentId, [prepared.held]));
		await context.store.markMigrated(context.run.id, [{ ...prepared.key, kayakoId, contentHash: prepared.hash, parts: partsOf(prepared) }]);
		return written;
	});
	if (result.outcome === 'migrated') await context.delta?.appended(newComments.length);
	count(context, result.outcome === 'already' ? 'already' : result.outcome);
}

/** Delta with re-import chosen: a changed ticket goes in anew with every post, author and time; its old case is trashed. */
async function reimportChanged(context: RunContext, resolver: ReferenceResolver, ticket: Ticket, row: IdMapRow & { kayakoId: KayakoId }): Promise<void> {
	const prepared = await changedSince(context, resolver, ticket, row);
	if (!prepared) return;
	const input = { bundle: prepared.bundle, key: prepared.key, hash: prepared.hash, parts: partsOf(prepared), note: noteOf(prepared) };
	const result = await reimportTicket(context, resolver.references(context.options.defaultAgentId, [prepared.held]), input, row.kayakoId);
	if (result.ok) return count(context, 'migrated');
	await context.store.markFailed(context.run.id, [{ ...prepared.key, reason: result.reason }]);
	await context.log('warn', `tickets ${ticket.id} failed: ${result.reason}`, { kind: 'tickets', sourceId: ticket.id });
	count(context, 'failed');
}
