// PROXY_ALLOW_ORIGINS: only the app's pages may use the proxy; any other page is refused before anything goes upstream.
import { afterEach, describe, expect, it } from 'vitest';
import { createCorsProxy, type CorsProxyOptions } from '../../server/proxy/index';
import { exposedNames, send, startTarget } from './proxy-fixtures';

const APP = 'https://migrate.example.org';
const EVIL = 'https://blog.example.net';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(options: CorsProxyOptions = {}) {
	const target = await startTarget();
	cleanups.push(target.close);
	const proxy = createCorsProxy({ env: { PROXY_ALLOW_ORIGINS: APP }, allowHosts: [`127.0.0.1:${target.port}`], ...options });
	cleanups.push(proxy.close);
	const { url } = await proxy.listen(0, '127.0.0.1');
	return { target, proxy, via: (path: string) => `${url}/${target.url}${path}` };
}

describe('the origin allow-list', () => {
	it('answers the app origin, readable by it alone', async () => {
		const { target, via } = await setUp();
		const answer = await send(via('/api/v1/me.json'), { headers: { Origin: APP, Authorization: 'Bearer t' } });

		expect(answer.status).toBe(200);
		expect(answer.headers['access-control-allow-origin']).toBe(APP);
		expect(answer.headers.vary).toBe('Origin');
		expect(exposedNames(answer)).toContain('x-proxy-error');
		expect(target.received).toHaveLength(1);
	});

	it('refuses another site with a 403 it cannot read, and sends nothing upstream', async () => {
		const { target, via } = await setUp();
		for (const origin of [EVIL, 'http://migrate.example.org', 'https://migrate.example.org.evil.net', 'null']) {
			const answer = await send(via('/api/v1/me.json'), { headers: { Origin: origin, Authorization: 'Bearer t' } });
			expect(answer.status, origin).toBe(403);
			expect(answer.headers['x-proxy-error'], origin).toBe('origin-not-allowed');
			expect(answer.headers['access-control-allow-origin'], origin).toBeUndefined();
		}
		expect(target.received).toHaveLength(0);
	});

	it('refuses the preflight of another site, so the browser never sends the real request', async () => {
		const { via } = await setUp();
		const headers = { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' };
		const evil = await send(via('/api/v1/me.json'), { method: 'OPTIONS', headers: { ...headers, Origin: EVIL } });
		const app = await send(via('/api/v1/me.json'), { method: 'OPTIONS', headers: { ...headers, Origin: APP } });

		expect(evil.status).toBe(403);
		expect(evil.headers['access-control-allow-origin']).toBeUndefined();
		expect(app.status).toBe(200);
		expect(app.headers['access-control-allow-origin']).toBe(APP);
	});

	it('hides which ports and hosts exist from another site: the same refusal whatever the target', async () => {
		const { via } = await setUp();
		const answers = await Promise.all(
			['http://127.0.0.1:1/', 'https://acme.zendesk.com/', 'http://10.0.0.1/'].map((address) => send(`${new URL(via('/')).origin}/${address}`, { headers: { Origin: EVIL } }))
		);
		expect(new Set(answers.map((a) => `${a.status} ${a.text}`)).size).toBe(1);
	});

	it('refuses a page without Origin that the browser marks as another site (a link, an <img>)', async () => {
		const { target, via } = await setUp();
		for (const site of ['cross-site', 'same-site', 'same-origin']) {
			const answer = await send(via('/api/v1/me.json'), { headers: { 'Sec-Fetch-Site': site, 'Sec-Fetch-Mode': 'no-cors' } });
			expect(answer.status, site).toBe(403);
		}
		expect(target.received).toHaveLength(0);
	});

	it('lets a program through: no Origin (the headless runner, curl), or an address typed by the user', async () => {
		const { target, via } = await setUp();
		expect((await send(via('/a'))).status).toBe(200);
		expect((await send(via('/b'), { headers: { 'Sec-Fetch-Site': 'none', 'Sec-Fetch-Mode': 'navigate' } })).status).toBe(200);
		expect(target.received.map((r) => r.url)).toEqual(['/a', '/b']);
	});

	it('refuses every page when no origin is configured, and any origin only when the operator writes "*"', async () => {
		const closed = await setUp({ env: {} });
		expect((await send(closed.via('/x'), { headers: { Origin: APP } })).status).toBe(403);
		const open = await setUp({ env: {}, allowOrigins: ['*'] });
		const answer = await send(open.via('/x'), { headers: { Origin: EVIL } });
		expect(answer.status).toBe(200);
		expect(answer.headers['access-control-allow-origin']).toBe(EVIL);
	});

	it('rejects an entry that is not an origin, naming the variable', () => {
		expect(() => createCorsProxy({ env: { PROXY_ALLOW_ORIGINS: 'https://migrate.example.org/app/' } })).toThrow(/PROXY_ALLOW_ORIGINS/);
		expect(() => createCorsProxy({ env: { PROXY_ALLOW_ORIGINS: 'migrate.example.org' } })).toThrow(/not an origin/);
		expect(createCorsProxy({ env: { PROXY_ALLOW_ORIGINS: 'https://Migrate.example.org/, http://127.0.0.1:5173' } }).allowedOrigins()).toEqual([
			'https://migrate.example.org',
			'http://127.0.0.1:5173'
		]);
	});
});
