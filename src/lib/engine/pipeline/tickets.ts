// Tickets move in batches with all their comments: references first, then one bulk create, one outcome per ticket.
import { MigrationError } from '../errors';
import type { SourceId, Ticket, TicketBundle } from '../model';
import type { IdMapKey, IdMapRow, KayakoId } from '../store';
import { keyOf, type RunContext } from './context';
import { filteredOut } from './filters';
import { handleDeletedTicket } from './deleted-tickets';
import { contentHash } from './hash';
import { isFatal, isMigrated, isTransient, migrateRecord, NotThisRun, reasonOf, repeatWithinBudget, skipRecord, type StepResult } from './record-step';
import { noteUse } from './record-use';
import type { ReferenceResolver } from './references';
import type { BatchOutcome } from './target';
import { StoredTicketJobs } from './ticket-jobs';
import { reimportTicket } from './ticket-reimport';
import { namedInEvents } from './stand-in-notes';
import { nameOf, noteSeen, personOf } from '../reports/labels';
import { because, plainReason } from '../reports/reasons/because';
import type { PersonRole } from '../reports/reasons/codes';

interface Prepared {
	bundle: TicketBundle;
	key: IdMapKey;
	hash: string;
	/** What the report says about this ticket's references (a departed agent replaced, ...). */
	notes: string[];
	/** The ticket's id-map row as it was before this attempt wrote to it. */
	row: IdMapRow | undefined;
}

