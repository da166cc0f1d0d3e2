// Redirects through the proxy: followed by the proxy itself, only to allowed hosts, and credentials never cross hosts.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCorsProxy } from '../../server/proxy/index';
import { send, startTarget, type Target, type TargetHandler } from './proxy-fixtures';

const CREDENTIALS = { Authorization: 'Basic YWdlbnRAYWNtZS5jb20vdG9rZW46c2VjcmV0', 'X-Session-ID': 'sess-7f3a', 'X-CSRF-Token': 'csrf-91b2', Cookie: 'zd=1' };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function target(handler: TargetHandler): Promise<Target> {
	const started = await startTarget(handler);
	cleanups.push(started.close);
	return started;
}

async function proxyFor(...allowed: Target[]): Promise<string> {
	const proxy = createCorsProxy({ env: {}, allowHosts: allowed.map((t) => `127.0.0.1:${t.port}`) });
	cleanups.push(proxy.close);
	return (await proxy.listen(0, '127.0.0.1')).url;
}

/** A port bound but never answering a request: anything reaching it would show up in `hits`. */
async function tripwire(): Promise<{ url: string; hits: string[] }> {
	const hits: string[] = [];
	const server: Server = createServer((req, res) => {
		hits.push(`${req.method} ${req.url} ${req.headers.authorization ?? '-'}`);
		res.end('reached');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

describe('a redirect through the proxy', () => {
	it("Zendesk's attachment 302 to its content host: followed, with neither Authorization nor session headers there", async () => {
		const content = await target((_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/pdf' });
			res.end('%PDF-1.7 the attachment');
		});
		const zendesk = await target((req, res) => {
			res.writeHead(302, { Location: `${content.url}/attachments/token/AbC123/?name=invoice.pdf` });
			res.end();
		});
		const proxyUrl = await proxyFor(zendesk, content);
		const answer = await send(`${proxyUrl}/${zendesk.url}/attachments/token/AbC123/?name=invoice.pdf`, { headers: { ...CREDENTIALS, Accept: '*/*' } });

		expect(answer.status).toBe(200);
		expect(answer.text).toBe('%PDF-1.7 the attachment');
		expect(answer.headers.location).toBeUndefined();
		expect(zendesk.received[0]?.headers.authorization).toBe(CREDENTIALS.Authorization);
		const atContent = content.received[0]?.headers ?? {};
		expect(content.received[0]?.url).toBe('/attachments/token/AbC123/?name=invoice.pdf');
		expect(atContent.accept).toBe('*/*');
		for (const name of ['authorization', 'x-session-id', 'x-csrf-token', 'cookie']) expect(atContent[name], name).toBeUndefined();
	});

	it('keeps the credentials off the first host once a redirect has left it, even when a later hop comes back', async () => {
		const back = { url: '' };
		const other = await target((_req, res) => {
			res.writeHead(307, { Location: `${back.url}/back` });
			res.end();
		});
		const firstHost = await target((req, res) => {
			if (req.url === '/back') return res.end('home');
			res.writeHead(301, { Location: `${other.url}/away` });
			res.end();
		});
		back.url = firstHost.url;
		const proxyUrl = await proxyFor(firstHost, other);
		const answer = await send(`${proxyUrl}/${firstHost.url}/start`, { headers: CREDENTIALS });

		expect(answer.text).toBe('home');
		expect(firstHost.received.map((r) => [r.url, r.headers.authorization ?? '-'])).toEqual([
			['/start', CREDENTIALS.Authorization],
			['/back', '-']
		]);
	});

	it('to a host off the allow-list: not followed, nothing sent there, and the browser never learns the address', async () => {
		const outside = await tripwire();
		const zendesk = await target((_req, res) => {
			res.writeHead(302, { Location: `${outside.url}/steal` });
			res.end();
		});
		const proxyUrl = await proxyFor(zendesk);
		const answer = await send(`${proxyUrl}/${zendesk.url}/attachments/token/x`, { headers: CREDENTIALS });

		expect(answer.status).toBe(403);
		expect(answer.headers['x-proxy-error']).toBe('host-not-allowed');
		expect(answer.headers.location).toBeUndefined();
		expect(outside.hits).toEqual([]);
	});

	it('to a private address behind an allowed name: refused like a direct request', async () => {
		const zendesk = await target((_req, res) => {
			res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' });
			res.end();
		});
		const proxyUrl = await proxyFor(zendesk);
		const answer = await send(`${proxyUrl}/${zendesk.url}/x`, { headers: CREDENTIALS });
		expect(answer.status).toBe(403);
		expect(answer.headers['x-proxy-error']).toBe('host-not-allowed');
	});

	it('in a loop: the proxy stops after a few hops with a readable error', async () => {
		const looping = await target((req, res) => {
			res.writeHead(302, { Location: `/hop${Number(req.url?.slice(4) || 0) + 1}` });
			res.end();
		});
		const proxyUrl = await proxyFor(looping);
		const answer = await send(`${proxyUrl}/${looping.url}/hop0`);

		expect(answer.status).toBe(502);
		expect(answer.headers['x-proxy-error']).toBe('too-many-redirects');
		expect(looping.received).toHaveLength(6);
	});

	it('303 after a POST: the next hop is a GET without the body', async () => {
		const api = await target((req, res, received) => {
			if (req.url === '/created') return res.end(`${received.method} ${received.body.length} ${received.headers['content-type'] ?? '-'}`);
			res.writeHead(303, { Location: '/created' });
			res.end();
		});
		const proxyUrl = await proxyFor(api);
		const answer = await send(`${proxyUrl}/${api.url}/create`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' });
		expect(answer.text).toBe('GET 0 -');
	});

	it('307 after a POST whose body is already sent: handed back as it is, without a Location to follow', async () => {
		const outside = await tripwire();
		const api = await target((_req, res) => {
			res.writeHead(307, { Location: `${outside.url}/again` });
			res.end();
		});
		const proxyUrl = await proxyFor(api);
		const answer = await send(`${proxyUrl}/${api.url}/upload`, { method: 'POST', headers: CREDENTIALS, body: 'x'.repeat(1000) });

		expect(answer.status).toBe(307);
		expect(answer.headers.location).toBeUndefined();
		expect(outside.hits).toEqual([]);
	});
});
