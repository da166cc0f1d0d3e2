// The ticket stream kept busy: tickets prepared a few at a time, batches of up to 200 that span source pages, the next batch sent while the last one's job runs.
import type { SourceId, Ticket } from '../model';
import type { IdMapRow, KayakoId } from '../store';
import { keyOf, type RunContext } from './context';
import { filteredOut } from './filters';
import { handleDeletedTicket } from './deleted-tickets';
import { isMigrated, skipRecord } from './record-step';
import { noteUse } from './record-use';
import type { ReferenceResolver } from './references';
import { migrateChanged, revived } from './ticket-delta';
import { count, preparePooled, type Prepared } from './ticket-prepare';
import { migrateBatch, reconcilePending } from './tickets';
import { noteSeen } from '../reports/labels';
import { bringPeopleOfPage } from './page-people';

/** Batches sent and not yet settled at once: one whose job Kayako runs, the next one uploading and sending. */
export const BATCHES_IN_FLIGHT = 2;

interface Waiting {
	promise: Promise<void>;
	settle: () => void;
}

function waiting(): Waiting {
	let settle = () => {};
	const promise = new Promise<void>((resolve) => (settle = resolve));
	return { promise, settle };
}

/**
 * One per ticket stream. `page` takes the source's pages in order and answers, for each, a promise that settles once
 * every ticket of that page is done (migrated, failed, skipped) or left pending on a job: only then may the stream's
 * checkpoint pass the page. Prepared tickets wait in a buffer until a batch is full (`batchSize`, across pages), the
 * stream ends (`finish`) or the run is paused; a ticket is marked pending only when its batch is sent.
 */
export class TicketFlow {
	#buffer: Prepared[] = [];
	/** Tickets in the buffer or in a batch being sent: a ticket met again (the export repeats an updated one) waits for them. */
	readonly #open = new Map<SourceId, Waiting>();
	readonly #sending = new Set<Promise<void>>();
	#failure: { error: unknown } | undefined;
	#stopped = false;

	constructor(
		private readonly context: RunContext,
		private readonly resolver: ReferenceResolver
	) {}

