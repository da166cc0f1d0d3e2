// Every fault kind the issue names, as each sandbox answers it over HTTP: what the client sees and whether the server acted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KAYAKO_SANDBOX_CREDENTIALS } from '../../server/sandbox/kayako/index';
import { Client, startSandbox, type Running } from './kayako-sandbox-helpers';
import { ADMIN_TOKEN, useSandbox } from './zendesk-sandbox-fixtures';

const ADMIN = KAYAKO_SANDBOX_CREDENTIALS.admin;

let kayako: Running;
let admin: Client;

beforeAll(async () => {
	kayako = await startSandbox({ rateLimitPerMinute: 10_000 });
	admin = new Client(kayako.base);
	await admin.login(ADMIN);
});
afterAll(() => kayako.sandbox.close());

const teamCount = () => kayako.sandbox.state().teams.length;

describe('Kayako sandbox faults', () => {
	it('answers 429 without Retry-After for rate-limited-bare, and does not act', async () => {
		kayako.sandbox.faults.set([{ kind: 'rate-limited-bare', times: 1, method: 'POST' }]);
		const before = teamCount();
		const answer = await admin.request('POST', '/teams', { json: { title: 'Not made' } });
		expect(answer.status).toBe(429);
		expect(answer.headers.get('retry-after')).toBeNull();
		expect(teamCount()).toBe(before);
	});

	it('acts, then answers garbled JSON for garbled-json', async () => {
		kayako.sandbox.faults.set([{ kind: 'garbled-json', times: 1, method: 'POST' }]);
		const before = teamCount();
		const answer = await admin.request('POST', '/teams', { json: { title: 'Garbled' } });
		expect(answer.status).toBe(201);
		expect(answer.json).toBeUndefined();
		expect(answer.text).toContain('garbled in transit');
		expect(teamCount()).toBe(before + 1);
	});

	it('acts, then answers an HTML page with 200 for not-json', async () => {
		kayako.sandbox.faults.set([{ kind: 'not-json', times: 1, method: 'POST' }]);
		const before = teamCount();
		const answer = await admin.request('POST', '/teams', { json: { title: 'Behind a portal' } });
		expect(answer.status).toBe(200);
		expect(answer.headers.get('content-type')).toMatch(/text\/html/);
		expect(answer.json).toBeUndefined();
		expect(teamCount()).toBe(before + 1);
	});

	it('garbles a job poll while the bulk job runs on', async () => {
		const started = await admin.request('POST', '/bulk/teams', { json: { teams: [{ title: 'Bulk under a garbled poll' }] } });
		expect(started.status).toBe(202);
		kayako.sandbox.faults.set([{ kind: 'garbled-json', times: 1, method: 'GET', path: '/jobs/*' }]);
		const poll = await admin.get(`/jobs/${started.json.data.id}`);
		expect(poll.status).toBe(200);
		expect(poll.json).toBeUndefined();
		kayako.sandbox.advanceClock(10_000);
		expect((await admin.get(`/jobs/${started.json.data.id}`)).json.data.status).toBe('COMPLETED');
	});

	it('expires the session mid-run for session-expired: 401 until the client logs in again, nothing done', async () => {
		const client = new Client(kayako.base);
		await client.login(ADMIN);
		kayako.sandbox.faults.set([{ kind: 'session-expired', times: 1, method: 'POST' }]);
		const before = teamCount();
		const expired = await client.request('POST', '/teams', { json: { title: 'After expiry' } });
		expect(expired.status).toBe(401);
		expect(expired.json.errors[0].code).toBe('AUTHORIZATION_REQUIRED');
		expect(JSON.stringify(expired.json.notifications)).toMatch(/expired/);
		expect(teamCount()).toBe(before);
		expect((await client.get('/teams')).status).toBe(401);
	});

	it('counts the faults that fired by kind on the control surface', async () => {
		kayako.sandbox.reset();
		await admin.login(ADMIN);
		kayako.sandbox.faults.set([{ kind: 'server-error', times: 2, method: 'GET', path: '/teams' }]);
		await admin.get('/teams');
		await admin.get('/teams');
		const control = (await (await fetch(`${kayako.origin}/__sandbox/faults`)).json()) as { fired: Record<string, number> };
		expect(control.fired).toEqual({ 'server-error': 2 });
	});
});

const zendesk = useSandbox({ tickets: 30 });

async function firstAttachment(): Promise<{ content_url: string; size: number }> {
	for (let id = 1; id <= 30; id += 1) {
		const response = await fetch(`${zendesk.url()}/api/v2/tickets/${id}/comments.json`, { headers: { Authorization: ADMIN_TOKEN } });
		if (response.status !== 200) continue;
		const body = (await response.json()) as { comments: { attachments: { content_url: string; size: number }[] }[] };
		const found = body.comments.flatMap((comment) => comment.attachments).find((attachment) => attachment.size > 1000);
		if (found) return found;
	}
	throw new Error('The seeded sandbox has no attachment in its first 30 tickets.');
}

describe('Zendesk sandbox faults', () => {
	it('answers 429 without Retry-After for rate-limited-bare', async () => {
		zendesk.sandbox().faults.set([{ kind: 'rate-limited-bare', times: 1 }]);
		const response = await fetch(`${zendesk.url()}/api/v2/users/me.json`, { headers: { Authorization: ADMIN_TOKEN } });
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBeNull();
	});

	it('answers garbled JSON for garbled-json and an HTML page for not-json', async () => {
		zendesk.sandbox().faults.set([{ kind: 'garbled-json', times: 1 }, { kind: 'not-json', times: 1 }]);
		const garbled = await fetch(`${zendesk.url()}/api/v2/tickets.json`, { headers: { Authorization: ADMIN_TOKEN } });
		expect(garbled.status).toBe(200);
		await expect(garbled.clone().json()).rejects.toThrow();
		expect(await garbled.text()).toContain('garbled in transit');
		const page = await fetch(`${zendesk.url()}/api/v2/tickets.json`, { headers: { Authorization: ADMIN_TOKEN } });
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toMatch(/text\/html/);
	});

	it('cuts a binary attachment download short of its Content-Length', async () => {
		const attachment = await firstAttachment();
		zendesk.sandbox().faults.set([{ kind: 'malformed-json', times: 1, path: '/attachments/token/*' }]);
		let cut = { length: 0, error: undefined as unknown };
		try {
			cut.length = (await (await fetch(attachment.content_url)).arrayBuffer()).byteLength;
		} catch (error) {
			cut = { length: 0, error };
		}
		zendesk.sandbox().faults.clear();
		const whole = await (await fetch(attachment.content_url)).arrayBuffer();
		expect(whole.byteLength).toBe(attachment.size);
		// Either the body read fails (premature close) or it comes back short: never the whole file.
		expect(cut.error !== undefined || cut.length < attachment.size).toBe(true);
	});
});
