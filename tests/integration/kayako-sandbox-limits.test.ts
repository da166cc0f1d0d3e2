// Rate limit, fault injection, pagination and the HTTP control surface of the Kayako sandbox.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KAYAKO_SANDBOX_CREDENTIALS as CREDENTIALS } from '../../server/sandbox/kayako/index';
import { call, Client, startSandbox, type Running } from './kayako-sandbox-helpers';

let running: Running;
let admin: Client;

beforeEach(async () => {
	running = await startSandbox({ rateLimitPerMinute: 5 });
	admin = new Client(running.base);
	await admin.login(CREDENTIALS.admin);
});

afterEach(async () => {
	await running.sandbox.close();
});

const teamCount = () => running.sandbox.state().teams.length;

describe('Kayako sandbox rate limit', () => {
	it('sends the rate-limit headers, answers 429 with Retry-After past the limit, and recovers when the minute turns', async () => {
		const first = await admin.get('/teams');
		expect(first.headers.get('x-ratelimit-limit')).toBe('5');
		expect(first.headers.get('x-ratelimit-remaining')).toBe('3');
		for (let index = 0; index < 3; index += 1) expect((await admin.get('/teams')).status).toBe(200);
		const limited = await admin.get('/teams');
		expect(limited.status).toBe(429);
		expect(limited.json.errors[0].code).toBe('RATE_LIMIT_REACHED');
		const retryAfter = Number(limited.headers.get('retry-after'));
		expect(retryAfter).toBe(60);
		running.sandbox.advanceClock(retryAfter * 1000);
		expect((await admin.get('/teams')).status).toBe(200);
	});

	it('takes a new limit at once', async () => {
		running.sandbox.setRateLimit(100);
		for (let index = 0; index < 10; index += 1) expect((await admin.get('/me')).status).toBe(200);
	});
});

describe('Kayako sandbox faults', () => {
	it('creates the record but drops the connection when the connection drops after acting', async () => {
		running.sandbox.faults.set([{ kind: 'drop-after', times: 1, method: 'POST', path: '/teams' }]);
		const before = teamCount();
		await expect(admin.request('POST', '/teams', { json: { title: 'Created in the dark' } })).rejects.toThrow();
		expect(teamCount()).toBe(before + 1);
		expect((await admin.request('POST', '/teams', { json: { title: 'Heard this time' } })).status).toBe(201);
	});

	it('creates nothing when the connection drops before acting', async () => {
		running.sandbox.faults.set([{ kind: 'drop-before', times: 1 }]);
		const before = teamCount();
		await expect(admin.request('POST', '/teams', { json: { title: 'Never made' } })).rejects.toThrow();
		expect(teamCount()).toBe(before);
	});

	it('answers 500 and 503 without acting, only for the matching method and path', async () => {
		running.sandbox.faults.set([
			{ kind: 'server-error', times: 1, method: 'POST', path: '/bulk/*' },
			{ kind: 'unavailable', times: 1, method: 'GET', path: '/users' }
		]);
		expect((await admin.get('/teams')).status).toBe(200);
		const failed = await admin.request('POST', '/bulk/teams', { json: { teams: [{ title: 'Bulk' }] } });
		expect(failed.status).toBe(500);
		expect(failed.json.errors[0].code).toBe('EXCEPTION_CAUGHT');
		expect(running.sandbox.state().jobs).toHaveLength(0);
		expect((await admin.get('/users')).status).toBe(503);
		expect((await admin.get('/users')).status).toBe(200);
	});

	it('answers an injected 429 with Retry-After, and a malformed JSON body after acting', async () => {
		running.sandbox.faults.set([{ kind: 'rate-limited', times: 1, delayMs: 3000 }, { kind: 'malformed-json', times: 1, method: 'POST' }]);
		const limited = await admin.get('/teams');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('3');
		const before = teamCount();
		const mangled = await admin.request('POST', '/teams', { json: { title: 'Half an answer' } });
		expect(mangled.status).toBe(201);
		expect(mangled.json).toBeUndefined();
		expect(teamCount()).toBe(before + 1);
	});

	it('hits the same requests with a probability fault when the seed is the same', async () => {
		const pattern = async (seed: number) => {
			const other = await startSandbox({ seed, rateLimitPerMinute: 1000 });
			try {
				const client = new Client(other.base);
				await client.login(CREDENTIALS.admin);
				other.sandbox.faults.set([{ kind: 'server-error', probability: 0.5, path: '/teams' }]);
				const statuses: number[] = [];
				for (let index = 0; index < 16; index += 1) statuses.push((await client.get('/teams')).status);
				return statuses;
			} finally {
				await other.sandbox.close();
			}
		};
		const first = await pattern(7);
		expect(first).toContain(500);
		expect(first).toContain(200);
		expect(await pattern(7)).toEqual(first);
	});

	it('applies a slow fault and still answers', async () => {
		running.sandbox.faults.set([{ kind: 'slow', times: 1, delayMs: 20 }]);
		expect((await admin.get('/teams')).status).toBe(200);
		expect(running.sandbox.faults.list()).toEqual([]);
	});
});

