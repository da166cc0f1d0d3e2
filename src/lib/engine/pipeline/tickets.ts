// Tickets move in batches with all their comments: references first, then one bulk create, one outcome per ticket.
import { MigrationError } from '../errors';
import type { SourceId, Ticket, TicketBundle } from '../model';
import type { IdMapKey, IdMapRow, KayakoId } from '../store';
import { keyOf, type RunContext } from './context';
import { filteredOut } from './filters';
import { contentHash } from './hash';
import { isFatal, isMigrated, isTransient, migrateRecord, reasonOf, skipRecord, type StepResult } from './record-step';
import { noteUse } from './record-use';
import type { ReferenceResolver } from './references';
import type { BatchOutcome } from './target';

interface Prepared {
	bundle: TicketBundle;
	key: IdMapKey;
	hash: string;
	/** What the report says about this ticket's references (a departed agent replaced, ...). */
	notes: string[];
}

/** Handles one page of tickets from the source: filters, already-migrated ones, reconciliation, then batches. */
export async function migrateTicketPage(context: RunContext, resolver: ReferenceResolver, tickets: Ticket[]): Promise<void> {
	const todo: Ticket[] = [];
	const pending: Ticket[] = [];
	const changed: { ticket: Ticket; row: IdMapRow & { kayakoId: KayakoId } }[] = [];
	for (const ticket of tickets) {
		await context.control.checkpoint();
		const row = await context.store.getIdMapRow(keyOf(context, 'tickets', ticket.id));
		// Handled by this run already (the recent tickets first, or a page read again after a crash): counted then.
		if (row && row.runId === context.run.id && row.status !== 'pending') continue;
		const skipped = filteredOut(ticket, context.options.filters);
		if (skipped) {
			count(context, (await skipRecord(context, 'tickets', ticket.id, skipped, { row })).outcome);
			continue;
		}
		if (isMigrated(row)) {
			if (context.run.kind === 'delta') changed.push({ ticket, row });
			else {
				await noteUse(context, row);
				count(context, 'already');
			}
			continue;
		}
		(row?.status === 'pending' ? pending : todo).push(ticket);
	}
	todo.push(...(await reconcilePending(context, pending)));
	for (let start = 0; start < todo.length; start += context.options.batchSize) {
		await migrateBatch(context, resolver, todo.slice(start, start + context.options.batchSize));
	}
	for (const { ticket, row } of changed) await updateTicket(context, resolver, ticket, row);
}

/** Delta: a ticket migrated before gets its new comments appended and its changed properties updated; nothing is sent when nothing changed. */
async function updateTicket(context: RunContext, resolver: ReferenceResolver, ticket: Ticket, row: IdMapRow & { kayakoId: KayakoId }): Promise<void> {
	await context.control.checkpoint();
	const prepared = await prepare(context, resolver, ticket);
	if (prepared.hash === row.contentHash) {
		await noteUse(context, row);
		count(context, 'already');
		return;
	}
	const moved = new Set(row.parts ?? []);
	const newComments = prepared.bundle.comments.filter((comment) => !moved.has(comment.id));
	const record = hashed(ticket, partsOf(prepared));
	const result = await migrateRecord(context, 'tickets', ticket.id, record, () => Promise.reject(new Error('unreachable: the ticket is migrated')), async (kayakoId) => {
		const written = await context.target.updateTicket(kayakoId, prepared.bundle, newComments, resolver.references(context.options.defaultAgentId));
		await context.store.markMigrated(context.run.id, [{ ...prepared.key, kayakoId, contentHash: prepared.hash, parts: partsOf(prepared) }]);
		return written;
	});
	count(context, result.outcome === 'already' ? 'already' : result.outcome);
}

/** What a ticket's content hash covers: the ticket and which comments it has. */
function hashed(ticket: Ticket, commentIds: string[]): unknown {
	return { ticket, comments: commentIds };
}

function partsOf(prepared: Prepared): string[] {
	return prepared.bundle.comments.map((comment) => comment.id);
}

/** A ticket left pending by a crash or a lost answer may exist in Kayako: one lookup for all of them before anything is re-sent. */
async function reconcilePending(context: RunContext, pending: Ticket[]): Promise<Ticket[]> {
	if (pending.length === 0) return [];
	const found = await context.target.findExisting('tickets', pending.map((ticket) => ({ sourceId: ticket.id, record: ticket })));
	const left: Ticket[] = [];
	for (const ticket of pending) {
		const kayakoId = found.get(ticket.id);
		if (kayakoId === undefined) {
			left.push(ticket);
			continue;
		}
		await context.store.markMigrated(context.run.id, [{ ...keyOf(context, 'tickets', ticket.id), kayakoId }]);
		count(context, 'migrated');
	}
	return left;
}

