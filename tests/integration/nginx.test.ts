// deploy/nginx.conf run by a real nginx: the app under /migrate/ with its SPA fallback, and /proxy/ through our CORS proxy.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorsProxy, type CorsProxy } from '../../server/proxy/index';
import { closedPort, send, startTarget, type Target } from './proxy-fixtures';

const NGINX = '/usr/sbin/nginx';
const TEMPLATE = join(process.cwd(), 'deploy/nginx.conf');
const SHELL = '<!doctype html><title>Kayako migration</title><script type="module" src="/migrate/_app/immutable/entry/start.Ab12.js"></script>';
const ASSET = 'export const started = true;\n';

let prefix = '';
let nginx: ChildProcess | undefined;
let nginxUrl = '';
let proxy: CorsProxy | undefined;
let target: Target | undefined;

/** The template with its example values swapped for the test's; each must be there, or the template drifted. */
function siteConfig(template: string, values: { port: number; root: string; proxyPort: number }): string {
	const swaps: [string, string][] = [
		['listen 8080;', `listen 127.0.0.1:${values.port};`],
		['root /srv/kayako-migrator;', `root ${values.root};`],
		['http://127.0.0.1:8090$', `http://127.0.0.1:${values.proxyPort}$`]
	];
	let config = template;
	for (const [from, to] of swaps) {
		if (config.split(from).length !== 2) throw new Error(`deploy/nginx.conf should contain "${from}" exactly once`);
		config = config.replace(from, to);
	}
	return config;
}

function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
	const deadline = Date.now() + 10_000;
	return new Promise((resolve, reject) => {
		const attempt = () => {
			if (child.exitCode !== null) return reject(new Error(`nginx exited with ${child.exitCode}:\n${log()}`));
			const socket = connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.destroy();
				resolve();
			});
			socket.once('error', () => {
				socket.destroy();
				if (Date.now() > deadline) reject(new Error(`nginx did not listen on ${port} within 10 s:\n${log()}`));
				else setTimeout(attempt, 50);
			});
		};
		attempt();
	});
}

