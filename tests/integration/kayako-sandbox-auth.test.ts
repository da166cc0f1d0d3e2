// Sign-in and session rules of the Kayako sandbox: Basic then session, CSRF, OTP, lockout, expiry, Accept, roles.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KAYAKO_SANDBOX_CREDENTIALS as CREDENTIALS } from '../../server/sandbox/kayako/index';
import { basic, call, Client, startSandbox, type Running } from './kayako-sandbox-helpers';

let running: Running;

beforeEach(async () => {
	running = await startSandbox({ sessionIdleSeconds: 600 });
});

afterEach(async () => {
	await running.sandbox.close();
});

const adminBasic = () => basic(CREDENTIALS.admin.email, CREDENTIALS.admin.password);

describe('Kayako sandbox sign-in', () => {
	it('creates a session on Basic auth and accepts the session id alone afterwards, in the header or the argument', async () => {
		const login = await call(`${running.base}/api/v1/teams.json`, { headers: { Authorization: adminBasic() } });
		expect(login.status).toBe(200);
		const sessionId = login.json.session_id as string;
		const byHeader = await call(`${running.base}/api/v1/teams.json`, { headers: { 'X-Session-ID': sessionId } });
		expect(byHeader.status).toBe(200);
		expect(byHeader.json.session_id).toBeUndefined();
		const byArgument = await call(`${running.base}/api/v1/teams?_session_id=${encodeURIComponent(sessionId)}`);
		expect(byArgument.status).toBe(200);
	});

	it('refuses credentials sent together with a session: 400 for a known session, 454 for an unknown one', async () => {
		const client = new Client(running.base);
		await client.login(CREDENTIALS.admin);
		const both = await call(`${running.base}/api/v1/teams`, { headers: { Authorization: adminBasic(), 'X-Session-ID': client.sessionId } });
		expect(both.status).toBe(400);
		expect(both.json.errors[0].code).toBe('PARAMETERS_INCONSISTENT');
		const unknown = await call(`${running.base}/api/v1/teams`, { headers: { Authorization: adminBasic(), 'X-Session-ID': 'no-such-session' } });
		expect(unknown.status).toBe(454);
		expect(unknown.json.errors[0].code).toBe('SESSION_LOADING_FAILED');
	});

	it('fails a POST on a CSRF-protected session without the token, and passes it with the token', async () => {
		const client = new Client(running.base);
		await client.login(CREDENTIALS.admin, { csrf: true });
		expect(client.csrfToken).toEqual(expect.any(String));
		const without = await call(`${running.base}/api/v1/teams.json`, { method: 'POST', headers: { 'X-Session-ID': client.sessionId }, json: { title: 'Escalations' } });
		expect(without.status).toBe(403);
		expect(without.json).toMatchObject({ status: 403, errors: [{ code: 'CSRF_FAILED', more_info: expect.stringContaining('CSRF_FAILED') }] });
		const withToken = await client.request('POST', '/teams.json', { json: { title: 'Escalations' } });
		expect(withToken.status).toBe(201);
		expect(running.sandbox.state().teams.map((team) => team.title)).toContain('Escalations');
	});

	it('lets a session opened with X-CSRF: false write without any token', async () => {
		const client = new Client(running.base);
		await client.login(CREDENTIALS.admin);
		expect(client.csrfToken).toBeNull();
		const created = await call(`${running.base}/api/v1/teams.json`, { method: 'POST', headers: { 'X-Session-ID': client.sessionId }, json: { title: 'Night shift' } });
		expect(created.status).toBe(201);
	});

	it('asks a 2FA user for the one-time password and completes the sign-in with X-Token and X-OTP', async () => {
		const first = await call(`${running.base}/api/v1/me`, { headers: { Authorization: basic(CREDENTIALS.mfa.email, CREDENTIALS.mfa.password) } });
		expect(first.status).toBe(403);
		expect(first.json.errors[0].code).toBe('OTP_EXPECTED');
		const token = first.json.auth_token as string;
		const wrong = await call(`${running.base}/api/v1/me`, { headers: { 'X-Token': token, 'X-OTP': '000000' } });
		expect(wrong.status).toBe(401);
		const right = await call(`${running.base}/api/v1/me`, { headers: { 'X-Token': token, 'X-OTP': CREDENTIALS.mfa.otp } });
		expect(right.status).toBe(200);
		expect(right.json.data.emails).toHaveLength(1);
		expect(right.json.session_id).toEqual(expect.any(String));
	});

	it('counts failed sign-ins and locks the e-mail after ten with 429 and Retry-After, even for the right password', async () => {
		const wrong = basic(CREDENTIALS.agent.email, 'wrong');
		for (let attempt = 1; attempt <= 10; attempt += 1) {
			const answer = await call(`${running.base}/api/v1/me`, { headers: { Authorization: wrong } });
			expect(answer.status).toBe(401);
			expect(answer.json.notifications[0].message).toBe(`Invalid email or password (attempt: ${attempt}/10)`);
		}
		const locked = await call(`${running.base}/api/v1/me`, { headers: { Authorization: basic(CREDENTIALS.agent.email, CREDENTIALS.agent.password) } });
		expect(locked.status).toBe(429);
		expect(locked.json.errors[0].code).toBe('AUTHENTICATION_LOCKED');
		expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
		running.sandbox.advanceClock(Number(locked.headers.get('retry-after')) * 1000);
		const later = await call(`${running.base}/api/v1/me`, { headers: { Authorization: basic(CREDENTIALS.agent.email, CREDENTIALS.agent.password) } });
		expect(later.status).toBe(200);
	});

	it('refuses a disabled agent even with the right password', async () => {
		const answer = await call(`${running.base}/api/v1/me`, { headers: { Authorization: basic(CREDENTIALS.disabled.email, CREDENTIALS.disabled.password) } });
		expect(answer.status).toBe(401);
		expect(answer.json.errors[0].code).toBe('AUTHENTICATION_FAILED');
	});

	it('expires a session after the idle time, answering 401, and keeps a session that is used in time', async () => {
		const idle = new Client(running.base);
		await idle.login(CREDENTIALS.admin);
		const busy = new Client(running.base);
		await busy.login(CREDENTIALS.agent);
		running.sandbox.advanceClock(400_000);
		expect((await busy.get('/me')).status).toBe(200);
		running.sandbox.advanceClock(400_000);
		expect((await busy.get('/me')).status).toBe(200);
		const expired = await idle.get('/me');
		expect(expired.status).toBe(401);
		expect(expired.json.errors[0].code).toBe('AUTHORIZATION_REQUIRED');
	});

	it('ends a session on DELETE /session', async () => {
		const client = new Client(running.base);
		await client.login(CREDENTIALS.admin);
		expect((await client.request('DELETE', '/session')).status).toBe(200);
		expect((await client.get('/me')).status).toBe(401);
	});

	it('answers 406 when the Accept header does not allow JSON', async () => {
		const answer = await call(`${running.base}/api/v1/me`, { headers: { Authorization: adminBasic(), Accept: 'text/html' } });
		expect(answer.status).toBe(406);
		expect(answer.json.errors[0].code).toBe('FORMAT_NOT_ACCEPTABLE');
	});
});

