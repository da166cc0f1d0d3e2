// What the writer learns from Kayako's bulk jobs this run: when a new job is likely done, and the gaps between later polls.
import { describe, expect, it } from 'vitest';
import { FIRST_POLL_MS, GAP_MAX_MS, GAP_MIN_MS, JobTimes } from '../../src/lib/engine/connectors/kayako/writer/job-timing';

describe('when a bulk job is likely done', () => {
	it('is soon while no job has ended yet this run', () => {
		expect(new JobTimes().likelyDone(200)).toBe(FIRST_POLL_MS);
	});

	it('lies between the last poll that saw a job running and the first that saw it ended', () => {
		const times = new JobTimes();
		times.learn(200, 4_000, 3_000);
		expect(times.likelyDone(200)).toBe(3_500);
	});

	it('comes a little sooner after a job that had already ended at its first poll, so the schedule keeps probing', () => {
		const times = new JobTimes();
		times.learn(200, 3_000);
		expect(times.likelyDone(200)).toBe(2_400);
		times.learn(200, 2_400);
		expect(times.likelyDone(200)).toBeLessThan(2_400);
	});

	it('scales with the rows at the time per row seen, within the shortest and longest job seen', () => {
		const times = new JobTimes();
		// A Kayako whose time is mostly per row: 200 rows took 40 s, 20 rows 4 s.
		times.learn(200, 42_000, 38_000);
		times.learn(20, 4_200, 3_800);
		expect(times.likelyDone(100)).toBe(20_000);
		expect(times.likelyDone(200)).toBe(40_000);
		// Smaller or larger than anything seen: kept within what was seen, never a guess past it.
		expect(times.likelyDone(1)).toBe(4_000);
		expect(times.likelyDone(1_000)).toBe(40_000);
	});

	it('does not make a big job wait for ages because a tiny one took a fixed start time', () => {
		const times = new JobTimes();
		// The sandbox's kind: a job takes a few seconds whatever its size.
		times.learn(3, 3_200, 2_800);
		expect(times.likelyDone(200)).toBe(3_000);
	});

	it('aims where three in four recent jobs had ended, so most jobs take one poll', () => {
		const times = new JobTimes();
		// The sandbox's jobs: a few seconds each, at random.
		for (const ms of [2_000, 4_000, 3_000, 2_500, 3_500]) times.learn(200, ms + 100, ms - 100);
		expect(times.likelyDone(200)).toBe(3_500);
	});

	it('follows the recent jobs: a Kayako that became faster is polled sooner', () => {
		const times = new JobTimes();
		for (let job = 0; job < 8; job++) times.learn(200, 30_500, 29_500);
		expect(times.likelyDone(200)).toBe(30_000);
		for (let job = 0; job < 8; job++) times.learn(200, 5_500, 4_500);
		expect(times.likelyDone(200)).toBe(5_000);
	});
});

describe('the gaps after a poll that found the job still running', () => {
	it('start at an eighth of the likely time, at least half a second, and grow by half up to five seconds', () => {
		const times = new JobTimes();
		expect(times.nextGap(200)).toBe(GAP_MIN_MS);
		times.learn(200, 16_500, 15_500);
		expect(times.nextGap(200)).toBe(2_000);
		expect(times.nextGap(200, 2_000)).toBe(3_000);
		expect(times.nextGap(200, 4_000)).toBe(GAP_MAX_MS);
		times.learn(200, 90_000, 80_000);
		expect(times.nextGap(200)).toBe(GAP_MAX_MS);
	});
});