describe('Kayako sandbox pagination', () => {
	it('defaults to 10, clamps limit to 100 and honours offset', async () => {
		running.sandbox.setRateLimit(1000);
		const rows = Array.from({ length: 120 }, (_, index) => ({ full_name: `Customer ${index}`, legacy_id: `c-${index}` }));
		await admin.request('POST', '/bulk/users', { json: { users: rows.slice(0, 100) } });
		await admin.request('POST', '/bulk/users', { json: { users: rows.slice(100) } });
		running.sandbox.advanceClock(10_000);
		const byDefault = await admin.get('/users');
		expect(byDefault.json.limit).toBe(10);
		expect(byDefault.json.data).toHaveLength(10);
		const clamped = await admin.get('/users?limit=500');
		expect(clamped.json.limit).toBe(100);
		expect(clamped.json.data).toHaveLength(100);
		const total = clamped.json.total_count as number;
		const last = await admin.get(`/users?offset=${total - 3}&limit=100`);
		expect(last.json.data).toHaveLength(3);
		expect(last.json.offset).toBe(total - 3);
	});

	it('pages posts newest first with after_id and a next link until none is left', async () => {
		running.sandbox.setRateLimit(1000);
		const posts = Array.from({ length: 12 }, (_, index) => ({ contents: `Post ${index}`, channel: 'NOTE', created_at: `2020-01-0${(index % 9) + 1}T10:00:00+00:00` }));
		await admin.request('POST', '/bulk/cases', { json: { cases: [{ subject: 'Long thread', contents: 'Start', requester_id: 8, channel: 'NOTE', legacy_id: 'thread-1', posts }] } });
		running.sandbox.advanceClock(10_000);
		const kase = await admin.get('/cases?legacy_ids=thread-1');
		const caseId = kase.json.data[0].id as number;
		const seen: number[] = [];
		let page = await admin.get(`/cases/${caseId}/posts?limit=5`);
		for (;;) {
			seen.push(...(page.json.data as { id: number }[]).map((post) => post.id));
			const link = page.headers.get('link');
			if (!link) break;
			const afterId = /after_id=(\d+)/.exec(link)?.[1];
			page = await admin.get(`/cases/${caseId}/posts?limit=5&after_id=${afterId}`);
		}
		expect(seen).toHaveLength(13);
		expect([...seen].sort((a, b) => b - a)).toEqual(seen);
		expect(page.json.total_count).toBe(13);
	});
});

describe('Kayako sandbox HTTP control surface', () => {
	it('sets faults, reads state, advances the clock and resets, answering any origin', async () => {
		const control = `${running.origin}/__sandbox`;
		const faults = await call(`${control}/faults?account=acme`, { method: 'PUT', json: { rules: [{ kind: 'server-error', times: 1 }] } });
		expect(faults.headers.get('access-control-allow-origin')).toBe('*');
		expect(faults.json.rules).toHaveLength(1);
		expect((await admin.get('/teams')).status).toBe(500);
		const bad = await call(`${control}/faults`, { method: 'PUT', json: { rules: [{ kind: 'meteor' }] } });
		expect(bad.status).toBe(400);
		await admin.request('POST', '/teams', { json: { title: 'Before reset' } });
		const state = await call(`${control}/state?account=acme`);
		expect(state.json.teams.map((team: { title: string }) => team.title)).toContain('Before reset');
		expect(state.json.requests.total).toBeGreaterThan(0);
		const clock = await call(`${control}/clock`, { method: 'POST', json: { advanceMs: 60_000 } });
		expect(clock.json.now).toBe(running.sandbox.now());
		expect((await call(`${control}/rate-limit`, { method: 'PUT', json: { perMinute: 50 } })).status).toBe(200);
		expect((await call(`${control}/reset`, { method: 'POST' })).status).toBe(200);
		expect(running.sandbox.state().teams.map((team) => team.title)).not.toContain('Before reset');
		expect((await admin.get('/me')).status).toBe(401);
		const preflight = await fetch(`${control}/faults`, { method: 'OPTIONS' });
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
	});
});
