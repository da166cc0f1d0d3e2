// Bulk imports whose answers go astray (a lost POST, garbled job polls, a job that outlives the wait): Kayako ends with one case per ticket.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKayakoSandbox, type KayakoSandbox } from '../../server/sandbox/kayako/index';
import { importCases, type CaseJobs, type CaseOutcome } from '../../src/lib/engine/connectors/kayako/writer/cases';
import { findCasesByLegacyIds } from '../../src/lib/engine/connectors/kayako/writer/case-lookup';
import type { Comment, TicketBundle } from '../../src/lib/engine/model';
import { adminSession, MemoryJobs, writeContext, type TestContext } from './kayako-writer-helpers';

let sandbox: KayakoSandbox;
let ctx: TestContext;

function bundle(id: string, posts: number): TicketBundle {
	const comments: Comment[] = Array.from({ length: posts }, (_, index) => ({
		id: `${id}-c${index}`,
		ticketId: id,
		authorId: 'C1',
		public: index % 2 === 0,
		html: `<p>${id} message ${index}</p>`,
		plain: `${id} message ${index}`,
		createdAt: `2023-05-0${index + 1}T08:00:00Z`,
		attachments: []
	}));
	return {
		ticket: { id, subject: `Ticket ${id}`, status: 'open', requesterId: 'C1', tags: [], fields: {}, ccEmails: [], followerIds: [], createdAt: '2023-05-01T08:00:00Z', updatedAt: '2023-05-03T08:00:00Z' },
		comments
	};
}


/** Exactly one case per legacy id, each holding exactly the ticket's posts in order. */
function expectOneCaseEach(bundles: TicketBundle[]): void {
	for (const each of bundles) {
		const cases = sandbox.state().cases.filter((kase) => kase.legacy_id === each.ticket.id);
		expect(cases, `cases for ${each.ticket.id}`).toHaveLength(1);
		expect(cases[0]!.posts.map((post) => post.contents)).toEqual(each.comments.map((comment) => comment.html));
	}
}

/** Lets every job run: the sandbox's clock moves past them, and a request settles them. */
async function runAllJobs(): Promise<void> {
	sandbox.advanceClock(60_000);
	await findCasesByLegacyIds(ctx.session, ['none']);
}

function bulkPosts(): number {
	return sandbox.state().jobs.filter((job) => job.kind === 'cases').length;
}

beforeAll(async () => {
	// A clock that stands still: a job runs only when the writer's waiting moves the sandbox's time on.
	const frozen = Date.now();
	sandbox = createKayakoSandbox({ accounts: ['acme'], now: () => frozen });
	await sandbox.listen(0, '127.0.0.1');
	ctx = writeContext(adminSession(sandbox), { sleep: async (ms) => sandbox.advanceClock(ms) });
	ctx.ids.set('users:C1', sandbox.state().users.find((user) => user.role === 'CUSTOMER')!.id);
});

beforeEach(() => sandbox.faults.clear());

afterAll(() => sandbox.close());

/** What the pipeline does with an outcome in doubt: it tries that ticket once more, alone. */
async function importLikeThePipeline(bundles: TicketBundle[], jobs?: CaseJobs): Promise<Map<string, CaseOutcome>> {
	const outcomes = await importCases(ctx, bundles, jobs);
	for (const each of bundles) {
		const outcome = outcomes.get(each.ticket.id);
		if (outcome && !outcome.ok && outcome.unknown) outcomes.set(each.ticket.id, (await importCases(ctx, [each], jobs)).get(each.ticket.id)!);
	}
	return outcomes;
}