/** Handles one page of tickets from the source: filters, already-migrated ones, reconciliation, then batches. */
export async function migrateTicketPage(context: RunContext, resolver: ReferenceResolver, tickets: Ticket[]): Promise<void> {
	const todo: Ticket[] = [];
	const pending: Ticket[] = [];
	const changed: { ticket: Ticket; row: IdMapRow & { kayakoId: KayakoId } }[] = [];
	for (const ticket of tickets) {
		await context.control.checkpoint();
		noteSeen(context.run.id, 'tickets', ticket.id, ticket);
		const row = await revived(context, await context.store.getIdMapRow(keyOf(context, 'tickets', ticket.id)));
		// Handled by this run already (the recent tickets first, or a page read again after a crash): counted then.
		if (row && row.runId === context.run.id && row.status !== 'pending') continue;
		if (ticket.deleted) {
			count(context, await handleDeletedTicket(context, resolver, ticket, row));
			continue;
		}
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
	// Prepared a batch at a time: a page of the export may hold a thousand tickets, their comments too many to hold at once.
	const { batchSize } = context.options;
	for (let start = 0; start < pending.length; start += batchSize) {
		const left = await reconcilePending(context, resolver, await prepareAll(context, resolver, pending.slice(start, start + batchSize)));
		await migrateBatch(context, resolver, left);
	}
	for (let start = 0; start < todo.length; start += batchSize) {
		await migrateBatch(context, resolver, await prepareAll(context, resolver, todo.slice(start, start + batchSize)));
	}
	const reimport = context.options.deltaTickets === 'reimport' && context.target.reimport !== undefined;
	for (const { ticket, row } of changed) await (reimport ? reimportChanged : updateTicket)(context, resolver, ticket, row);
}

/**
 * A ticket whose delta update failed in an earlier run is still the case it was then, with the comments of then: it
 * goes back to migrated as it was, so this run updates it. Created again it would be matched, and its new comments lost.
 */
async function revived(context: RunContext, row: IdMapRow | undefined): Promise<IdMapRow | undefined> {
	if (row?.status !== 'failed' || row.runId === context.run.id || row.kayakoId === undefined || row.contentHash === undefined || row.parts === undefined) return row;
	const { reason: _reason, ...rest } = row;
	const again: IdMapRow = { ...rest, status: 'migrated' };
	await context.store.putIdMapRows([again]);
	return again;
}

/** Prepares each ticket; one that cannot be prepared is failed with its reason and left out. */
async function prepareAll(context: RunContext, resolver: ReferenceResolver, tickets: Ticket[]): Promise<Prepared[]> {
	const prepared: Prepared[] = [];
	for (const ticket of tickets) {
		await context.control.checkpoint();
		const each = await prepareOrFail(context, resolver, ticket);
		if (each) prepared.push(each);
	}
	return prepared;
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
	await resolver.people.learn(newComments.map((comment) => comment.authorId));
	const record = hashed(ticket, partsOf(prepared));
	const result = await migrateRecord(context, 'tickets', ticket.id, record, () => Promise.reject(new Error('unreachable: the ticket is migrated')), async (kayakoId) => {
		const written = await context.target.updateTicket(kayakoId, prepared.bundle, newComments, resolver.references(context.options.defaultAgentId));
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
	const result = await reimportTicket(context, resolver.references(context.options.defaultAgentId), input, row.kayakoId);
	if (result.ok) return count(context, 'migrated');
	await context.store.markFailed(context.run.id, [{ ...prepared.key, reason: result.reason }]);
	await context.log('warn', `tickets ${ticket.id} failed: ${result.reason}`, { kind: 'tickets', sourceId: ticket.id });
	count(context, 'failed');
}

/** What a ticket's content hash covers: the ticket and which comments it has. */
function hashed(ticket: Ticket, commentIds: string[]): unknown {
	return { ticket, comments: commentIds };
}

function partsOf(prepared: Prepared): string[] {
	return prepared.bundle.comments.map((comment) => comment.id);
}

function noteOf(prepared: Prepared, writerNote?: string): string | undefined {
	return [...prepared.notes, writerNote].filter(Boolean).join(' ') || undefined;
}

/**
 * A ticket found in Kayako: migrated with its hash and comment list, so a delta later sends only what is new. A case
 * this ticket went into before (a delta whose update failed) holds the comments of then, not of now: it keeps the
 * hash and list of then, and the next delta adds the rest.
 */
async function markFound(context: RunContext, prepared: Prepared, kayakoId: KayakoId, writerNote?: string): Promise<void> {
	const previous = prepared.row;
	const before = previous?.kayakoId === kayakoId && previous.parts !== undefined && previous.contentHash !== undefined ? previous : undefined;
	const sent = before ? undefined : sentEarlier(prepared);
	const note = noteOf(prepared, writerNote);
	await context.store.markMigrated(context.run.id, [
		{ ...prepared.key, kayakoId, contentHash: before?.contentHash ?? sent?.hash ?? prepared.hash, parts: before?.parts ?? sent?.parts ?? partsOf(prepared), ...(note !== undefined && { note }) }
	]);
}

/** Clocks differ: a comment this close before an earlier send may have missed it, and is left to the next delta. */
const CLOCK_MARGIN_MS = 10 * 60_000;

/**
 * A case found for a ticket an earlier attempt was sending (a crash, a lost answer) holds the comments of that send,
 * not those written since: only the comments older than the send count as moved, so the next delta adds the others
 * (it recognises any that were in the send after all by time and text, and posts them once). Undefined when all were older.
 */
function sentEarlier(prepared: Prepared): { hash: string; parts: string[] } | undefined {
	const row = prepared.row;
	if (row?.status !== 'pending') return undefined;
	const cutoff = row.updatedAt - CLOCK_MARGIN_MS;
	const parts = prepared.bundle.comments.filter((comment) => !(Date.parse(comment.createdAt) > cutoff)).map((comment) => comment.id);
	if (parts.length === prepared.bundle.comments.length) return undefined;
	return { hash: contentHash(hashed(prepared.bundle.ticket, parts)), parts };
}

/**
 * Tickets left pending by a crash or a lost answer may exist in Kayako: one lookup for all of them before anything
 * is re-sent. Those found are migrated with their content hash, comment list and notes; the others are returned.
 * A ticket whose bulk job may still run is not found yet: it goes back to the batch, which waits for that job first.
 */
async function reconcilePending(context: RunContext, resolver: ReferenceResolver, pending: Prepared[]): Promise<Prepared[]> {
	if (pending.length === 0) return [];
	const found = await context.target.findExisting('tickets', pending.map((each) => ({ sourceId: each.bundle.ticket.id, record: each.bundle.ticket })));
	const left: Prepared[] = [];
	for (const each of pending) {
		const kayakoId = found.get(each.bundle.ticket.id);
		if (kayakoId === undefined) {
			left.push(each);
			continue;
		}
		await markFound(context, each, kayakoId);
		count(context, 'migrated');
	}
	return left;
}

async function migrateBatch(context: RunContext, resolver: ReferenceResolver, prepared: Prepared[]): Promise<void> {
	if (prepared.length === 0) return;
	const refs = resolver.references(context.options.defaultAgentId);
	const jobs = await StoredTicketJobs.of(context, prepared.map((each) => each.key), true);
	await context.store.markPending(context.run.id, prepared.map((each) => each.key));
	let outcomes: Map<SourceId, BatchOutcome>;
	try {
		outcomes = await context.target.tickets(prepared.map((each) => each.bundle), refs, jobs);
	} catch (error) {
		if (isFatal(error)) throw error;
		// The batch as a whole failed (or its answer was lost): find what Kayako made, then one by one, so one bad ticket cannot sink the others.
		for (const each of await reconcilePending(context, resolver, prepared)) await one(context, resolver, each);
		return;
	}
	for (const each of prepared) {
		const outcome = outcomes.get(each.bundle.ticket.id);
		if (outcome?.ok) {
			await markFound(context, each, outcome.kayakoId, outcome.note);
			count(context, 'migrated');
			continue;
		}
		const error = outcome ? new MigrationError(outcome.error) : new MigrationError({ kind: 'malformed-response', message: 'Kayako answered the batch without a result for this ticket.' });
		if (isFatal(error)) throw error;
		// Kayako may still create it: sending again now could make it twice. The row keeps the job; the next run waits for it.
		if (jobs.unfinished(each.bundle.ticket.id) !== undefined) {
			await failTicket(context, each.key, error);
			continue;
		}
		// Retried alone, with reconciliation first, within the record's budget.
		await one(context, resolver, each, error);
	}
}

async function failTicket(context: RunContext, key: IdMapKey, error: unknown): Promise<void> {
	await context.store.markFailed(context.run.id, [{ ...key, reason: reasonOf(error) }]);
	count(context, 'failed');
}

/** One ticket through the record step: pending, create, reconcile on doubt, fail with its reason. */
async function one(context: RunContext, resolver: ReferenceResolver, prepared: Prepared, firstError?: MigrationError): Promise<void> {
	if (firstError && !isTransient(firstError)) {
		await failTicket(context, prepared.key, firstError);
		return;
	}
	const record = hashed(prepared.bundle.ticket, partsOf(prepared));
	let writerNote: string | undefined;
	const result: StepResult = await migrateRecord(context, 'tickets', prepared.bundle.ticket.id, record, async () => {
		const jobs = await StoredTicketJobs.of(context, [prepared.key]);
		const outcomes = await context.target.tickets([prepared.bundle], resolver.references(context.options.defaultAgentId), jobs);
		const outcome = outcomes.get(prepared.bundle.ticket.id);
		if (!outcome) throw new MigrationError({ kind: 'malformed-response', message: 'Kayako answered without a result for this ticket.' });
		if (!outcome.ok) throw jobs.unfinished(prepared.bundle.ticket.id) !== undefined ? new NotThisRun(outcome.error) : new MigrationError(outcome.error);
		writerNote = outcome.note;
		return { kayakoId: outcome.kayakoId, note: noteOf(prepared, outcome.note) };
	});
	// Found or created: the row gets the hash, the comments and every note, the ones from before this attempt too.
	if (result.outcome === 'migrated' && result.kayakoId !== undefined) await markFound(context, prepared, result.kayakoId, writerNote);
	count(context, result.outcome);
}

/** Reads the comments, brings every referenced user, organisation and team into Kayako, and notes substitutions. */
async function prepare(context: RunContext, resolver: ReferenceResolver, ticket: Ticket): Promise<Prepared> {
	const comments = await context.source.comments(ticket.id, context.control.signal);
	const notes: string[] = [];
	const missing = new Map<SourceId, PersonRole[]>();
	const person = async (role: PersonRole | undefined, id: SourceId | undefined): Promise<void> => {
		if (id === undefined) return;
		const kayakoId = await resolver.ensure('users', id);
		if (kayakoId === undefined && role && !missing.get(id)?.includes(role)) missing.set(id, [...(missing.get(id) ?? []), role]);
	};
	await person('requester', ticket.requesterId);
	await person(undefined, ticket.submitterId);
	await person('assignee', ticket.assigneeId);
	await resolver.ensure('organizations', ticket.organizationId);
	if (ticket.teamId && (await resolver.ensure('teams', ticket.teamId)) === undefined) notes.push(because('group-not-migrated', { id: ticket.teamId, name: await nameOf(context.run.id, context.store, context.run.migrationId, 'teams', ticket.teamId) }));
	const authors = new Set(comments.map((comment) => comment.authorId).filter((id): id is SourceId => id !== undefined));
	for (const author of authors) await person('comment-author', author);
	for (const follower of ticket.followerIds) await resolver.ensure('users', follower);
	// Posts by people who did not move, and event notes, name people: the writer needs their names now.
	await resolver.people.learn([...missing.keys(), ...namedInEvents(comments)]);
	// One sentence per person, naming every part they had on the ticket.
	for (const [id, roles] of missing) notes.push(because('person-not-migrated', { person: await personOf(context.run.id, context.store, context.run.migrationId, id), roles, standIn: context.options.defaultAgentId !== undefined }));
	for (const fieldId of Object.keys(ticket.fields)) await resolver.lookup('fields', fieldId);
	const key = keyOf(context, 'tickets', ticket.id);
	return {
		bundle: { ticket, comments },
		key,
		row: await context.store.getIdMapRow(key),
		hash: contentHash(hashed(ticket, comments.map((comment) => comment.id))),
		notes: [...new Set(notes)]
	};
}

/**
 * `prepare` within the record's budget: a passing failure (a garbled answer, a 503) is tried again; what still
 * fails then fails this ticket alone, with its reason, and the run goes on. Fatal errors (login, proxy, storage, cancel) stop the run.
 */
async function prepareOrFail(context: RunContext, resolver: ReferenceResolver, ticket: Ticket): Promise<Prepared | undefined> {
	const result = await repeatWithinBudget(context, () => prepare(context, resolver, ticket));
	if (result.ok) return result.value;
	const reason = because('prepare-failed', { detail: result.reason });
	await context.store.markFailed(context.run.id, [{ ...keyOf(context, 'tickets', ticket.id), reason }]);
	await context.log('warn', `tickets ${ticket.id} failed: ${plainReason(reason)}`, { kind: 'tickets', sourceId: ticket.id });
	count(context, 'failed');
	return undefined;
}

function count(context: RunContext, outcome: StepResult['outcome']): void {
	context.progress.count('tickets', outcome);
	context.report();
}

