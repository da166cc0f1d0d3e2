import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { MigrationError } from '../../src/lib/engine/errors';
import { HttpClient } from '../../src/lib/engine/http';
import { ManualClock } from './http-manual-clock';
import { answerJson, closedPortUrl, startServer, type Handler, type TestServer } from './http-test-server';

const servers: TestServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: Handler): Promise<TestServer> {
	const server = await startServer(handler);
	servers.push(server);
	return server;
}

/** The proxy's own answer, as the contract says: status, `X-Proxy-Error`, `{ error, message }`. */
function proxyError(res: ServerResponse, status: number, code: string, message: string): void {
	answerJson(res, status, { error: code, message }, { 'X-Proxy-Error': code });
}

/** A small proxy in our convention: forwards `/<prefix>/<full target URL>` and relays the answer. */
function forwardingProxy(prefix: string): Handler {
	return async (request, res) => {
		const target = request.url.slice(prefix.length);
		const answer = await fetch(target, { method: request.method, ...(request.body && { body: request.body }) });
		res.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'text/plain' });
		res.end(await answer.text());
	};
}

async function failure(promise: Promise<unknown>): Promise<MigrationError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof MigrationError) return error;
		throw error;
	}
	throw new Error('expected the request to fail');
}

const target = 'https://acme.kayako.com/api/v1/cases.json';

