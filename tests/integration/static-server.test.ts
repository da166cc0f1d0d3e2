// The static server for self-hosting: the shell for every wizard route, assets cached for good, under a base path too.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SCRIPT_SECURITY_HEADERS, SECURITY_HEADERS } from '../../server/security-headers';
import { createStaticServer, IMMUTABLE_CACHE, type StaticServerOptions } from '../../server/static';
import { send } from './proxy-fixtures';

const SHELL = '<!doctype html><title>Kayako migration</title><script type="module" src="/_app/immutable/entry/start.Ab12.js"></script>';
const ASSET = 'export const started = true;\n';
let fakeBuild = '';

beforeAll(() => {
	fakeBuild = mkdtempSync(join(tmpdir(), 'static-build-'));
	const files: Record<string, string> = {
		'index.html': SHELL,
		'service-worker.js': 'self.addEventListener("fetch", () => {});\n',
		'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
		'_app/version.json': '{"version":"1"}',
		'_app/immutable/entry/start.Ab12.js': ASSET
	};
	for (const [name, content] of Object.entries(files)) {
		mkdirSync(dirname(join(fakeBuild, name)), { recursive: true });
		writeFileSync(join(fakeBuild, name), content);
	}
});
afterAll(() => rmSync(fakeBuild, { recursive: true, force: true }));

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const close of closers.splice(0)) await close();
});

async function serve(options: Omit<StaticServerOptions, 'dir'> & { dir?: string }): Promise<string> {
	const server = createStaticServer({ dir: fakeBuild, ...options });
	closers.push(server.close);
	return (await server.listen(0, '127.0.0.1')).url;
}

describe('the static server at the root', () => {
	it('serves index.html for / and for a deep link, revalidated on every visit', async () => {
		const url = await serve({ basePath: '' });
		for (const path of ['/', '/migrations/x/connect']) {
			const answer = await send(`${url}${path}`);
			expect(answer.status, path).toBe(200);
			expect(answer.text, path).toBe(SHELL);
			expect(answer.headers['content-type'], path).toMatch(/^text\/html/);
			expect(answer.headers['cache-control'], path).toBe('no-cache');
		}
	});

	it('caches hashed assets for good and the service worker not at all', async () => {
		const url = await serve({ basePath: '' });
		const asset = await send(`${url}/_app/immutable/entry/start.Ab12.js`);
		const worker = await send(`${url}/service-worker.js`);

		expect(asset.status).toBe(200);
		expect(asset.text).toBe(ASSET);
		expect(asset.headers['content-type']).toMatch(/javascript/);
		expect(asset.headers['cache-control']).toBe(IMMUTABLE_CACHE);
		expect(worker.status).toBe(200);
		expect(worker.headers['cache-control']).toBe('no-cache');
	});

	it('answers 404, not the shell, for a missing asset', async () => {
		const url = await serve({ basePath: '' });
		expect((await send(`${url}/_app/immutable/entry/start.Gone.js`)).status).toBe(404);
		expect((await send(`${url}/_app/immutable/chunks/Gone`)).status).toBe(404);
		expect((await send(`${url}/logo.png`)).status).toBe(404);
	});

	it('refuses to be written to', async () => {
		const url = await serve({ basePath: '' });
		const answer = await send(`${url}/`, { method: 'POST', body: 'x' });
		expect(answer.status).toBe(405);
		expect(answer.headers.allow).toBe('GET, HEAD');
	});
});