describe('a bulk import whose answers go astray', () => {
	it('follows the job through garbled polls and imports each ticket once', async () => {
		sandbox.faults.add({ kind: 'malformed-json', method: 'GET', path: '/jobs/*', times: 3 });
		const bundles = [bundle('G1', 3), bundle('G2', 1)];
		const outcomes = await importLikeThePipeline(bundles);
		expect([...outcomes.values()].map((outcome) => outcome.ok)).toEqual([true, true]);
		expect(sandbox.faults.list()).toEqual([]);
		await runAllJobs();
		expectOneCaseEach(bundles);
		expect(bulkPosts()).toBe(1);
	}, 30_000);

	it('finds the cases of a bulk call whose answer was lost, once its job has run, and sends nothing again', async () => {
		const before = bulkPosts();
		sandbox.faults.add({ kind: 'drop-after', method: 'POST', path: '/bulk/*', times: 1 });
		const bundles = [bundle('L1', 2), bundle('L2', 4)];
		const outcomes = await importLikeThePipeline(bundles);
		expect([...outcomes.values()].map((outcome) => outcome.ok)).toEqual([true, true]);
		await runAllJobs();
		expectOneCaseEach(bundles);
		expect(bulkPosts() - before).toBe(1);
	}, 30_000);

	it('follows the job and sends nothing again when a gateway page comes back in place of the bulk answer or a poll', async () => {
		const before = bulkPosts();
		// Kayako acted each time: the page is the network's, not another server's, so the outcome is unknown, not final.
		sandbox.faults.add({ kind: 'not-json', method: 'POST', path: '/bulk/*', times: 1 });
		sandbox.faults.add({ kind: 'not-json', method: 'GET', path: '/jobs/*', times: 2 });
		const bundles = [bundle('N1', 2), bundle('N2', 3)];
		const outcomes = await importLikeThePipeline(bundles);
		expect([...outcomes.values()].map((outcome) => outcome.ok)).toEqual([true, true]);
		await runAllJobs();
		expectOneCaseEach(bundles);
		expect(bulkPosts() - before).toBe(1);
	}, 30_000);

	it('sends a batch again once the settle period shows that the lost call never reached Kayako', async () => {
		const before = bulkPosts();
		sandbox.faults.add({ kind: 'drop-before', method: 'POST', path: '/bulk/*', times: 1 });
		const bundles = [bundle('B1', 2)];
		const outcomes = await importLikeThePipeline(bundles);
		expect(outcomes.get('B1')).toMatchObject({ ok: true });
		await runAllJobs();
		expectOneCaseEach(bundles);
		expect(bulkPosts() - before).toBe(1);
	}, 30_000);

	it('keeps a job that outlives the wait, sends nothing while it runs, and maps its cases once it has ended', async () => {
		const before = bulkPosts();
		const stalled = writeContext(ctx.session, { sleep: async () => {} });
		stalled.ids.set('users:C1', ctx.ids.get('users:C1')!);
		const jobs = new MemoryJobs();
		jobs.maxWaitMs = 10_000;
		const bundles = [bundle('S1', 2), bundle('S2', 1)];
		const first = await importCases(stalled, bundles, jobs);
		expect([...first.values()].map((outcome) => !outcome.ok && outcome.unknown)).toEqual([true, true]);
		const jobId = jobs.started.get('S1')!;
		expect(jobId).toBeDefined();
		expect(jobs.ended_.has(jobId)).toBe(false);
		expect(first.get('S1')).toMatchObject({ error: { message: expect.stringContaining(`bulk job ${jobId}`) } });
		// A second attempt (the next run) while the job still runs waits for it again and sends nothing.
		const second = await importCases(stalled, bundles, jobs);
		expect([...second.values()].every((outcome) => !outcome.ok)).toBe(true);
		expect(bulkPosts() - before).toBe(1);
		// Once Kayako has run it, the next attempt maps the job's cases.
		sandbox.advanceClock(60_000);
		const third = await importCases(stalled, bundles, jobs);
		expect([...third.values()].map((outcome) => outcome.ok)).toEqual([true, true]);
		expect(jobs.ended_.has(jobId)).toBe(true);
		expectOneCaseEach(bundles);
		expect(bulkPosts() - before).toBe(1);
	}, 30_000);

	it('waits out the settle period for a send that an earlier attempt made just before it stopped', async () => {
		const before = bulkPosts();
		const stalled = writeContext(ctx.session, { sleep: async () => {} });
		stalled.ids.set('users:C1', ctx.ids.get('users:C1')!);
		const bundles = [bundle('U1', 3)];
		// The earlier attempt: Kayako took the batch, the answer was lost, and the attempt gave up before the job ran.
		sandbox.faults.add({ kind: 'drop-after', method: 'POST', path: '/bulk/*', times: 1 });
		const first = await importCases(stalled, bundles);
		expect(first.get('U1')).toMatchObject({ ok: false, unknown: true });
		// The next run knows only that U1 was being sent a moment ago: it gives that send its settle period first.
		const jobs = new MemoryJobs();
		jobs.unsure.set('U1', 0);
		const second = await importCases(ctx, bundles, jobs);
		expect(second.get('U1')).toMatchObject({ ok: true });
		await runAllJobs();
		expectOneCaseEach(bundles);
		expect(bulkPosts() - before).toBe(1);
	}, 30_000);
});
