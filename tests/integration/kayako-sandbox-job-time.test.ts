// The Kayako sandbox's jobTimeScale option: bulk jobs take their usual 1.5–4.5 s by default, a quarter of it at 0.25 (as the migration harness runs them).
import { afterEach, describe, expect, it } from 'vitest';
import { KAYAKO_SANDBOX_CREDENTIALS as CREDENTIALS } from '../../server/sandbox/kayako/index';
import { Client, startSandbox, type Running } from './kayako-sandbox-helpers';

let running: Running | undefined;

afterEach(async () => {
	await running?.sandbox.close();
	running = undefined;
});

const CASE = { subject: 'Imported', contents: 'The first message', requester_id: 8, creator_id: 8, channel: 'MAIL', channel_id: 1, legacy_id: 'zd-1' };

/** Starts a one-case bulk job and gives its status right away and after each of `waits` (ms of sandbox time, added up). */
async function statuses(jobTimeScale: number | undefined, waits: number[]): Promise<string[]> {
	running = await startSandbox(jobTimeScale === undefined ? {} : { jobTimeScale });
	const admin = new Client(running.base);
	await admin.login(CREDENTIALS.admin);
	const accepted = await admin.request('POST', '/bulk/cases.json', { json: { cases: [CASE] } });
	expect(accepted.status).toBe(202);
	const seen = [accepted.json.data.status as string];
	for (const wait of waits) {
		running.sandbox.advanceClock(wait);
		seen.push((await admin.get(`/jobs/${accepted.json.data.id}.json`)).json.data.status as string);
	}
	return seen;
}

describe('how long the sandbox takes over a bulk job', () => {
	it('by default: still running after 1.2 s, done after 4.5 s', async () => {
		const seen = await statuses(undefined, [1200, 3300]);
		expect(seen[0]).toBe('PENDING');
		expect(['PENDING', 'PROCESSING']).toContain(seen[1]);
		expect(seen[2]).toBe('COMPLETED');
	});

	it('at a quarter: pending at first, done after 1.2 s', async () => {
		const seen = await statuses(0.25, [100, 1100]);
		expect(seen.slice(0, 2)).toEqual(['PENDING', 'PENDING']);
		expect(seen[2]).toBe('COMPLETED');
	});
});
