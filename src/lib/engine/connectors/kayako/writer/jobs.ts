// Bulk jobs: follow one to its end (GET /jobs/:id) on the session's one poll timer, through garbled or failed polls, and read its per-row errors.
import { MigrationError, type ErrorKind } from '../../../errors';
import type { KayakoSession } from '../session';
import { jobPollerOf } from './job-poller';

export interface BulkJobError {
	index: number;
	legacy_id: string | null;
	code: string;
	parameter?: string;
	message?: string;
}

export interface BulkJob {
	id: number;
	status: 'PENDING' | 'PROCESSING' | 'COMPLETED' | 'FAILED';
	errors: BulkJobError[];
}

export interface WaitOptions {
	sleep?: (ms: number) => Promise<void>;
	/**
	 * The rows sent with the job, which was accepted just now: its first poll comes when a job of that size is likely
	 * done, and its time is learned from. Without it (a job an earlier attempt started) it is polled at once.
	 */
	rows?: number;
	/** Give up after this long; the rows then stay with the job's id and the next attempt waits again. Default 20 minutes. */
	maxWaitMs?: number;
}

/** Real Kayako jobs may take minutes under load: a generous limit, and even past it nothing is sent again. */
export const JOB_WAIT_MS = 20 * 60_000;

/** Failures of a poll worth another poll: a GET changes nothing, so a garbled or lost answer is simply asked again. */
export const POLL_AGAIN: ReadonlySet<ErrorKind> = new Set<ErrorKind>(['server-error', 'network', 'timeout', 'rate-limited', 'unknown-outcome', 'malformed-response']);

/** The job has not ended within the wait: its rows may still be created, so none of them may be sent again. */
export class JobUnfinished extends MigrationError {
	constructor(
		readonly jobId: number,
		status: string,
		waitedMs: number
	) {
		super({
			kind: 'timeout',
			message: `Kayako had not finished importing these tickets (bulk job ${jobId} was still ${status} after ${duration(waitedMs)}); nothing was sent again, and the next run waits for that job first.`
		});
		this.name = 'JobUnfinished';
	}
}

function duration(ms: number): string {
	return ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;
}

export function nextDelay(delay: number): number {
	return Math.min(Math.round(delay * 1.5), 5_000);
}

/**
 * Polls until the job is COMPLETED or FAILED, and returns it; undefined when Kayako no longer knows the job
 * (404: it ended long ago and was cleared). A poll that comes too soon or fails for a passing reason is followed by
 * another: only the limit ends the wait, with `JobUnfinished`. The jobs in flight share one timer (`job-poller.ts`).
 * The job alone is never trusted for what it created: callers look up by legacy id.
 */
export function waitForJob(session: KayakoSession, jobId: number, options: WaitOptions = {}): Promise<{ job: BulkJob | undefined; waitedMs: number }> {
	return jobPollerOf(session, options.sleep).follow(jobId, options.rows, options.maxWaitMs ?? JOB_WAIT_MS);
}