describe('requests through the CORS proxy', () => {
	it('reaches the helpdesk through a proxy mounted on a sub-path, query and body intact', async () => {
		const helpdesk = await serve((request, res) => answerJson(res, 201, { echoed: request.body, path: request.url }));
		const proxy = await serve(forwardingProxy('/proxy/'));
		const http = new HttpClient({ proxyUrl: `${proxy.url}/proxy/`, clock: new ManualClock() });
		const response = await http.send({ method: 'POST', url: `${helpdesk.url}/api/v1/cases.json`, searchParams: { include: 'user', skip: undefined }, json: { a: 1 } });
		expect(proxy.received[0]?.url).toBe(`/proxy/${helpdesk.url}/api/v1/cases.json?include=user`);
		expect(response.body).toEqual({ echoed: '{"a":1}', path: '/api/v1/cases.json?include=user' });
		expect(response.url).toBe(`${helpdesk.url}/api/v1/cases.json?include=user`);
		// The limiter is keyed by the helpdesk, not by the proxy every helpdesk shares.
		expect(Object.keys(http.stats())).toEqual([new URL(helpdesk.url).host]);
	});

	it('does not retry a host the proxy refuses, and passes on the proxy\'s sentence', async () => {
		const proxy = await serve((_request, res) => proxyError(res, 403, 'host-not-allowed', 'This proxy only forwards to the helpdesks\' own hosts.'));
		const error = await failure(new HttpClient({ proxyUrl: proxy.url, clock: new ManualClock() }).send({ method: 'GET', url: target }));
		expect(error.info).toMatchObject({ kind: 'proxy-refused', status: 403, code: 'host-not-allowed', host: 'acme.kayako.com' });
		expect(error.message).toContain('only forwards to the helpdesks');
		expect(proxy.received).toHaveLength(1);
	});

	it('retries a POST the proxy could not deliver, since nothing reached the helpdesk, then reports the network', async () => {
		const proxy = await serve((_request, res) => proxyError(res, 502, 'target-unreachable', 'The proxy could not connect to acme.kayako.com. Nothing was sent.'));
		const clock = new ManualClock();
		const pending = failure(new HttpClient({ proxyUrl: proxy.url, clock, random: () => 0.5, maxRetries: 2 }).send({ method: 'POST', url: target, json: {} }));
		await clock.waitForSleep(750);
		await clock.advance(750);
		await clock.waitForSleep(1_500);
		await clock.advance(1_500);
		const error = await pending;
		expect(error.kind).toBe('network');
		expect(error.message).toContain('Nothing was sent');
		expect(proxy.received).toHaveLength(3);
	});

	it('does not resend a POST whose target dropped the connection behind the proxy', async () => {
		const proxy = await serve((_request, res) => proxyError(res, 502, 'target-reset', 'acme.kayako.com closed the connection after the request was sent.'));
		const error = await failure(new HttpClient({ proxyUrl: proxy.url, clock: new ManualClock() }).send({ method: 'POST', url: target, json: {} }));
		expect(error.kind).toBe('unknown-outcome');
		expect(proxy.received).toHaveLength(1);
	});

	it('does not resend a POST whose target timed out behind the proxy', async () => {
		const proxy = await serve((_request, res) => proxyError(res, 504, 'target-timeout', 'acme.kayako.com did not answer within 60 seconds.'));
		const error = await failure(new HttpClient({ proxyUrl: proxy.url, clock: new ManualClock() }).send({ method: 'POST', url: target, json: {} }));
		expect(error.kind).toBe('unknown-outcome');
		expect(error.message).toContain('no answer came in time');
		expect(proxy.received).toHaveLength(1);
	});

	it('resends a GET whose target dropped the connection behind the proxy', async () => {
		const proxy = await serve((_request, res, index) => (index === 0 ? proxyError(res, 502, 'target-reset', 'reset') : answerJson(res, 200, { data: [] })));
		const clock = new ManualClock();
		const pending = new HttpClient({ proxyUrl: proxy.url, clock, random: () => 0.5 }).send({ method: 'GET', url: target });
		await clock.waitForSleep(750);
		await clock.advance(750);
		expect((await pending).body).toEqual({ data: [] });
		expect(proxy.received).toHaveLength(2);
	});

	it('treats X-Proxy-Error as the helpdesk\'s own header when no proxy is configured', async () => {
		const helpdesk = await serve((_request, res) => proxyError(res, 403, 'host-not-allowed', 'odd but real'));
		const error = await failure(new HttpClient({ clock: new ManualClock() }).send({ method: 'GET', url: `${helpdesk.url}/x` }));
		expect(error.kind).toBe('forbidden');
	});

	it('tells the user to start the proxy when nothing answers at its address', async () => {
		const proxyUrl = await closedPortUrl();
		const clock = new ManualClock();
		const pending = failure(new HttpClient({ proxyUrl, clock, random: () => 0.5, maxRetries: 1 }).send({ method: 'GET', url: target }));
		await clock.waitForSleep(750);
		await clock.advance(750);
		const error = await pending;
		expect(error.info).toMatchObject({ kind: 'proxy-unreachable', host: 'acme.kayako.com' });
		expect(error.message).toContain(`The CORS proxy at ${proxyUrl}/ does not answer`);
		expect(error.message).toContain('Start the proxy');
	});

	it('in a browser, reports a POST that failed with a bare "Failed to fetch" as an unknown outcome', async () => {
		let calls = 0;
		const browserFetch: typeof fetch = async () => {
			calls++;
			throw new TypeError('Failed to fetch');
		};
		const http = new HttpClient({ proxyUrl: 'http://127.0.0.1:8090', fetch: browserFetch, clock: new ManualClock() });
		expect((await failure(http.send({ method: 'POST', url: target, json: {} }))).kind).toBe('unknown-outcome');
		expect(calls).toBe(1);
	});

	it('in a browser, retries a GET that failed with a bare "Failed to fetch", then blames the proxy', async () => {
		let calls = 0;
		const browserFetch: typeof fetch = async () => {
			calls++;
			throw new TypeError('Failed to fetch');
		};
		const clock = new ManualClock();
		const pending = failure(new HttpClient({ proxyUrl: 'http://127.0.0.1:8090', fetch: browserFetch, clock, random: () => 0.5, maxRetries: 1 }).send({ method: 'GET', url: target }));
		await clock.waitForSleep(750);
		await clock.advance(750);
		expect((await pending).kind).toBe('proxy-unreachable');
		expect(calls).toBe(2);
	});

	it('refuses an unusable proxy address when the client is made', () => {
		expect(() => new HttpClient({ proxyUrl: 'localhost:8090' })).toThrow(MigrationError);
	});
});