describe('Kayako sandbox roles', () => {
	it('lets an agent create a customer but not an agent, and keeps admin-only endpoints from agents', async () => {
		const agent = new Client(running.base);
		await agent.login(CREDENTIALS.agent);
		const customer = await agent.request('POST', '/users.json', { json: { full_name: 'Ada Customer', email: 'ada@customer.example' } });
		expect(customer.status).toBe(201);
		expect(customer.json.data.role).toEqual({ id: 4, resource_type: 'role' });
		const staff = await agent.request('POST', '/users.json', { json: { full_name: 'Bob Agent', role_id: 2, email: 'bob@acme.example', team_ids: '1' } });
		expect(staff.status).toBe(403);
		expect(staff.json.errors[0].code).toBe('PERMISSIONS_DENIED');
		expect((await agent.request('POST', '/teams', { json: { title: 'Agents only' } })).status).toBe(403);
		expect((await agent.request('POST', '/cases/fields', { json: { type: 'TEXT', title: 'Agents only' } })).status).toBe(403);
		expect((await agent.request('PUT', '/triggers/1', { json: { is_enabled: false } })).status).toBe(403);
		expect(running.sandbox.state().triggers.every((trigger) => trigger.is_enabled)).toBe(true);
	});

	it('gives /me the role of the signed-in user when include=role asks for it', async () => {
		const admin = new Client(running.base);
		await admin.login(CREDENTIALS.admin);
		const me = await admin.get('/me?include=role');
		expect(me.json.data.role).toMatchObject({ type: 'ADMIN', resource_type: 'role' });
		const roles = await admin.get('/roles');
		expect((roles.json.data as { type: string }[]).map((role) => role.type).sort()).toEqual(['ADMIN', 'AGENT', 'COLLABORATOR', 'CUSTOMER', 'OWNER']);
	});
});

describe('Kayako sandbox addressing', () => {
	it('routes paths with and without .json, and answers HTML 404 outside /<account>/api/v1 and its agent pages', async () => {
		const client = new Client(running.base);
		await client.login(CREDENTIALS.admin);
		expect((await client.get('/teams')).json.data).toEqual((await client.get('/teams.json')).json.data);
		const outside = await fetch(`${running.base}/elsewhere/conversations`);
		expect(outside.status).toBe(404);
		expect(outside.headers.get('content-type')).toContain('text/html');
	});

	it('answers unknown resources with 404 RESOURCE_NOT_FOUND and wrong methods with 405', async () => {
		const client = new Client(running.base);
		await client.login(CREDENTIALS.admin);
		const missing = await client.get('/cases/9999');
		expect(missing.status).toBe(404);
		expect(missing.json.errors[0].code).toBe('RESOURCE_NOT_FOUND');
		const wrongMethod = await client.request('PATCH', '/cases/1', { json: { subject: 'x' } });
		expect(wrongMethod.status).toBe(405);
		expect(wrongMethod.json.errors[0].code).toBe('METHOD_NOT_SUPPORTED');
	});

	it('hosts several accounts on one port, each with its own data and resource URLs', async () => {
		const multi = await startSandbox({ accounts: ['acme', 'globex'] });
		try {
			const globex = new Client(multi.sandbox.accountUrl('globex'));
			await globex.login({ email: 'admin@globex.example', password: CREDENTIALS.admin.password });
			const teams = await globex.get('/teams');
			expect(teams.json.data[0].resource_url).toBe(`${multi.origin}/globex/api/v1/teams/1`);
			await globex.request('POST', '/teams', { json: { title: 'Globex only' } });
			expect(multi.sandbox.state('acme').teams.map((team) => team.title)).not.toContain('Globex only');
		} finally {
			await multi.sandbox.close();
		}
	});
});
