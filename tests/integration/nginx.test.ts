// deploy/nginx.conf run by a real nginx: the app under /migrate/ on one origin, our CORS proxy on another.
import { createHash, randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorsProxy, type CorsProxy } from '../../server/proxy/index';
import { startRecipe, type RunningRecipe } from './nginx-recipe';
import { send, startTarget, type Target } from './proxy-fixtures';

const SHELL = '<!doctype html><title>Kayako migration</title><script type="module" src="/migrate/_app/immutable/entry/start.Ab12.js"></script>';
const ASSET = 'export const started = true;\n';
const HOSTILE = '<!doctype html><script>indexedDB.deleteDatabase("kayako-migrator")</script>';

let recipe: RunningRecipe;
let proxy: CorsProxy | undefined;
let target: Target | undefined;
let appOrigin = '';

beforeAll(async () => {
	target = await startTarget((req, res, received) => {
		if (req.url === '/moved') {
			res.writeHead(302, { Location: '/api/v1/new-home.json' });
			res.end();
			return;
		}
		if (req.url === '/theme.html') {
			res.writeHead(200, { 'Content-Type': 'text/html' });
			res.end(HOSTILE);
			return;
		}
		res.writeHead(200, { 'Content-Type': 'application/json', 'X-RateLimit-Remaining': '42' });
		res.end(JSON.stringify({ url: received.url, authorization: received.headers.authorization, sha256: createHash('sha256').update(received.body).digest('hex') }));
	});
	recipe = await startRecipe(
		{
			'migrate/index.html': SHELL,
			'migrate/service-worker.js': 'self.addEventListener("fetch", () => {});\n',
			'migrate/_app/version.json': '{"version":"1"}',
			'migrate/_app/immutable/entry/start.Ab12.js': ASSET
		},
		async (origin) => {
			appOrigin = origin;
			proxy = createCorsProxy({ env: { PROXY_ALLOW_ORIGINS: origin }, allowHosts: [`127.0.0.1:${target?.port}`] });
			return (await proxy.listen(0, '127.0.0.1')).port;
		}
	);
});

afterAll(async () => {
	await recipe?.close();
	await proxy?.close();
	await target?.close();
});

const viaProxy = (path: string) => `${recipe.proxyUrl}/${target?.url}${path}`;

describe('deploy/nginx.conf serving the app under /migrate/', () => {
	it('serves the shell at /migrate/, revalidated on every visit', async () => {
		const answer = await send(`${recipe.appUrl}/migrate/`);
		expect(answer.status).toBe(200);
		expect(answer.text).toBe(SHELL);
		expect(answer.headers['content-type']).toMatch(/^text\/html/);
		expect(answer.headers['cache-control']).toBe('no-cache');
	});

	it('falls back to the shell for a deep link', async () => {
		const answer = await send(`${recipe.appUrl}/migrate/migrations/x/connect`);
		expect(answer.status).toBe(200);
		expect(answer.text).toBe(SHELL);
	});

	it('serves hashed assets as immutable JavaScript, and a missing one as 404', async () => {
		const asset = await send(`${recipe.appUrl}/migrate/_app/immutable/entry/start.Ab12.js`);
		expect(asset.status).toBe(200);
		expect(asset.text).toBe(ASSET);
		expect(asset.headers['content-type']).toMatch(/javascript/);
		expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect((await send(`${recipe.appUrl}/migrate/_app/immutable/entry/start.Gone.js`)).status).toBe(404);
		expect((await send(`${recipe.appUrl}/migrate/_app/version.json`)).headers['cache-control']).toBe('no-cache');
	});

	it('sends /migrate to /migrate/', async () => {
		const answer = await send(`${recipe.appUrl}/migrate`);
		expect(answer.status).toBe(301);
		expect(answer.headers.location).toMatch(/\/migrate\/$/);
	});
});

