// One timer for the bulk jobs in flight: each job is first polled when it is likely done, the jobs due together are polled together, and each is followed to its end.
import { MigrationError } from '../../../errors';
import type { KayakoSession } from '../session';
import { defaultSleep } from './context';
import { jobTimesOf, type JobTimes } from './job-timing';
import { JobUnfinished, POLL_AGAIN, type BulkJob } from './jobs';

/** Jobs due within this much of each other are polled at the same turn of the timer. */
const TOGETHER_MS = 250;

export interface Followed {
	/** Kayako no longer knows the job (404: it ended long ago and was cleared): undefined. */
	job: BulkJob | undefined;
	/** How long it was followed, as the waits count it. */
	waitedMs: number;
}

interface InFlight {
	jobId: number;
	/** Rows sent with it; undefined for a job an earlier attempt started, whose age is unknown (polled at once, not learned from). */
	rows: number | undefined;
	maxWaitMs: number;
	joinedAt: number;
	nextAt: number;
	gap?: number;
	/** When a poll last saw it running, ms after it joined. */
	runningAt?: number;
	status: string;
	/** A poll of it is on its way: it is not polled again meanwhile. */
	polling?: boolean;
	settle(outcome: { ok: Followed } | { error: unknown }): void;
}

/**
 * The jobs one session follows with one sleep. Its clock is the time its timer has slept (the waits as written, like
 * every wait of the writer): polls themselves do not count, and when no job is in flight it stands still. The timer
 * sleeps until the next job is due; a job that joins meanwhile and is due sooner gets a wake-up of its own.
 */
export class JobPoller {
	#now = 0;
	readonly #jobs = new Set<InFlight>();
	/** The clock times a sleep is on its way to. */
	readonly #wakeUps = new Set<number>();

	constructor(
		private readonly session: KayakoSession,
		private readonly sleep: (ms: number) => Promise<void>,
		private readonly times: JobTimes
	) {}

	/** Follows the job until Kayako says it COMPLETED or FAILED (or forgot it); `JobUnfinished` once `maxWaitMs` has passed. */
	follow(jobId: number, rows: number | undefined, maxWaitMs: number): Promise<Followed> {
		return new Promise<Followed>((resolve, reject) => {
			const firstPoll = rows === undefined ? 0 : this.times.likelyDone(rows);
			this.#jobs.add({
				jobId,
				rows,
				maxWaitMs,
				joinedAt: this.#now,
				nextAt: this.#now + Math.min(firstPoll, maxWaitMs),
				status: 'PENDING',
				settle: (outcome) => ('ok' in outcome ? resolve(outcome.ok) : reject(outcome.error))
			});
			this.#turn();
		});
	}

	/** Polls the jobs that are due, with those due soon after, and sets the timer for the next one. */
	#turn(): void {
		const waiting = [...this.#jobs].filter((job) => !job.polling);
		const due = waiting.some((job) => job.nextAt <= this.#now) ? waiting.filter((job) => job.nextAt <= this.#now + TOGETHER_MS) : [];
		for (const job of due) void this.#poll(job);
		const rest = waiting.filter((job) => !due.includes(job));
		if (rest.length === 0) return;
		const next = Math.min(...rest.map((job) => job.nextAt));
		if ([...this.#wakeUps].some((at) => at <= next)) return;
		this.#wakeUps.add(next);
		this.sleep(next - this.#now).then(
			() => {
				this.#wakeUps.delete(next);
				this.#now = Math.max(this.#now, next);
				this.#turn();
			},
			(error: unknown) => {
				// The sleep itself failed: no job can be followed further by this timer.
				this.#wakeUps.clear();
				for (const job of [...this.#jobs]) this.#end(job, { error });
			}
		);
	}

	async #poll(job: InFlight): Promise<void> {
		job.polling = true;
		const at = this.#now - job.joinedAt;
		try {
			const seen = (await this.session.request<BulkJob>({ method: 'GET', path: `jobs/${job.jobId}.json` })).data;
			if (seen.status === 'COMPLETED' || seen.status === 'FAILED') {
				if (job.rows !== undefined) this.times.learn(job.rows, at, job.runningAt);
				return this.#end(job, { ok: { job: { ...seen, errors: seen.errors ?? [] }, waitedMs: at } });
			}
			job.status = seen.status;
			job.runningAt = at;
		} catch (error) {
			if (error instanceof MigrationError && error.info.status === 404) return this.#end(job, { ok: { job: undefined, waitedMs: at } });
			// A poll is a GET: one that failed for a passing reason is simply asked again.
			if (!(error instanceof MigrationError) || !POLL_AGAIN.has(error.kind)) return this.#end(job, { error });
		} finally {
			job.polling = false;
		}
		if (at >= job.maxWaitMs) return this.#end(job, { error: new JobUnfinished(job.jobId, job.status, at) });
		job.gap = this.times.nextGap(job.rows ?? 0, job.gap);
		job.nextAt = Math.min(this.#now + job.gap, job.joinedAt + job.maxWaitMs);
		this.#turn();
	}

	#end(job: InFlight, outcome: { ok: Followed } | { error: unknown }): void {
		this.#jobs.delete(job);
		job.settle(outcome);
	}
}

const pollers = new WeakMap<KayakoSession, Map<(ms: number) => Promise<void>, JobPoller>>();

/** The timer of this session's jobs for this sleep (tests give their own); the job times are the session's. */
export function jobPollerOf(session: KayakoSession, sleep: ((ms: number) => Promise<void>) | undefined): JobPoller {
	const wait = sleep ?? defaultSleep;
	let bySleep = pollers.get(session);
	if (!bySleep) pollers.set(session, (bySleep = new Map()));
	let poller = bySleep.get(wait);
	if (!poller) bySleep.set(wait, (poller = new JobPoller(session, wait, jobTimesOf(session))));
	return poller;
}
