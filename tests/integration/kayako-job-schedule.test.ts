// The poll schedule of Kayako's bulk jobs against the sandbox: later jobs are first polled when likely done, jobs in flight share one timer, and no job is trusted before it ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKayakoSandbox, type KayakoSandbox } from '../../server/sandbox/kayako/index';
import type { KayakoSession } from '../../src/lib/engine/connectors/kayako/session';
import { jobTimesOf } from '../../src/lib/engine/connectors/kayako/writer/job-timing';
import { JobUnfinished, waitForJob } from '../../src/lib/engine/connectors/kayako/writer/jobs';
import { adminSession } from './kayako-writer-helpers';

let sandbox: KayakoSandbox;
let organizations = 0;

beforeAll(async () => {
	// A clock that stands still: Kayako's jobs run only as far as the writer's sleeps move its time on.
	const frozen = Date.now();
	sandbox = createKayakoSandbox({ accounts: ['acme'], seed: 14, now: () => frozen });
	await sandbox.listen(0, '127.0.0.1');
});

afterAll(() => sandbox.close());

/** A sleep that moves Kayako's clock on by what is asked (or by `share` of it), and counts what it was asked. */
function sandboxSleep(share = 1) {
	const slept = { ms: 0, calls: 0 };
	const sleep = async (ms: number) => {
		slept.ms += ms;
		slept.calls += 1;
		sandbox.advanceClock(ms * share);
	};
	return { slept, sleep };
}

/** Sends `rows` organizations in one bulk call: Kayako answers with the job's id. */
async function startJob(session: KayakoSession, rows: number): Promise<number> {
	const batch = Array.from({ length: rows }, () => ({ name: `Schedule org ${(organizations += 1)}`, legacy_id: `sched-${organizations}` }));
	return (await session.request<{ id: number }>({ method: 'POST', path: 'bulk/organizations.json', json: { organizations: batch } })).data.id;
}

const polls = () => sandbox.state().requests.byRoute['GET /jobs/:id'] ?? 0;
const jobStatus = (jobId: number) => sandbox.state().jobs.find((job) => job.id === jobId)?.status;

describe('the poll schedule of bulk jobs', () => {
	it('polls later jobs first when they are likely done: about one or two polls each once a job has ended', async () => {
		const session = adminSession(sandbox);
		const { sleep } = sandboxSleep();
		const perJob: number[] = [];
		for (let job = 0; job < 8; job++) {
			const before = polls();
			const jobId = await startJob(session, 20);
			const { job: ended } = await waitForJob(session, jobId, { sleep, rows: 20 });
			expect(ended?.status).toBe('COMPLETED');
			perJob.push(polls() - before);
		}
		// The sandbox's jobs take 1.5 to 4.5 s: polled from the start every 0.5 s growing by half, each took four or five polls.
		expect(perJob[0]).toBeGreaterThanOrEqual(3);
		const later = perJob.slice(1);
		expect(later.reduce((sum, each) => sum + each, 0) / later.length).toBeLessThanOrEqual(2.5);
		expect(sandbox.state().organizations.filter((each) => each.legacy_id?.startsWith('sched-'))).toHaveLength(8 * 20);
	});

	it('follows jobs in flight on one timer: the waits are those of the longest job, not one after the other', async () => {
		const session = adminSession(sandbox);
		const { slept, sleep } = sandboxSleep();
		const jobs = [await startJob(session, 5), await startJob(session, 5), await startJob(session, 5)];
		const followed = await Promise.all(jobs.map((jobId) => waitForJob(session, jobId, { sleep, rows: 5 })));
		expect(followed.map((each) => each.job?.status)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
		// One clock for all three: the time slept is the longest job's wait, once.
		expect(slept.ms).toBe(Math.max(...followed.map((each) => each.waitedMs)));
	});

	it('polls a job again when it is still running at the time it was likely done, and hands it over only once it has ended', async () => {
		const session = adminSession(sandbox);
		const fast = sandboxSleep();
		// Three jobs teach the schedule the sandbox's usual time.
		for (let job = 0; job < 3; job++) await waitForJob(session, await startJob(session, 10), { sleep: fast.sleep, rows: 10 });
		// Now Kayako is four times slower than learned: each sleep moves its clock a quarter as far.
		const slow = sandboxSleep(0.25);
		const before = polls();
		const jobId = await startJob(session, 10);
		const { job } = await waitForJob(session, jobId, { sleep: slow.sleep, rows: 10 });
		expect(polls() - before).toBeGreaterThan(1);
		expect(job?.status).toBe('COMPLETED');
		expect(jobStatus(jobId)).toBe('COMPLETED');
	});

	it('polls a small job that joins while the timer sleeps for a big one when the small one is due, not when the big one is', async () => {
		const session = adminSession(sandbox);
		// Learned: a Kayako that takes 200 ms per row (200 rows 40 s, 10 rows 2 s).
		jobTimesOf(session).learn(200, 40_000, 40_000);
		jobTimesOf(session).learn(10, 2_000, 2_000);
		// Timers two hundred times shorter than the waits they stand for (10 ms against 200 ms), so the wake-ups keep their order; Kayako's clock moves as asked.
		const sleep = (ms: number) => {
			sandbox.advanceClock(ms);
			return new Promise<void>((resolve) => setTimeout(resolve, ms / 200));
		};
		const bigId = await startJob(session, 200);
		const smallId = await startJob(session, 10);
		const ended: string[] = [];
		// The big job's first poll is 40 s off; the small one joins while the timer sleeps for it.
		const big = waitForJob(session, bigId, { sleep, rows: 200 }).then((followed) => (ended.push('big'), followed));
		const small = waitForJob(session, smallId, { sleep, rows: 10 }).then((followed) => (ended.push('small'), followed));
		const [bigJob, smallJob] = await Promise.all([big, small]);
		expect(ended).toEqual(['small', 'big']);
		expect(smallJob.waitedMs).toBe(2_000);
		expect(bigJob.waitedMs).toBe(40_000);
		expect([bigJob.job?.status, smallJob.job?.status]).toEqual(['COMPLETED', 'COMPLETED']);
	});

	it('still gives up after the wait with the job unfinished, and tells it apart from a job Kayako has forgotten', async () => {
		const session = adminSession(sandbox);
		const stalled = sandboxSleep(0);
		const jobId = await startJob(session, 3);
		const error = await waitForJob(session, jobId, { sleep: stalled.sleep, rows: 3, maxWaitMs: 8_000 }).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(JobUnfinished);
		expect((error as JobUnfinished).jobId).toBe(jobId);
		expect(stalled.slept.ms).toBe(8_000);
		// A job id Kayako does not know (cleared long ago): nothing to wait for.
		expect(await waitForJob(session, 987_654, { sleep: stalled.sleep })).toEqual({ job: undefined, waitedMs: 0 });
		sandbox.advanceClock(60_000);
	});
});