	/** Throws what stopped a batch sent earlier (a fatal error: login, storage): nothing more may be sent or passed. */
	check(): void {
		if (this.#failure) throw this.#failure.error;
		if (this.#stopped) throw new Error('The ticket stream has stopped: no checkpoint passes tickets that were let go.');
	}

	/** Before each ticket and page: a pause first sends the partial batch (so nothing waits half-done), then waits; a cancel throws. */
	async gate(): Promise<void> {
		this.check();
		if (this.context.control.paused) await this.#flush();
		await this.context.control.checkpoint();
		this.check();
	}

	/** Handles one page; answers when its tickets are prepared and queued, with a promise (`settled`) that settles once they are done. */
	async page(tickets: readonly Ticket[]): Promise<{ settled: Promise<void> }> {
		const { context } = this;
		const todo = new Map<SourceId, Ticket>();
		const pending = new Map<SourceId, Ticket>();
		const changed: { ticket: Ticket; row: IdMapRow & { kayakoId: KayakoId } }[] = [];
		const settled: Promise<void>[] = [];
		for (const ticket of tickets) {
			await this.gate();
			noteSeen(context.run.id, 'tickets', ticket.id, ticket);
			await this.#waitFor(ticket.id);
			const row = await revived(context, await context.store.getIdMapRow(keyOf(context, 'tickets', ticket.id)));
			// Handled by this run already (the recent tickets first, or a page read again after a crash): counted then.
			if (row && row.runId === context.run.id && row.status !== 'pending') continue;
			// Counted as there by this run already (before a crash: its page is read again, as its checkpoint lagged).
			if (isMigrated(row) && row.usedBy?.includes(context.run.id)) continue;
			if (ticket.deleted) {
				count(context, await handleDeletedTicket(context, this.resolver, ticket, row));
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
			(row?.status === 'pending' ? pending : todo).set(ticket.id, ticket);
		}
		await bringPeopleOfPage(context, this.resolver, [...pending.values(), ...todo.values(), ...changed.map((each) => each.ticket)]);
		const queue = (prepared: Prepared) => this.#queue(prepared, settled);
		// Left pending by a crash or a lost answer: looked up in Kayako first, a batch at a time; what is not there is sent.
		const { batchSize } = context.options;
		const left = [...pending.values()];
		for (let start = 0; start < left.length; start += batchSize) {
			const group: Prepared[] = [];
			await preparePooled(context, this.resolver, left.slice(start, start + batchSize), () => this.gate(), async (prepared) => void group.push(prepared));
			for (const each of await reconcilePending(context, group)) await queue(each);
		}
		await preparePooled(context, this.resolver, [...todo.values()], () => this.gate(), queue);
		for (const { ticket, row } of changed) {
			await this.gate();
			await migrateChanged(context, this.resolver, ticket, row);
		}
		// Wrapped: an async function answering a promise would wait for it, and it settles only once later batches are sent.
		return { settled: Promise.all(settled).then(() => undefined) };
	}

	/** The end of the stream: the partial batch is sent and every batch followed to its end. */
	async finish(): Promise<void> {
		this.check();
		await this.#flush();
		await this.#drain();
		this.check();
	}

	/**
	 * The run stops (cancel, a fatal error): tickets still in the buffer were never marked pending and are let go (the
	 * checkpoint has not passed them); batches already sent are followed to their end, so their rows say what Kayako did.
	 */
	async stop(): Promise<void> {
		this.#stopped = true;
		for (const prepared of this.#buffer.splice(0)) this.#release(prepared.bundle.ticket.id);
		await this.#drain();
	}

	async #queue(prepared: Prepared, settled: Promise<void>[]): Promise<void> {
		const open = waiting();
		this.#open.set(prepared.bundle.ticket.id, open);
		settled.push(open.promise);
		this.#buffer.push(prepared);
		if (this.#buffer.length >= this.context.options.batchSize) await this.#send(this.#buffer.splice(0, this.context.options.batchSize));
	}

	async #flush(): Promise<void> {
		if (this.#buffer.length > 0) await this.#send(this.#buffer.splice(0));
	}

	/** Sends a batch in the background once fewer than `BATCHES_IN_FLIGHT` are out: the caller goes on preparing. */
	async #send(batch: Prepared[]): Promise<void> {
		try {
			while (this.#sending.size >= BATCHES_IN_FLIGHT) await Promise.race(this.#sending);
			this.check();
		} catch (error) {
			// Not sent (an earlier batch stopped the run): never marked pending, so let go like the buffer on stop.
			for (const each of batch) this.#release(each.bundle.ticket.id);
			throw error;
		}
		const sent: Promise<void> = migrateBatch(this.context, this.resolver, batch)
			.catch((error: unknown) => {
				this.#failure ??= { error };
			})
			.finally(() => {
				this.#sending.delete(sent);
				for (const each of batch) this.#release(each.bundle.ticket.id);
			});
		this.#sending.add(sent);
	}

	async #drain(): Promise<void> {
		while (this.#sending.size > 0) await Promise.all(this.#sending);
	}

	/** A ticket met while an earlier copy of it is on its way: that copy is sent and settled first, then the row says what happened. */
	async #waitFor(sourceId: SourceId): Promise<void> {
		const open = this.#open.get(sourceId);
		if (!open) return;
		if (this.#buffer.some((each) => each.bundle.ticket.id === sourceId)) await this.#flush();
		await open.promise;
	}

	#release(sourceId: SourceId): void {
		this.#open.get(sourceId)?.settle();
		this.#open.delete(sourceId);
	}
}

/** Tickets handed over whole (a demo's sample): prepared, sent and settled before this returns. */
export async function migrateTickets(context: RunContext, resolver: ReferenceResolver, tickets: readonly Ticket[]): Promise<void> {
	const flow = new TicketFlow(context, resolver);
	try {
		await flow.page(tickets);
		await flow.finish();
	} catch (error) {
		await flow.stop();
		throw error;
	}
}
