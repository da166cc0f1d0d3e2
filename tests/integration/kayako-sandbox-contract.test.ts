// The sandbox answers the recorded Kayako requests with the same keys, JSON types, statuses and headers as the real service.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KAYAKO_SANDBOX_CREDENTIALS as CREDENTIALS } from '../../server/sandbox/kayako/index';
import { basic, call, Client, recorded, shapeDifferences, startSandbox, type Running } from './kayako-sandbox-helpers';

// Documented fields the 2022 recording does not show: option tags (the docs' create example sends them).
const EXTRA_KEYS = ['tag'];

let running: Running;
let admin: Client;

function withoutSession(body: unknown): unknown {
	const { session_id: _sessionId, ...rest } = body as Record<string, unknown>;
	return rest;
}

/** The recorded request's path and query, replayed against the sandbox account. */
function replayPath(url: string): string {
	return url.replace(/^https:\/\/[^/]+\/api\/v1/, '');
}

async function expectSameShapeAs(name: string): Promise<void> {
	const exchange = recorded(name);
	const answer = await admin.get(replayPath(exchange.url));
	expect(answer.status).toBe(exchange.status);
	expect(answer.headers.get('content-type')).toBe(exchange.headers['Content-Type']);
	expect(answer.headers.get('x-api-version')).toBe('1');
	expect(answer.headers.get('date-iso')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
	expect(shapeDifferences(answer.json, withoutSession(exchange.body), EXTRA_KEYS)).toEqual([]);
	const data = answer.json.data as unknown[];
	if (Array.isArray(data) && Array.isArray((exchange.body as { data: unknown[] }).data) && (exchange.body as { data: unknown[] }).data.length > 0) expect(data.length).toBeGreaterThan(0);
}

beforeAll(async () => {
	running = await startSandbox();
	admin = new Client(running.base);
	await admin.login(CREDENTIALS.admin);
	// Give a seeded case a custom field value, so case custom_fields have an element to compare.
	const field = await admin.request('POST', '/cases/fields.json', { json: { type: 'SELECT', title: 'Product line', options: [{ values: [{ locale: 'en-us', translation: 'Espresso' }] }] } });
	const optionId = field.json.data.options[0].id;
	await admin.request('PUT', '/cases/1.json', { json: { field_values: { product_line: String(optionId) } } });
});

afterAll(async () => {
	await running.sandbox.close();
});

describe('the Kayako sandbox, compared with recorded Kayako answers', () => {
	for (const name of ['settings', 'teams', 'organizations', 'users', 'case fields', 'cases', 'timetracking']) {
		it(`answers GET ${name} with the recorded keys and value types`, async () => {
			await expectSameShapeAs(name);
		});
	}

	it('answers empty organization and user field lists exactly as recorded', async () => {
		for (const name of ['organization fields', 'user fields']) {
			const exchange = recorded(name);
			const answer = await admin.get(replayPath(exchange.url));
			expect(answer.json).toEqual(exchange.body);
		}
	});

	it('answers the posts of a case, a note with an attachment and mail messages, in the recorded shapes', async () => {
		const exchange = recorded('posts');
		const answer = await admin.get(replayPath(exchange.url).replace('/cases/3/', '/cases/1/'));
		expect(answer.status).toBe(200);
		expect(shapeDifferences(answer.json, exchange.body, EXTRA_KEYS)).toEqual([]);
		const kinds = (answer.json.data as { original: { resource_type: string } }[]).map((post) => post.original.resource_type);
		expect(kinds).toEqual(['case_message', 'note', 'case_message']);
	});

	it('downloads a note attachment byte for byte from its url_download, with its content type', async () => {
		const posts = await admin.get('/cases/1/posts?include=attachment');
		const note = (posts.json.data as { attachments: { url_download: string; size: number }[] }[]).find((post) => post.attachments.length > 0);
		const attachment = note?.attachments[0];
		expect(attachment?.url_download).toMatch(/\/acme\/api\/v1\/cases\/1\/notes\/\d+\/attachments\/\d+\/download$/);
		const response = await fetch(attachment?.url_download ?? '', { headers: { 'X-Session-ID': admin.sessionId } });
		const bytes = Buffer.from(await response.arrayBuffer());
		expect(response.headers.get('content-type')).toBe((recorded('attachment download').body as { content_type: string }).content_type);
		const stored = running.sandbox.state().cases[0]?.posts.flatMap((post) => post.attachments)[0];
		expect(bytes.length).toBe(attachment?.size);
		expect(createHash('sha256').update(bytes).digest('hex')).toBe(stored?.sha256);
	});

	it('answers /me on the session-creating request with a session id and an X-CSRF-Token header, as recorded', async () => {
		const exchange = recorded('me');
		const answer = await call(`${running.base}/api/v1/me`, { headers: { Authorization: basic(CREDENTIALS.admin.email, CREDENTIALS.admin.password) } });
		expect(answer.status).toBe(200);
		expect(shapeDifferences(answer.json, exchange.body, EXTRA_KEYS)).toEqual([]);
		expect(answer.json.session_id).toEqual(expect.any(String));
		expect(answer.headers.get('x-csrf-token')).toEqual(expect.any(String));
	});

	it('answers a request without credentials with the recorded 401 AUTHORIZATION_REQUIRED body', async () => {
		const exchange = recorded('no credentials');
		const answer = await call(`${running.base}/api/v1/teams`);
		expect(answer.status).toBe(401);
		expect(answer.headers.get('content-type')).toBe('application/json');
		expect(answer.json).toEqual(exchange.body);
	});

	it('answers a wrong password with the recorded 401 AUTHENTICATION_FAILED body, counting the attempt', async () => {
		const exchange = recorded('wrong password');
		const answer = await call(`${running.base}/api/v1/me`, { headers: { Authorization: basic(CREDENTIALS.agent2.email, 'not-the-password') } });
		expect(answer.status).toBe(401);
		expect(answer.json).toEqual(exchange.body);
	});

	it('answers an unknown account with the recorded 490 HTML sentence', async () => {
		const exchange = recorded('unknown instance');
		const response = await fetch(`${running.origin}/reallybadexample/api/v1/teams`);
		expect(response.status).toBe(490);
		expect(response.headers.get('content-type')).toBe(exchange.headers['Content-Type']);
		expect(await response.text()).toBe(exchange.body);
	});
});
