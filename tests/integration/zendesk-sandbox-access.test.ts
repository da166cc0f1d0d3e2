// Who may call the Zendesk sandbox and how often: API token, password and OAuth, the anonymous /users/me, 401/403, and the account rate limit.
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, AGENT_TOKEN, basic, CREDENTIALS, getJson, useSandbox } from './zendesk-sandbox-fixtures';

const { sandbox, url } = useSandbox({ tickets: 60, rateLimitPerMinute: 700 });

describe('signing in to the Zendesk sandbox', () => {
	it('accepts the API token, the password and the OAuth token of the admin', async () => {
		for (const authorization of [ADMIN_TOKEN, basic(CREDENTIALS.email, CREDENTIALS.password), `Bearer ${CREDENTIALS.oauthToken}`]) {
			const answer = await getJson<{ user: { email: string; role: string } }>(`${url()}/api/v2/users/me.json`, authorization);
			expect(answer.status).toBe(200);
			expect(answer.json.user).toMatchObject({ email: CREDENTIALS.email, role: 'admin' });
		}
	});

	it('shows the anonymous user on /users/me without credentials, with a wrong password or a wrong API token, as Zendesk does', async () => {
		for (const authorization of [undefined, basic(CREDENTIALS.email, 'wrong'), basic(`${CREDENTIALS.email}/token`, 'not-the-token')]) {
			const answer = await getJson<{ user: { id: number | null; name: string } }>(`${url()}/api/v2/users/me`, authorization ?? '');
			expect(answer.status).toBe(200);
			expect(answer.json.user).toMatchObject({ id: null, name: 'Anonymous user', email: 'invalid@example.com', role: 'end-user' });
		}
	});

	it('answers a wrong API token with 401 "Couldn\'t authenticate you" everywhere but /users/me', async () => {
		const wrong = basic(`${CREDENTIALS.email}/token`, 'not-the-token');
		const answer = await getJson(`${url()}/api/v2/tickets.json`, wrong);
		expect(answer.status).toBe(401);
		expect(answer.json).toEqual({ error: "Couldn't authenticate you" });
		expect((await getJson(`${url()}/api/v2/tickets.json`, '')).status).toBe(401);
		expect((await getJson(`${url()}/api/v2/tickets.json`, basic(CREDENTIALS.email, 'wrong'))).status).toBe(401);
	});

	it('answers an unknown OAuth token with 401 invalid_token', async () => {
		const answer = await getJson(`${url()}/api/v2/tickets.json`, 'Bearer nope');
		expect(answer.status).toBe(401);
		expect(answer.json).toMatchObject({ error: 'invalid_token' });
	});

	it('lets a non-admin agent read tickets but not the admin-only exports', async () => {
		expect((await getJson(`${url()}/api/v2/tickets.json`, AGENT_TOKEN)).status).toBe(200);
		const me = await getJson<{ user: { role: string } }>(`${url()}/api/v2/users/me.json`, AGENT_TOKEN);
		expect(me.json.user.role).toBe('agent');
		expect((await getJson(`${url()}/api/v2/incremental/users/cursor.json?start_time=0`, AGENT_TOKEN)).status).toBe(403);
	});

	it('adds CORS headers to OAuth answers only, and not to a 403', async () => {
		const oauth = await getJson(`${url()}/api/v2/tickets.json`, `Bearer ${CREDENTIALS.oauthToken}`);
		expect(oauth.headers.get('access-control-allow-origin')).toBe('*');
		const token = await getJson(`${url()}/api/v2/tickets.json`, ADMIN_TOKEN);
		expect(token.headers.get('access-control-allow-origin')).toBeNull();
		const forbidden = await getJson(`${url()}/api/v2/incremental/users/cursor.json?start_time=0`, `Bearer ${CREDENTIALS.agent.oauthToken}`);
		expect(forbidden.status).toBe(403);
		expect(forbidden.headers.get('access-control-allow-origin')).toBeNull();
	});

	it('routes paths with and without .json, and answers an unknown endpoint with 404 InvalidEndpoint', async () => {
		const withJson = await getJson(`${url()}/api/v2/ticket_fields.json`);
		const without = await getJson(`${url()}/api/v2/ticket_fields`);
		expect(without.json).toEqual(withJson.json);
		const unknown = await getJson(`${url()}/api/v2/no_such_thing.json`);
		expect(unknown.status).toBe(404);
		expect(unknown.json).toEqual({ error: 'InvalidEndpoint', description: 'Not found' });
	});
});

describe('the account rate limit of the Zendesk sandbox', () => {
	it('counts down X-Rate-Limit-Remaining, answers 429 with Retry-After when spent, and recovers when the minute turns', async () => {
		sandbox().reset();
		sandbox().setRateLimit(3);
		const answers = [];
		for (let request = 0; request < 4; request += 1) answers.push(await getJson(`${url()}/api/v2/groups.json`));
		expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
		expect(answers.map((answer) => answer.headers.get('x-rate-limit-remaining'))).toEqual(['2', '1', '0', '0']);
		expect(answers[0]?.headers.get('x-rate-limit')).toBe('3');
		expect(answers[0]?.headers.get('ratelimit-limit')).toBe('3');
		const retryAfter = Number(answers[3]?.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThan(0);
		expect(answers[3]?.json).toEqual({ error: 'APIRateLimitExceeded', description: 'Number of allowed API requests per minute exceeded' });
		sandbox().advanceClock(retryAfter * 1000);
		expect((await getJson(`${url()}/api/v2/groups.json`)).status).toBe(200);
		sandbox().reset();
	});

	it('counts Help Center requests apart from Support requests', async () => {
		sandbox().reset();
		sandbox().setRateLimit(2);
		expect((await getJson(`${url()}/api/v2/groups.json`)).status).toBe(200);
		expect((await getJson(`${url()}/api/v2/groups.json`)).status).toBe(200);
		expect((await getJson(`${url()}/api/v2/groups.json`)).status).toBe(429);
		expect((await getJson(`${url()}/api/v2/help_center/articles.json`)).status).toBe(200);
		sandbox().reset();
	});

	it('reports the ticket index limit on ticket lists', async () => {
		sandbox().reset();
		const answer = await getJson(`${url()}/api/v2/tickets.json?page[size]=10`);
		expect(answer.headers.get('zendesk-ratelimit-tickets-index')).toMatch(/^total=100; remaining=99; resets=\d+$/);
	});
});