async function migrateBatch(context: RunContext, resolver: ReferenceResolver, tickets: Ticket[]): Promise<void> {
	const prepared: Prepared[] = [];
	for (const ticket of tickets) {
		await context.control.checkpoint();
		prepared.push(await prepare(context, resolver, ticket));
	}
	const refs = resolver.references(context.options.defaultAgentId);
	await context.store.markPending(context.run.id, prepared.map((each) => each.key));
	let outcomes: Map<SourceId, BatchOutcome>;
	try {
		outcomes = await context.target.tickets(prepared.map((each) => each.bundle), refs);
	} catch (error) {
		if (isFatal(error)) throw error;
		// The batch as a whole failed (or its answer was lost): find what Kayako made, then one by one, so one bad ticket cannot sink the others.
		const left = await reconcilePending(context, prepared.map((each) => each.bundle.ticket));
		const byId = new Map(prepared.map((each) => [each.bundle.ticket.id, each]));
		for (const ticket of left) await one(context, resolver, byId.get(ticket.id)!);
		return;
	}
	for (const each of prepared) {
		const outcome = outcomes.get(each.bundle.ticket.id);
		if (outcome?.ok) {
			const note = [...each.notes, outcome.note].filter(Boolean).join(' ') || undefined;
			await context.store.markMigrated(context.run.id, [{ ...each.key, kayakoId: outcome.kayakoId, contentHash: each.hash, note, parts: partsOf(each) }]);
			count(context, 'migrated');
			continue;
		}
		const error = outcome ? new MigrationError(outcome.error) : new MigrationError({ kind: 'malformed-response', message: 'Kayako answered the batch without a result for this ticket.' });
		if (isFatal(error)) throw error;
		// Retried alone, with reconciliation first, within the record's budget.
		await one(context, resolver, each, error);
	}
}

/** One ticket through the record step: pending, create, reconcile on doubt, fail with its reason. */
async function one(context: RunContext, resolver: ReferenceResolver, prepared: Prepared, firstError?: MigrationError): Promise<void> {
	if (firstError && !isTransient(firstError)) {
		await context.store.markFailed(context.run.id, [{ ...prepared.key, reason: reasonOf(firstError) }]);
		count(context, 'failed');
		return;
	}
	const record = hashed(prepared.bundle.ticket, partsOf(prepared));
	const result: StepResult = await migrateRecord(context, 'tickets', prepared.bundle.ticket.id, record, async () => {
		const outcomes = await context.target.tickets([prepared.bundle], resolver.references(context.options.defaultAgentId));
		const outcome = outcomes.get(prepared.bundle.ticket.id);
		if (!outcome) throw new MigrationError({ kind: 'malformed-response', message: 'Kayako answered without a result for this ticket.' });
		if (!outcome.ok) throw new MigrationError(outcome.error);
		return { kayakoId: outcome.kayakoId, note: [...prepared.notes, outcome.note].filter(Boolean).join(' ') || undefined };
	});
	if (result.outcome === 'migrated' && result.kayakoId !== undefined) {
		await context.store.markMigrated(context.run.id, [{ ...prepared.key, kayakoId: result.kayakoId, contentHash: prepared.hash, parts: partsOf(prepared) }]);
	}
	count(context, result.outcome);
}

/** Reads the comments, brings every referenced user, organisation and team into Kayako, and notes substitutions. */
async function prepare(context: RunContext, resolver: ReferenceResolver, ticket: Ticket): Promise<Prepared> {
	const comments = await context.source.comments(ticket.id, context.control.signal);
	const notes: string[] = [];
	const person = async (role: string, id: SourceId | undefined): Promise<KayakoId | undefined> => {
		if (id === undefined) return undefined;
		const kayakoId = await resolver.ensure('users', id);
		if (kayakoId === undefined) notes.push(`The ${role} (user ${id}) was not moved; the default agent stands in.`);
		return kayakoId;
	};
	await person('requester', ticket.requesterId);
	await person('submitter', ticket.submitterId);
	await person('assignee', ticket.assigneeId);
	await resolver.ensure('organizations', ticket.organizationId);
	if (ticket.teamId && (await resolver.ensure('teams', ticket.teamId)) === undefined) notes.push(`Group ${ticket.teamId} was not moved; the ticket has no team.`);
	const authors = new Set(comments.map((comment) => comment.authorId).filter((id): id is SourceId => id !== undefined));
	for (const author of authors) await person('author of a comment', author);
	for (const follower of ticket.followerIds) await resolver.ensure('users', follower);
	for (const fieldId of Object.keys(ticket.fields)) await resolver.lookup('fields', fieldId);
	return {
		bundle: { ticket, comments },
		key: keyOf(context, 'tickets', ticket.id),
		hash: contentHash(hashed(ticket, comments.map((comment) => comment.id))),
		notes: [...new Set(notes)]
	};
}

function count(context: RunContext, outcome: StepResult['outcome']): void {
	context.progress.count('tickets', outcome);
	context.report();
}