describe('deploy/nginx.conf puts the CORS proxy on its own origin', () => {
	it('on another origin than the app, and nowhere under the app origin', async () => {
		expect(new URL(recipe.proxyUrl).origin).not.toBe(new URL(recipe.appUrl).origin);
		const before = target?.received.length;
		for (const path of [`/proxy/${target?.url}/theme.html`, `/${target?.url}/theme.html`, `/migrate/proxy/${target?.url}/theme.html`]) {
			const answer = await send(`${recipe.appUrl}${path}`);
			expect(answer.text, path).not.toBe(HOSTILE);
			expect(answer.headers['x-proxy-error'], path).toBeUndefined();
		}
		expect(target?.received.length).toBe(before);
	});

	it('reaches the target with the URL, query and Authorization untouched, readable by the app origin', async () => {
		const path = '/api/v1/cases.json?filter[status]=open&q=a%2Fb+c&fields=id,subject';
		const answer = await send(viaProxy(path), { headers: { Authorization: 'Bearer tok-123', Origin: appOrigin } });

		expect(answer.status).toBe(200);
		expect(answer.json()).toMatchObject({ url: path, authorization: 'Bearer tok-123' });
		expect(answer.headers['access-control-allow-origin']).toBe(appOrigin);
		expect(answer.headers['x-ratelimit-remaining']).toBe('42');
	});

	it('refuses a page of another site with a 403, before the target', async () => {
		const before = target?.received.length;
		const answer = await send(viaProxy('/api/v1/me.json'), { headers: { Origin: 'https://blog.example.net', Authorization: 'Bearer tok' } });
		expect(answer.status).toBe(403);
		expect(answer.headers['x-proxy-error']).toBe('origin-not-allowed');
		expect(target?.received.length).toBe(before);
	});

	it('hands back a helpdesk page as an inert download, with one CSP and one nosniff', async () => {
		const answer = await send(viaProxy('/theme.html'));
		expect(answer.status).toBe(200);
		expect(answer.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
		expect(answer.headers['x-content-type-options']).toBe('nosniff');
		expect(answer.headers['content-disposition']).toBe('attachment');
	});

	it('keeps its headers on nginx own answers too', async () => {
		// Over client_max_body_size: nginx answers 413 itself, before reading the body.
		const answer = await send(`${recipe.proxyUrl}/${target?.url}/x`, { method: 'POST', headers: { 'Content-Length': 200 * 1024 * 1024 }, body: '' });
		expect(answer.status).toBe(413);
		expect(answer.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
		expect(answer.headers['x-content-type-options']).toBe('nosniff');
	});

	it('carries an upload of several megabytes byte for byte', async () => {
		const upload = randomBytes(6 * 1024 * 1024);
		const answer = await send(viaProxy('/api/v1/media.json'), { method: 'POST', body: upload, headers: { 'Content-Type': 'application/octet-stream' } });
		expect(answer.status).toBe(200);
		expect(answer.json()).toMatchObject({ sha256: createHash('sha256').update(upload).digest('hex') });
	});

	it('passes the proxy own refusal through, readable by the app', async () => {
		const answer = await send(`${recipe.proxyUrl}/http://127.0.0.1:9/`, { headers: { Origin: appOrigin } });
		expect(answer.status).toBe(403);
		expect(answer.headers['x-proxy-error']).toBe('host-not-allowed');
		expect(answer.headers['access-control-allow-origin']).toBe(appOrigin);
		expect(answer.json()).toMatchObject({ error: 'host-not-allowed' });
	});

	it('follows a redirect inside the proxy: the browser gets the answer, never a Location to re-send credentials to', async () => {
		const answer = await send(viaProxy('/moved'), { headers: { Authorization: 'Bearer tok' } });
		expect(answer.status).toBe(200);
		expect(answer.headers.location).toBeUndefined();
		expect(answer.json()).toMatchObject({ url: '/api/v1/new-home.json' });
	});

	it('keeps serving after a request with a Trailer header', async () => {
		const url = new URL(viaProxy('/api/v1/me.json'));
		await new Promise<void>((resolve) => {
			const socket = connect(Number(url.port), url.hostname, () => {
				socket.end(`GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nTrailer: X-Checksum\r\nConnection: close\r\n\r\n`);
			});
			socket.on('data', () => undefined);
			socket.on('close', () => resolve());
		});
		expect((await send(viaProxy('/api/v1/after.json'))).status).toBe(200);
	});

	it('logs no attachment token, path or query: the proxy log names the target host only', async () => {
		await send(viaProxy('/attachments/token/SECRETTOKEN/?name=invoice.pdf&api_key=SECRETKEY'));
		await send(`${recipe.appUrl}/migrate/?import=SECRETQUERY`);
		await new Promise((resolve) => setTimeout(resolve, 100));

		const proxyLog = recipe.proxyLog();
		expect(proxyLog).toContain(`"GET 127.0.0.1:${target?.port}" 200`);
		expect(proxyLog).not.toMatch(/SECRET|attachments|invoice/);
		expect(recipe.appLog()).toContain('"GET /migrate/');
		expect(recipe.appLog()).not.toContain('SECRET');
	});
});
