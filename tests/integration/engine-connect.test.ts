// The engine's connect commands under Node: real IndexedDB (fake-indexeddb), the real CORS proxy, the Kayako sandbox.
import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCorsProxy } from '../../server/proxy/index';
import { createKayakoSandbox, type KayakoSandbox } from '../../server/sandbox/kayako/index';
import { createEngine, type EngineApi, type EngineEvent } from '../../src/lib/engine/api';
import { value } from './engine-fixtures';

const ADMIN = { email: 'admin@acme.example', password: 'Sandbox-Admin-1' };

let sandbox: KayakoSandbox;
let proxy: ReturnType<typeof createCorsProxy>;
let proxyUrl: string;
/** A web server that is not Kayako: it answers every path with an HTML page. */
let website: Server;
let websiteUrl: string;
let kayakoUrl: string;
let factory: IDBFactory;
let engine: EngineApi;

beforeAll(async () => {
	sandbox = createKayakoSandbox({ accounts: ['acme'] });
	const listening = await sandbox.listen(0, '127.0.0.1');
	kayakoUrl = sandbox.accountUrl('acme');
	website = createServer((_req, res) => {
		res.writeHead(200, { 'Content-Type': 'text/html' });
		res.end('<!doctype html><title>Our intranet</title>');
	});
	await new Promise<void>((resolve) => website.listen(0, '127.0.0.1', resolve));
	websiteUrl = `http://127.0.0.1:${(website.address() as AddressInfo).port}`;
	proxy = createCorsProxy({ allowHosts: [new URL(listening.url).host, new URL(websiteUrl).host], env: {}, log: false });
	proxyUrl = (await proxy.listen(0, '127.0.0.1')).url;
});

afterAll(async () => {
	await proxy.close();
	await sandbox.close();
	await new Promise((resolve) => website.close(resolve));
});

beforeEach(() => {
	sandbox.reset();
	factory = new IDBFactory();
	engine = createEngine({ indexedDB: factory });
});

async function newMigration(): Promise<string> {
	return value(await engine.createMigration({ name: 'Zendesk to Kayako', platform: 'zendesk' })).id;
}

describe('connectKayako through the proxy', () => {
	it('logs in, reports the account and role, and saves the target without the password', async () => {
		const id = await newMigration();
		const account = value(await engine.connectKayako(id, { url: kayakoUrl, email: ADMIN.email, proxyUrl }, { password: ADMIN.password }));
		expect(account).toMatchObject({ host: new URL(kayakoUrl).host, email: ADMIN.email, role: 'ADMIN' });
		const view = value(await engine.getMigration(id));
		expect(view.target).toEqual({ url: account.baseUrl, email: ADMIN.email });
		expect(view.proxyUrl).toBe(proxyUrl);
		expect(view.credentials.kayako).toBe('in-memory');
		expect(JSON.stringify(view)).not.toContain(ADMIN.password);
	});

	it.each([
		['a wrong password', { email: ADMIN.email, password: 'wrong' }, 'auth-failed'],
		['an agent', { email: 'agent@acme.example', password: 'Sandbox-Agent-1' }, 'not-admin'],
		['a two-factor account without its code', { email: 'mfa@acme.example', password: 'Sandbox-Mfa-1' }, 'auth-otp-required'],
		['a disabled agent', { email: 'departed@acme.example', password: 'Sandbox-Departed-1' }, 'auth-failed']
	])('names the cause for %s', async (_label, login, kind) => {
		const id = await newMigration();
		const result = await engine.connectKayako(id, { url: kayakoUrl, email: login.email, proxyUrl }, { password: login.password });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error.kind).toBe(kind);
		expect(value(await engine.getMigration(id)).credentials.kayako).toBe('none');
	});

	it('says the account does not exist for an unknown Kayako subdomain', async () => {
		const id = await newMigration();
		const unknown = kayakoUrl.replace(/\/acme$/, '/nobody-here');
		const result = await engine.connectKayako(id, { url: unknown, email: ADMIN.email, proxyUrl }, { password: ADMIN.password });
		expect(!result.ok && result.error.kind).toBe('account-unknown');
	});

	it('says the address is not a Kayako when another web server answers', async () => {
		const id = await newMigration();
		const result = await engine.connectKayako(id, { url: websiteUrl, email: ADMIN.email, proxyUrl }, { password: ADMIN.password });
		expect(!result.ok && result.error.kind).toBe('not-helpdesk');
	});

	it('says the proxy refused a host that is not on its allow-list', async () => {
		const id = await newMigration();
		const result = await engine.connectKayako(id, { url: 'http://127.0.0.1:9/acme', email: ADMIN.email, proxyUrl }, { password: ADMIN.password });
		expect(!result.ok && result.error.kind).toBe('proxy-refused');
	});

	it('says the proxy is unreachable when nothing listens there', async () => {
		const id = await newMigration();
		const result = await engine.connectKayako(id, { url: kayakoUrl, email: ADMIN.email, proxyUrl: 'http://127.0.0.1:9' }, { password: ADMIN.password });
		expect(!result.ok && result.error.kind).toBe('proxy-unreachable');
		expect(!(await engine.testProxy('http://127.0.0.1:9')).ok).toBe(true);
		expect((await engine.testProxy(proxyUrl)).ok).toBe(true);
	});

	it('tells a web server that is not the proxy (the app\'s own address, a helpdesk) from the proxy', async () => {
		for (const notProxy of [kayakoUrl, `${kayakoUrl}/`]) {
			const result = await engine.testProxy(notProxy);
			expect(!result.ok && result.error).toMatchObject({ kind: 'not-proxy', host: new URL(kayakoUrl).host });
		}
	});

	it('reports a rate limit with the wait Kayako asked for', async () => {
		const id = await newMigration();
		sandbox.faults.set([{ kind: 'rate-limited', delayMs: 42_000 }], 'acme');
		const result = await engine.connectKayako(id, { url: kayakoUrl, email: ADMIN.email, proxyUrl }, { password: ADMIN.password });
		sandbox.faults.clear('acme');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 42 });
	});
});

