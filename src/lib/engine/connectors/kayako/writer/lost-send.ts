// What became of a bulk send: an accepted job kept and followed to its end, earlier attempts' jobs waited for, and a send whose answer was lost settled by legacy id before anything is sent again.
import { MigrationError } from '../../../errors';
import type { KayakoSession } from '../session';
import { findCasesByLegacyIds } from './case-lookup';
import { defaultSleep, type WriteContext } from './context';
import { JOB_WAIT_MS, JobUnfinished, nextDelay, POLL_AGAIN, waitForJob, type BulkJob } from './jobs';

/** The longest a job of this session took to end, as followed: a lost job is expected to take about as long. */
export const longestJob = new WeakMap<KayakoSession, number>();

/** The shortest settle period: the sandbox's jobs end within seconds, a loaded Kayako's within a minute or two. */
export const SETTLE_FLOOR_MS = 30_000;

/** How long a lost send is given to show its cases: three times the longest job seen, at least 30 s, at most a job's wait. */
export function settlePeriod(session: KayakoSession): number {
	return Math.min(JOB_WAIT_MS, Math.max(SETTLE_FLOOR_MS, 3 * (longestJob.get(session) ?? 0)));
}

/**
 * The rule after a lost answer to POST /bulk/cases (dropped, cut, or a 5xx that may have acted). Kayako may have
 * accepted a job we cannot name: it documents no list of jobs, and its jobs end only after a while (seconds in the
 * sandbox, minutes under load), so one lookup right away would miss a job still running and a re-send would double
 * every ticket. Instead the tickets are looked up by legacy id again and again, with backoff, until all are found
 * or the settle period has passed: three times the longest job this session has followed, at least 30 seconds,
 * at most the wait for a known job. Only what is still missing then may be sent again (by the caller's retry).
 * After a crash in the middle of a send the caller says how long ago it was (`CaseJobs.unsure`): the rest of the
 * settle period is waited out the same way before the tickets are looked up and sent.
 * `replacing`: for a re-import, the old case of each ticket, which does not count as found.
 * Returns the tickets found: source id -> case id.
 */
export async function settleLostSend(ctx: WriteContext, ids: readonly string[], settleMs = settlePeriod(ctx.session), replacing?: ReadonlyMap<string, number>): Promise<Map<string, number>> {
	return settleLostSendBy(ctx, ids, (missing) => findCasesByLegacyIds(ctx.session, missing, replacing), settleMs);
}

/** `settleLostSend` for any kind Kayako lists by legacy id (users, organizations): `lookup` finds what of `missing` exists. */
export async function settleLostSendBy<T>(ctx: Pick<WriteContext, 'session' | 'options'>, ids: readonly string[], lookup: (missing: string[]) => Promise<Map<string, T>>, settleMs = settlePeriod(ctx.session)): Promise<Map<string, T>> {
	const sleep = ctx.options.sleep ?? defaultSleep;
	const found = new Map<string, T>();
	let waited = 0;
	for (let delay = 500; ; delay = nextDelay(delay)) {
		await sleep(delay);
		waited += delay;
		try {
			const missing = ids.filter((id) => !found.has(id));
			for (const [sourceId, made] of await lookup(missing)) found.set(sourceId, made);
		} catch (error) {
			// A lookup is a GET: one that failed for a passing reason is asked again at the next turn.
			if (!(error instanceof MigrationError) || !POLL_AGAIN.has(error.kind)) throw error;
		}
		if (found.size === ids.length || waited >= settleMs) return found;
	}
}

/** The caller's keeper of bulk jobs, as following one needs it. */
export interface JobFollower {
	readonly maxWaitMs?: number;
	accepted(jobId: number, sourceIds: readonly string[]): Promise<void>;
	ended(jobId: number): void;
}

/**
 * Follows an accepted job to its end and remembers how long it took, for the settle period of a lost send. `rows`: the
 * rows of a job accepted just now (its first poll comes when such a job is likely done); none for an earlier attempt's.
 */
export async function followJob(ctx: Pick<WriteContext, 'session' | 'options'>, jobId: number, jobs?: Pick<JobFollower, 'maxWaitMs' | 'ended'>, rows?: number): Promise<BulkJob | undefined> {
	const { job, waitedMs } = await waitForJob(ctx.session, jobId, { sleep: ctx.options.sleep, maxWaitMs: jobs?.maxWaitMs, rows });
	longestJob.set(ctx.session, Math.max(longestJob.get(ctx.session) ?? 0, waitedMs));
	jobs?.ended(jobId);
	return job;
}

/**
 * A job Kayako accepted for these rows: kept with their pending rows before the wait (so a crash during it waits for
 * this same job instead of sending again), then followed to its end. `unfinished` when it outlives the wait.
 */
export async function keepAndFollow(ctx: Pick<WriteContext, 'session' | 'options'>, jobId: number, ids: readonly string[], jobs?: JobFollower): Promise<{ job: BulkJob | undefined } | { unfinished: JobUnfinished }> {
	await jobs?.accepted(jobId, ids);
	try {
		return { job: await followJob(ctx, jobId, jobs, ids.length) };
	} catch (error) {
		if (!(error instanceof JobUnfinished)) throw error;
		return { unfinished: error };
	}
}

/**
 * The jobs an earlier attempt left for some of these records (`started`: source id -> job id), followed to their end
 * together before they are looked up. Returns the records whose job outlives the wait, with its error: they may still
 * be created, so they are neither looked up nor sent.
 */
export async function followEarlierJobs(ctx: Pick<WriteContext, 'session' | 'options'>, ids: readonly string[], jobs: (Pick<JobFollower, 'maxWaitMs' | 'ended'> & { readonly started: ReadonlyMap<string, number> }) | undefined): Promise<Map<string, JobUnfinished>> {
	const byJob = new Map<number, string[]>();
	for (const id of ids) {
		const jobId = jobs?.started.get(id);
		if (jobId !== undefined) byJob.set(jobId, [...(byJob.get(jobId) ?? []), id]);
	}
	const unfinished = new Map<string, JobUnfinished>();
	const followed = await Promise.allSettled([...byJob.keys()].map((jobId) => followJob(ctx, jobId, jobs)));
	for (const [index, waiting] of [...byJob.values()].entries()) {
		const outcome = followed[index]!;
		if (outcome.status === 'fulfilled') continue;
		if (!(outcome.reason instanceof JobUnfinished)) throw outcome.reason;
		for (const id of waiting) unfinished.set(id, outcome.reason);
	}
	return unfinished;
}