beforeAll(async () => {
	if (!existsSync(NGINX)) throw new Error(`nginx is not installed at ${NGINX}. Install it with: apt-get install nginx`);
	prefix = mkdtempSync(join(tmpdir(), 'nginx-'));
	const files: Record<string, string> = {
		'www/migrate/index.html': SHELL,
		'www/migrate/service-worker.js': 'self.addEventListener("fetch", () => {});\n',
		'www/migrate/_app/version.json': '{"version":"1"}',
		'www/migrate/_app/immutable/entry/start.Ab12.js': ASSET
	};
	for (const [name, content] of Object.entries(files)) {
		mkdirSync(dirname(join(prefix, name)), { recursive: true });
		writeFileSync(join(prefix, name), content);
	}

	target = await startTarget((req, res, received) => {
		if (req.url === '/moved') {
			res.writeHead(302, { Location: '/api/v1/new-home.json' });
			res.end();
			return;
		}
		res.writeHead(200, { 'Content-Type': 'application/json', 'X-RateLimit-Remaining': '42' });
		res.end(JSON.stringify({ url: received.url, authorization: received.headers.authorization, sha256: createHash('sha256').update(received.body).digest('hex') }));
	});
	proxy = createCorsProxy({ env: {}, allowHosts: [`127.0.0.1:${target.port}`] });
	const proxyPort = (await proxy.listen(0, '127.0.0.1')).port;

	const port = await closedPort();
	writeFileSync(join(prefix, 'site.conf'), siteConfig(readFileSync(TEMPLATE, 'utf8'), { port, root: join(prefix, 'www'), proxyPort }));
	writeFileSync(
		join(prefix, 'nginx.conf'),
		[
			'events { worker_connections 64; }',
			'http {',
			'	include /etc/nginx/mime.types;',
			'	default_type application/octet-stream;',
			'	access_log off;',
			`	include ${join(prefix, 'site.conf')};`,
			'}',
			''
		].join('\n')
	);
	const errorLog = join(prefix, 'error.log');
	// One process, no master: it runs as whoever runs the tests and reads the temporary files they wrote.
	nginx = spawn(NGINX, ['-p', `${prefix}/`, '-c', join(prefix, 'nginx.conf'), '-e', errorLog, '-g', `daemon off; master_process off; pid ${join(prefix, 'nginx.pid')};`], {
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	nginx.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	await waitForPort(port, nginx, () => `${stderr}${existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : ''}`);
	nginxUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
	if (nginx && nginx.exitCode === null) {
		const exited = new Promise((resolve) => nginx?.once('exit', resolve));
		nginx.kill('SIGQUIT');
		await exited;
	}
	await proxy?.close();
	await target?.close();
	if (prefix) rmSync(prefix, { recursive: true, force: true });
});

describe('deploy/nginx.conf serving the app under /migrate/', () => {
	it('serves the shell at /migrate/, revalidated on every visit', async () => {
		const answer = await send(`${nginxUrl}/migrate/`);
		expect(answer.status).toBe(200);
		expect(answer.text).toBe(SHELL);
		expect(answer.headers['content-type']).toMatch(/^text\/html/);
		expect(answer.headers['cache-control']).toBe('no-cache');
	});

	it('falls back to the shell for a deep link', async () => {
		const answer = await send(`${nginxUrl}/migrate/migrations/x/connect`);
		expect(answer.status).toBe(200);
		expect(answer.text).toBe(SHELL);
	});

	it('serves hashed assets as immutable JavaScript, and a missing one as 404', async () => {
		const asset = await send(`${nginxUrl}/migrate/_app/immutable/entry/start.Ab12.js`);
		expect(asset.status).toBe(200);
		expect(asset.text).toBe(ASSET);
		expect(asset.headers['content-type']).toMatch(/javascript/);
		expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect((await send(`${nginxUrl}/migrate/_app/immutable/entry/start.Gone.js`)).status).toBe(404);
		expect((await send(`${nginxUrl}/migrate/_app/version.json`)).headers['cache-control']).toBe('no-cache');
	});

	it('sends /migrate to /migrate/', async () => {
		const answer = await send(`${nginxUrl}/migrate`);
		expect(answer.status).toBe(301);
		expect(answer.headers.location).toMatch(/\/migrate\/$/);
	});
});

describe('deploy/nginx.conf in front of the CORS proxy at /proxy/', () => {
	it('reaches the target with the URL, query and Authorization untouched, and CORS headers added', async () => {
		const path = '/api/v1/cases.json?filter[status]=open&q=a%2Fb+c&fields=id,subject';
		const answer = await send(`${nginxUrl}/proxy/${target?.url}${path}`, { headers: { Authorization: 'Bearer tok-123' } });

		expect(answer.status).toBe(200);
		expect(answer.json()).toMatchObject({ url: path, authorization: 'Bearer tok-123' });
		expect(answer.headers['access-control-allow-origin']).toBe('*');
		expect(answer.headers['x-ratelimit-remaining']).toBe('42');
	});

	it('carries an upload of several megabytes byte for byte', async () => {
		const upload = randomBytes(6 * 1024 * 1024);
		const answer = await send(`${nginxUrl}/proxy/${target?.url}/api/v1/media.json`, { method: 'POST', body: upload, headers: { 'Content-Type': 'application/octet-stream' } });
		expect(answer.status).toBe(200);
		expect(answer.json()).toMatchObject({ sha256: createHash('sha256').update(upload).digest('hex') });
	});

	it('passes the proxy own refusal through, readable by the browser', async () => {
		const answer = await send(`${nginxUrl}/proxy/http://127.0.0.1:9/`);
		expect(answer.status).toBe(403);
		expect(answer.headers['x-proxy-error']).toBe('host-not-allowed');
		expect(answer.json()).toMatchObject({ error: 'host-not-allowed' });
	});

	it('points a redirect back through /proxy/', async () => {
		const answer = await send(`${nginxUrl}/proxy/${target?.url}/moved`);
		expect(answer.status).toBe(302);
		expect(answer.headers.location).toBe(`${nginxUrl}/proxy/${target?.url}/api/v1/new-home.json`);
	});
});