describe('remembered credentials', () => {
	it('survive a new engine (a reloaded tab) only as ciphertext, and open with the passphrase', async () => {
		const id = await newMigration();
		const remember = { passphrase: 'correct horse battery' };
		value(await engine.connectKayako(id, { url: kayakoUrl, email: ADMIN.email, proxyUrl }, { password: ADMIN.password }, remember));
		expect(value(await engine.getMigration(id)).credentials.kayako).toBe('remembered-unlocked');

		const reloaded = createEngine({ indexedDB: factory });
		expect(value(await reloaded.getMigration(id)).credentials.kayako).toBe('remembered-locked');
		const wrong = await reloaded.unlockCredentials(id, 'not it at all');
		expect(!wrong.ok && wrong.error.kind).toBe('wrong-passphrase');
		value(await reloaded.unlockCredentials(id, remember.passphrase));
		expect(value(await reloaded.getMigration(id)).credentials.kayako).toBe('remembered-unlocked');
		// The unlocked password is used when none is typed.
		value(await reloaded.connectKayako(id, { url: kayakoUrl, email: ADMIN.email, proxyUrl }, { password: '' }));

		value(await reloaded.forgetCredentials(id));
		expect(value(await reloaded.getMigration(id)).credentials.kayako).toBe('none');
	});

	it('refuses a passphrase shorter than 8 characters before logging in', async () => {
		const id = await newMigration();
		const result = await engine.connectKayako(id, { url: kayakoUrl, email: ADMIN.email, proxyUrl }, { password: ADMIN.password }, { passphrase: 'short' });
		expect(!result.ok && result.error.kind).toBe('invalid-input');
	});
});

describe('the migrations list', () => {
	it('creates, renames and deletes, and tells subscribers', async () => {
		const events: EngineEvent[] = [];
		const subscription = engine.subscribe((event) => {
			events.push(event);
		});
		const id = await newMigration();
		value(await engine.renameMigration(id, '  Spring move  '));
		expect(value(await engine.listMigrations()).map((each) => each.name)).toEqual(['Spring move']);
		const blank = await engine.renameMigration(id, '   ');
		expect(!blank.ok && blank.error.kind).toBe('invalid-input');
		value(await engine.deleteMigration(id));
		expect(value(await engine.listMigrations())).toEqual([]);
		const missing = await engine.getMigration(id);
		expect(!missing.ok && missing.error.kind).toBe('not-found');
		engine.unsubscribe(subscription);
		expect(events.filter((event) => event.type === 'migrations-changed')).toHaveLength(3);
	});
});
