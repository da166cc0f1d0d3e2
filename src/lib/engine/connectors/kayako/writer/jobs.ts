// Bulk jobs: wait for one to finish (GET /jobs/:id) with backoff, and read its per-row errors.
import { MigrationError } from '../../../errors';
import type { KayakoSession } from '../session';
import { defaultSleep } from './context';

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
	/** Give up after this long; the rows are then looked up by legacy id later. Default 15 minutes. */
	maxWaitMs?: number;
}

/** Polls until the job is COMPLETED or FAILED; the job alone is never trusted for what it created (callers look up by legacy id). */
export async function waitForJob(session: KayakoSession, jobId: number, options: WaitOptions = {}): Promise<BulkJob> {
	const sleep = options.sleep ?? defaultSleep;
	const maxWaitMs = options.maxWaitMs ?? 15 * 60_000;
	let waited = 0;
	for (let delay = 500; ; delay = Math.min(Math.round(delay * 1.5), 5_000)) {
		const job = (await session.request<BulkJob>({ method: 'GET', path: `jobs/${jobId}.json` })).data;
		if (job.status === 'COMPLETED' || job.status === 'FAILED') return { ...job, errors: job.errors ?? [] };
		if (waited >= maxWaitMs) {
			throw new MigrationError({ kind: 'timeout', message: `Kayako's bulk job ${jobId} was still ${job.status} after ${Math.round(waited / 1000)} s; its records are looked up again on the next run.` });
		}
		await sleep(delay);
		waited += delay;
	}
}