describe('the security headers', () => {
	it('sends the CSP header half, no referrer and nosniff on every answer: shell, asset, 404, 405, redirect, config', async () => {
		const url = await serve({ appConfig: () => ({ proxyUrl: 'http://127.0.0.1:8090' }) });
		const under = await serve({ basePath: '/migrate' });
		const pages = await Promise.all([
			send(`${url}/`),
			send(`${url}/migrations/x/connect`),
			send(`${url}/_app/immutable/missing.js`),
			send(`${url}/app-config.json`),
			send(`${url}/`, { method: 'POST' }),
			send(`${under}/`),
			send(`${under}/elsewhere`)
		]);
		// The worker scripts take their policy from their own answer: script-src 'self' outright.
		const scripts = await Promise.all([send(`${url}/_app/immutable/entry/start.Ab12.js`), send(`${url}/service-worker.js`), send(`${under}/migrate/service-worker.js`)]);
		for (const answer of scripts) expect(answer.headers['content-security-policy']).toBe(SCRIPT_SECURITY_HEADERS['Content-Security-Policy']);
		for (const answer of pages) expect(answer.headers['content-security-policy']).toBe(SECURITY_HEADERS['Content-Security-Policy']);
		for (const answer of [...pages, ...scripts]) {
			expect(answer.headers['referrer-policy']).toBe('no-referrer');
			expect(answer.headers['x-content-type-options']).toBe('nosniff');
		}
		expect(SECURITY_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'");
	});
});

describe('the installation config', () => {
	it('serves app-config.json as JSON, built at each request, under the base path too', async () => {
		let proxyUrl = 'http://127.0.0.1:8090';
		const url = await serve({ basePath: '/migrate', appConfig: () => ({ proxyUrl }) });
		const first = await send(`${url}/migrate/app-config.json`);
		expect(first.headers['content-type']).toMatch(/^application\/json/);
		expect(JSON.parse(first.text)).toEqual({ proxyUrl: 'http://127.0.0.1:8090' });
		proxyUrl = 'http://127.0.0.1:4280';
		expect(JSON.parse((await send(`${url}/migrate/app-config.json`)).text)).toEqual({ proxyUrl });
	});

	it('has none without a config, like a plain static host: no JSON, so the app uses its defaults', async () => {
		const url = await serve({ basePath: '' });
		expect((await send(`${url}/app-config.json`)).headers['content-type']).not.toMatch(/json/);
	});
});

describe('the static server under a base path', () => {
	it('serves the shell at /migrate/ and for deep links below it', async () => {
		const url = await serve({ basePath: '/migrate/' });
		for (const path of ['/migrate/', '/migrate/migrations/x/connect']) {
			const answer = await send(`${url}${path}`);
			expect(answer.status, path).toBe(200);
			expect(answer.text, path).toBe(SHELL);
		}
	});

	it('serves assets below the base path with the immutable cache header', async () => {
		const url = await serve({ basePath: '/migrate' });
		const answer = await send(`${url}/migrate/_app/immutable/entry/start.Ab12.js`);
		expect(answer.status).toBe(200);
		expect(answer.headers['cache-control']).toBe(IMMUTABLE_CACHE);
	});

	it('sends / and /migrate to /migrate/, and knows nothing outside it', async () => {
		const url = await serve({ basePath: '/migrate' });
		const bare = await send(`${url}/migrate?lang=de`);
		const root = await send(`${url}/`);

		expect(bare.status).toBe(301);
		expect(bare.headers.location).toBe('/migrate/?lang=de');
		expect(root.headers.location).toBe('/migrate/');
		expect((await send(`${url}/migrations/x/connect`)).status).toBe(404);
		expect((await send(`${url}/migrated/`)).status).toBe(404);
	});
});

describe('the static server on the real build', () => {
	// The one place the real output is checked: build it once if it is not there yet.
	const buildDir = join(process.cwd(), 'build');

	it('serves the built shell for a deep link and its entry script as immutable', { timeout: 300_000 }, async () => {
		if (!existsSync(join(buildDir, 'index.html'))) {
			execFileSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, BASE_PATH: '' } });
		}
		const shell = readFileSync(join(buildDir, 'index.html'), 'utf8');
		// Whatever BASE_PATH the build was made with shows in front of /_app/.
		const entry = /["']((?:\/[^"'\s]*)?\/_app\/immutable\/[^"']+\.js)["']/.exec(shell)?.[1] ?? '';
		expect(entry, 'index.html should load a script from /_app/immutable/').not.toBe('');
		const basePath = entry.slice(0, entry.indexOf('/_app/'));

		const url = await serve({ dir: buildDir, basePath });
		const deepLink = await send(`${url}${basePath}/migrations/x/connect`);
		const script = await send(`${url}${entry}`);

		expect(deepLink.status).toBe(200);
		expect(deepLink.text).toBe(shell);
		expect(script.status).toBe(200);
		expect(script.headers['cache-control']).toBe(IMMUTABLE_CACHE);
	});

	it('carries a CSP in the shell that allows exactly its own scripts: the inline bootstrap by hash, no inline script else', { timeout: 300_000 }, () => {
		const shell = readFileSync(join(buildDir, 'index.html'), 'utf8');
		const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(shell)?.[1] ?? '';
		const scriptSrc = policy.split(';').map((directive) => directive.trim().split(/\s+/)).find(([name]) => name === 'script-src') ?? [];
		const inlineScripts = [...shell.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
		expect(inlineScripts.length, 'SvelteKit bootstraps with one inline script').toBeGreaterThan(0);
		const hashes = inlineScripts.map((script) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`);
		expect(scriptSrc.slice(1).sort()).toEqual(["'self'", ...hashes].sort());
		expect(policy).toContain("default-src 'self'");
		expect(policy).toContain("object-src 'none'");
		// The meta tag must come before the first script, or the browser runs that script unchecked.
		expect(shell.indexOf('http-equiv="content-security-policy"')).toBeLessThan(shell.indexOf('<script'));
	});
});
