// The bulk jobs of the tickets being created, kept with their pending id-map rows: a job the target accepted is waited for, after a crash too.
import type { SourceId } from '../model';
import type { IdMapKey } from '../store';
import type { RunContext } from './context';

/** How the pipeline keeps the target's bulk jobs, so that a job Kayako accepted is never followed by a second send. */
export interface TicketJobs {
	/** Jobs an earlier attempt started for these tickets and that may not have ended: source id -> job id. */
	readonly started: ReadonlyMap<SourceId, number>;
	/** Tickets an earlier attempt was sending when it stopped (a crash), with no job known: how many ms ago. */
	readonly unsure: ReadonlyMap<SourceId, number>;
	/** The target accepted a job for these tickets; called before it waits, so the id is stored with their pending rows. */
	accepted(jobId: number, sourceIds: readonly SourceId[]): Promise<void>;
	/** The job has ended (or the target no longer knows it): what it made can be looked up now. */
	ended(jobId: number): void;
	/** Just before the send: what the report must say of each ticket, kept with its pending row for a case found later. */
	sending?(notes: ReadonlyMap<SourceId, string>): Promise<void>;
	/** A delta's re-import: ticket -> the case it replaces, which does not count as the ticket's case. */
	readonly replacing?: ReadonlyMap<SourceId, number>;
}

/** The jobs of one call of `target.tickets`, read from and written to the id map. */
export class StoredTicketJobs implements TicketJobs {
	readonly started = new Map<SourceId, number>();
	readonly unsure = new Map<SourceId, number>();
	readonly #jobOf = new Map<SourceId, number>();
	readonly #open = new Set<number>();

	private constructor(
		private readonly context: RunContext,
		private readonly entity: string
	) {}

	/**
	 * The jobs the rows of these tickets still carry: each is followed to its end before the tickets are sent. With
	 * `sends`, read before the rows are marked pending again: a row still pending without a job was being sent when
	 * an earlier run stopped, at the time it was marked. The keys are of one kind (tickets, or the customers and
	 * organizations created in bulk).
	 */
	static async of(context: RunContext, keys: readonly IdMapKey[], sends = false): Promise<StoredTicketJobs> {
		const jobs = new StoredTicketJobs(context, keys[0]?.entity ?? 'tickets');
		for (const key of keys) {
			const row = await context.store.getIdMapRow(key);
			const jobId = row?.jobId;
			if (sends && row?.status === 'pending' && jobId === undefined) jobs.unsure.set(key.sourceId, Math.max(0, context.now() - row.updatedAt));
			if (jobId === undefined) continue;
			jobs.started.set(key.sourceId, jobId);
			jobs.#jobOf.set(key.sourceId, jobId);
			jobs.#open.add(jobId);
		}
		return jobs;
	}

	async accepted(jobId: number, sourceIds: readonly SourceId[]): Promise<void> {
		const { run, store } = this.context;
		await store.markJobAccepted(run.id, sourceIds.map((sourceId) => ({ migrationId: run.migrationId, entity: this.entity, sourceId })), jobId);
		this.#open.add(jobId);
		for (const sourceId of sourceIds) this.#jobOf.set(sourceId, jobId);
	}

	async sending(notes: ReadonlyMap<SourceId, string>): Promise<void> {
		const { run, store } = this.context;
		await store.notePending(run.id, [...notes].map(([sourceId, reason]) => ({ migrationId: run.migrationId, entity: this.entity, sourceId, reason })));
	}

	ended(jobId: number): void {
		this.#open.delete(jobId);
	}

	/** The job that may still create this ticket: set when the wait for it ran out. Nothing may be sent for the ticket then. */
	unfinished(sourceId: SourceId): number | undefined {
		const jobId = this.#jobOf.get(sourceId);
		return jobId !== undefined && this.#open.has(jobId) ? jobId : undefined;
	}
}
