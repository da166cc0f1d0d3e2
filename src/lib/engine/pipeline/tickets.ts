// Tickets sent to Kayako in batches with all their comments: one bulk create, one outcome per ticket, lost answers settled.
import { MigrationError } from '../errors';
import type { SourceId } from '../model';
import type { IdMapKey, KayakoId } from '../store';
import type { RunContext } from './context';
import { contentHash } from './hash';
import { isFatal, isTransient, migrateRecord, NotThisRun, reasonOf, type StepResult } from './record-step';
import type { ReferenceResolver } from './references';
import type { BatchOutcome } from './target';
import { StoredTicketJobs } from './ticket-jobs';
import { count, hashed, noteOf, partsOf, type Prepared } from './ticket-prepare';

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
export async function reconcilePending(context: RunContext, pending: Prepared[]): Promise<Prepared[]> {
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

/** Sends prepared tickets as one batch; each ends migrated, failed with its reason, or pending on a job Kayako may still run. */
export async function migrateBatch(context: RunContext, resolver: ReferenceResolver, prepared: Prepared[]): Promise<void> {
	if (prepared.length === 0) return;
	const refs = resolver.references(context.options.defaultAgentId, prepared.map((each) => each.held));
	const jobs = await StoredTicketJobs.of(context, prepared.map((each) => each.key), true);
	await context.store.markPending(context.run.id, prepared.map((each) => each.key));
	let outcomes: Map<SourceId, BatchOutcome>;
	try {
		outcomes = await context.target.tickets(prepared.map((each) => each.bundle), refs, jobs);
	} catch (error) {
		if (isFatal(error)) throw error;
		// The batch as a whole failed (or its answer was lost): find what Kayako made, then one by one, so one bad ticket cannot sink the others.
		for (const each of await reconcilePending(context, prepared)) await one(context, resolver, each);
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
		const outcomes = await context.target.tickets([prepared.bundle], resolver.references(context.options.defaultAgentId, [prepared.held]), jobs);
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
