// `npm start` without the sandboxes' code: its flags, when it rebuilds, and how it starts, wires and stops the servers.
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PORTS } from '../../server/config';
import { createCorsProxy } from '../../server/proxy/index';
import { createZendeskSandbox, ZENDESK_SANDBOX_CREDENTIALS } from '../../server/sandbox/zendesk/index';
import { parseStartArgs } from '../../server/start/args';
import { formatBanner } from '../../server/start/banner';
import { checkBuild } from '../../server/start/build-freshness';
import { closeServer, listen } from '../../server/start/listen';
import { appOrigins, startServices, type Service } from '../../server/start/services';
import { closeOnSignals } from '../../server/start/shutdown';
import { createStaticServer } from '../../server/static';
import { send } from './proxy-fixtures';

const temporary: string[] = [];
afterEach(() => {
	for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, { content: string; ageSeconds: number }>): string {
	const root = mkdtempSync(join(tmpdir(), 'start-project-'));
	temporary.push(root);
	const now = Date.now() / 1000;
	for (const [name, file] of Object.entries(files)) {
		const path = join(root, name);
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, file.content);
		utimesSync(path, now - file.ageSeconds, now - file.ageSeconds);
	}
	return root;
}

const SHELL = '<script>import("/_app/immutable/entry/start.x.js")</script>';

describe('the flags of npm start', () => {
	it('default to the ports in server/config.ts, loopback, and building when needed', () => {
		expect(parseStartArgs([])).toEqual({
			appPort: DEFAULT_PORTS.app,
			proxyPort: DEFAULT_PORTS.proxy,
			kayakoPort: DEFAULT_PORTS.kayako,
			zendeskPort: DEFAULT_PORTS.zendesk,
			host: '127.0.0.1',
			zendeskTickets: 200,
			zendeskProfile: 'tidy',
			build: true,
			help: false
		});
		expect(DEFAULT_PORTS).toEqual({ app: 5173, proxy: 8090, kayako: 8101, zendesk: 8102 });
	});

	it('take the ports the end-to-end run passes, in either spelling, and --no-build', () => {
		const args = parseStartArgs(['--app-port', '4273', '--proxy-port=4280', '--kayako-port', '4281', '--zendesk-port', '4282', '--host', '0.0.0.0', '--zendesk-tickets', '40', '--no-build']);
		expect(args).toEqual({ appPort: 4273, proxyPort: 4280, kayakoPort: 4281, zendeskPort: 4282, host: '0.0.0.0', zendeskTickets: 40, zendeskProfile: 'tidy', build: false, help: false });
	});

	it('take --zendesk-profile real for a sandbox Zendesk shaped like a real account, and refuse another name', () => {
		expect(parseStartArgs(['--zendesk-profile', 'real']).zendeskProfile).toBe('real');
		expect(() => parseStartArgs(['--zendesk-profile', 'messy'])).toThrow(/--zendesk-profile is "tidy" or "real"/);
	});

	it('refuse a port that is not a number and a flag that does not exist, showing the usage', () => {
		expect(() => parseStartArgs(['--app-port', 'eighty'])).toThrow(/--app-port needs a port number/);
		expect(() => parseStartArgs(['--proxy-port', '70000'])).toThrow(/--proxy-port/);
		expect(() => parseStartArgs(['--verbose'])).toThrow(/Usage: npm start/);
		expect(() => parseStartArgs(['--zendesk-tickets', 'many'])).toThrow(/--zendesk-tickets needs a whole number/);
	});
});

describe('the build check of npm start', () => {
	it('asks for a build when build/ has no index.html', async () => {
		const root = project({ 'src/app.html': { content: '<html>', ageSeconds: 100 } });
		expect(await checkBuild({ root })).toEqual({ fresh: false, reason: 'build/ has no index.html yet' });
	});

	it('asks for a build when a file deep in src/ is newer than the build, and names it', async () => {
		const root = project({
			'build/index.html': { content: SHELL, ageSeconds: 50 },
			'src/app.html': { content: '<html>', ageSeconds: 100 },
			'src/routes/migrations/[id]/connect/+page.svelte': { content: '<p>new</p>', ageSeconds: 10 }
		});
		const check = await checkBuild({ root });
		expect(check.fresh).toBe(false);
		expect(check.reason).toBe(`${join('src/routes/migrations/[id]/connect/+page.svelte')} changed after the last build`);
	});

	it('keeps a build newer than every source', async () => {
		const root = project({
			'build/index.html': { content: SHELL, ageSeconds: 5 },
			'src/app.html': { content: '<html>', ageSeconds: 100 },
			'svelte.config.js': { content: 'export default {}', ageSeconds: 200 }
		});
		expect(await checkBuild({ root })).toEqual({ fresh: true });
	});

	it('asks for a build when the last one was made for another base path', async () => {
		const root = project({
			'build/index.html': { content: '<link href="/migrate/_app/immutable/entry/start.x.js">', ageSeconds: 5 },
			'src/app.html': { content: '<html>', ageSeconds: 100 }
		});
		expect(await checkBuild({ root, basePath: '' })).toMatchObject({ fresh: false, reason: expect.stringContaining('"/migrate"') });
		expect(await checkBuild({ root, basePath: '/migrate' })).toEqual({ fresh: true });
	});
});

