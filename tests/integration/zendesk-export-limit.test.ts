// The incremental exports' own limit (10 a minute) against the sandbox: read from its header and waited out by the
// exports alone, while the rest of Zendesk's API goes on at once.
import { describe, expect, it } from 'vitest';
import { ZendeskClient } from '../../src/lib/engine/connectors/zendesk/client';
import { HttpClient, systemClock, type Clock } from '../../src/lib/engine/http';
import { ManualClock, eventually, settle } from '../unit/http-manual-clock';
import { ADMIN_TOKEN, NOW, getJson, useSandbox } from './zendesk-sandbox-fixtures';
import { ADMIN } from './zendesk-source-fixtures';

const clock = new ManualClock(NOW);
const { sandbox, url } = useSandbox({ seed: 42, tickets: 20, now: () => clock.now() });

/** Per-attempt timeout: the one wait on real time, told apart by its length, so moving the test's clock never times a request out. */
const TIMEOUT_MS = 29_999;
const httpClock: Clock = { now: () => clock.now(), sleep: (ms, signal) => (ms === TIMEOUT_MS ? systemClock.sleep(ms, signal) : clock.sleep(ms, signal)) };

const EXPORT = '/api/v2/incremental/users/cursor.json';
const EXPORT_QUERY = { start_time: 0, per_page: 1 };

/** A client on the test's clock, and the status of every answer it got per path. */
function openClient(): { client: ZendeskClient; statuses: Map<string, number[]> } {
	const statuses = new Map<string, number[]>();
	const recording: typeof fetch = async (input, init) => {
		const response = await fetch(input, init);
		const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
		statuses.set(path, [...(statuses.get(path) ?? []), response.status]);
		return response;
	};
	const http = new HttpClient({ fetch: recording, clock: httpClock, timeoutMs: TIMEOUT_MS, baseBackoffMs: 10, maxBackoffMs: 100 });
	return { client: new ZendeskClient(http, sandbox().url, ADMIN), statuses };
}

function exportsServed(): number {
	return sandbox().state().requests.byRoute['/api/v2/incremental/users/cursor'] ?? 0;
}

/** Starts a request and tells whether it has finished, without awaiting it. */
function track<T>(promise: Promise<T>): { done: () => boolean; result: Promise<T> } {
	let done = false;
	const result = promise.finally(() => (done = true));
	return { done: () => done, result };
}

/** Lets the test's clock run from one wait to the next until the request is answered: the limiter's pacing takes no real time. */
async function drive<T>(promise: Promise<T>): Promise<T> {
	const request = track(promise);
	for (;;) {
		await settle();
		if (request.done()) return request.result;
		const next = clock.pendingSleeps()[0];
		if (next !== undefined) await clock.advance(next);
		else await new Promise((resolve) => setTimeout(resolve, 1));
	}
}

/** A fresh sandbox at the start of one of its minute windows. */
async function freshMinute(): Promise<void> {
	sandbox().reset();
	await clock.advance(60_000 - (clock.now() % 60_000));
}

describe('the incremental exports\' own rate limit', () => {
	it('reads 15 export pages without one 429, paced by the export header, while API reads wait for none of it', async () => {
		await freshMinute();
		const { client, statuses } = openClient();
		let pacedReads = 0;
		for (let page = 0; page < 15; page++) {
			const next = track(client.get(EXPORT, EXPORT_QUERY));
			await settle();
			if (clock.pendingSleeps().length > 0) {
				// The exports wait for their window; the rest of the API is not held.
				pacedReads += 1;
				const me = track(client.get<{ user: { email: string } }>('/api/v2/users/me.json'));
				await eventually(me.done, () => 'the API read while the exports wait');
				expect((await me.result).user.email).toBeTruthy();
				expect(next.done()).toBe(false);
			}
			await drive(next.result);
		}
		expect(statuses.get(EXPORT)).toEqual(Array.from({ length: 15 }, () => 200));
		expect(exportsServed()).toBe(15);
		expect(pacedReads).toBeGreaterThan(0);
	});

	it('waits out a 429 of the export limit on the exports alone', async () => {
		await freshMinute();
		// Another reader (a second tab, a report tool) spends the minute's exports first.
		for (let page = 0; page < 10; page++) expect((await getJson(`${url()}${EXPORT}?start_time=0&per_page=1`, ADMIN_TOKEN)).status).toBe(200);
		const { client, statuses } = openClient();

		const refused = track(client.get(EXPORT, EXPORT_QUERY));
		await eventually(() => (statuses.get(EXPORT) ?? []).includes(429), () => 'the export\'s 429');
		const me = track(client.get<{ user: { email: string } }>('/api/v2/users/me.json'));
		await eventually(me.done, () => 'the API read while the exports wait');
		expect((await me.result).user.email).toBeTruthy();
		expect(refused.done()).toBe(false);

		await drive(refused.result);
		expect(statuses.get(EXPORT)).toEqual([429, 200]);
	});
});