/** A helpdesk stand-in for wiring tests: a real HTTP server answering with its name. */
function namedServer(name: string): Service & { url: string } {
	const server: Server = createServer((req, res) => res.end(`${name} ${req.url}`));
	const service = {
		url: '',
		async listen(port: number, host: string) {
			const listening = await listen(server, port, host);
			service.url = listening.url;
			return listening;
		},
		close: () => closeServer(server)
	};
	return service;
}

describe('starting the servers of npm start', () => {
	it('lets the proxy through to each sandbox, serves the app, and closes everything', async () => {
		const buildDir = project({ 'index.html': { content: SHELL, ageSeconds: 1 } });
		const kayako = namedServer('kayako');
		const zendesk = namedServer('zendesk');
		const started = await startServices({
			host: '127.0.0.1',
			app: { service: createStaticServer({ dir: buildDir, basePath: '' }), port: 0 },
			proxy: { create: (allowHosts, allowOrigins) => createCorsProxy({ env: {}, allowHosts, allowOrigins }), port: 0 },
			sandboxes: [
				{ name: 'Kayako', service: kayako, port: 0, describe: (l) => ({ name: 'Kayako', url: `${l.url}/acme`, credentials: { 'e-mail': 'admin@acme.test', password: 'pw' } }) },
				{ name: 'Zendesk', service: zendesk, port: 0, describe: () => ({ name: 'Zendesk', url: zendesk.url, credentials: { 'API token': 'tok' } }) }
			]
		});

		expect((await send(`${started.proxy.url}/${kayako.url}/acme/api/v1/me.json`)).text).toBe('kayako /acme/api/v1/me.json');
		expect((await send(`${started.proxy.url}/${zendesk.url}/api/v2/users/me.json`)).text).toBe('zendesk /api/v2/users/me.json');
		expect((await send(`${started.app.url}/migrations/x/connect`)).text).toBe(SHELL);
		const banner = formatBanner(started);
		for (const text of [started.app.url, started.proxy.url, `${kayako.url}/acme`, zendesk.url, 'admin@acme.test', 'pw', 'tok']) {
			expect(banner).toContain(text);
		}

		await started.close();
		for (const url of [started.app.url, started.proxy.url, kayako.url, zendesk.url]) {
			await expect(send(url), url).rejects.toThrow(/ECONNREFUSED/);
		}
	});

	it('lets the proxy follow the sandbox Zendesk\'s attachment redirect to its file host, as npm start wires it', async () => {
		const buildDir = project({ 'index.html': { content: SHELL, ageSeconds: 1 } });
		const zendesk = createZendeskSandbox({ tickets: 12, seed: 3 });
		const started = await startServices({
			host: '127.0.0.1',
			app: { service: createStaticServer({ dir: buildDir, basePath: '' }), port: 0 },
			proxy: { create: (allowHosts, allowOrigins) => createCorsProxy({ env: {}, allowHosts, allowOrigins }), port: 0 },
			sandboxes: [{ name: 'Zendesk', service: zendesk, port: 0, describe: (l) => ({ name: 'Zendesk', url: l.url, credentials: {} }) }]
		});
		try {
			const token = `Basic ${Buffer.from(`${ZENDESK_SANDBOX_CREDENTIALS.email}/token:${ZENDESK_SANDBOX_CREDENTIALS.apiToken}`).toString('base64')}`;
			let file: { content_url: string; size: number } | undefined;
			for (let ticket = 1; ticket <= 12 && !file; ticket += 1) {
				const answer = await send(`${started.proxy.url}/${zendesk.url}/api/v2/tickets/${ticket}/comments.json`, { headers: { Authorization: token } });
				file = (JSON.parse(answer.text) as { comments: { attachments: { content_url: string; size: number }[] }[] }).comments.flatMap((comment) => comment.attachments).find((each) => each.size > 0 && each.size < 1_000_000);
			}
			expect(file).toBeDefined();
			expect(zendesk.filesUrl).not.toBe(zendesk.url);
			const download = await send(`${started.proxy.url}/${file!.content_url}`, { headers: { Authorization: token } });
			expect(download.status).toBe(200);
			expect(Number(download.headers['content-length'])).toBe(file!.size);
		} finally {
			await started.close();
		}
	});

	it('puts the proxy on another origin than the app, answering only pages of the app', async () => {
		const buildDir = project({ 'index.html': { content: SHELL, ageSeconds: 1 } });
		const kayako = namedServer('kayako');
		const started = await startServices({
			host: '127.0.0.1',
			app: { service: createStaticServer({ dir: buildDir, basePath: '' }), port: 0 },
			proxy: { create: (allowHosts, allowOrigins) => createCorsProxy({ env: {}, allowHosts, allowOrigins }), port: 0 },
			sandboxes: [{ name: 'Kayako', service: kayako, port: 0, describe: (l) => ({ name: 'Kayako', url: l.url, credentials: {} }) }]
		});
		try {
			const appOrigin = new URL(started.app.url).origin;
			expect(new URL(started.proxy.url).origin).not.toBe(appOrigin);
			const fromApp = await send(`${started.proxy.url}/${kayako.url}/api/v1/me.json`, { headers: { Origin: appOrigin } });
			expect(fromApp.status).toBe(200);
			expect(fromApp.headers['access-control-allow-origin']).toBe(appOrigin);
			const viaLocalhost = `http://localhost:${started.app.port}`;
			expect((await send(`${started.proxy.url}/${kayako.url}/`, { headers: { Origin: viaLocalhost } })).status).toBe(200);
			const fromElsewhere = await send(`${started.proxy.url}/${kayako.url}/api/v1/me.json`, { headers: { Origin: 'https://evil.example' } });
			expect(fromElsewhere.status).toBe(403);
			expect(fromElsewhere.headers['x-proxy-error']).toBe('origin-not-allowed');
		} finally {
			await started.close();
		}
	});

	it('names the app origins a browser may use: every loopback name on loopback, the host itself otherwise', () => {
		expect(appOrigins('127.0.0.1', 5173)).toEqual(['http://127.0.0.1:5173', 'http://localhost:5173', 'http://[::1]:5173']);
		expect(appOrigins('0.0.0.0', 5173)).toContain('http://127.0.0.1:5173');
		expect(appOrigins('192.0.2.7', 80)).toEqual(['http://192.0.2.7']);
		expect(appOrigins('192.0.2.7', 8080)).toEqual(['http://192.0.2.7:8080']);
	});

	it('names the busy port and closes what it had already started', async () => {
		const busy = namedServer('busy');
		const { port } = await busy.listen(0, '127.0.0.1');
		const kayako = namedServer('kayako');
		try {
			await expect(
				startServices({
					host: '127.0.0.1',
					app: { service: namedServer('app'), port: 0 },
					proxy: { create: (allowHosts) => createCorsProxy({ env: {}, allowHosts }), port },
					sandboxes: [{ name: 'Kayako', service: kayako, port: 0, describe: (l) => ({ name: 'Kayako', url: l.url, credentials: {} }) }]
				})
			).rejects.toThrow(`Port ${port} (proxy) is already in use`);
			await expect(send(kayako.url)).rejects.toThrow(/ECONNREFUSED/);
		} finally {
			await busy.close();
		}
	});
});

describe('stopping npm start', () => {
	class FakeProcess extends EventEmitter {
		exits: number[] = [];
		exit(code: number) {
			this.exits.push(code);
		}
	}

	it('closes everything on SIGTERM and then exits with 0', async () => {
		const signals = new FakeProcess();
		let closed = false;
		closeOnSignals(async () => void (closed = true), { target: signals, say: () => undefined });
		signals.emit('SIGTERM');
		await new Promise((resolve) => setImmediate(resolve));
		expect(closed).toBe(true);
		expect(signals.exits).toEqual([0]);
	});

	it('exits at once on a second Ctrl+C while closing hangs', () => {
		const signals = new FakeProcess();
		closeOnSignals(() => new Promise<void>(() => undefined), { target: signals, say: () => undefined });
		signals.emit('SIGINT');
		signals.emit('SIGINT');
		expect(signals.exits).toEqual([1]);
	});
});
