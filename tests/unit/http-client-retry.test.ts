import { afterEach, describe, expect, it } from 'vitest';
import { MigrationError } from '../../src/lib/engine/errors';
import { HttpClient, type HttpClientOptions, type ThrottleEvent } from '../../src/lib/engine/http';
import { ManualClock, eventually } from './http-manual-clock';
import { answerJson, closedPortUrl, dropConnection, startServer, type Handler, type TestServer } from './http-test-server';

let server: TestServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

async function serve(handler: Handler): Promise<TestServer> {
	server = await startServer(handler);
	return server;
}

// Backoff with random 0.5 is 750 ms, then 1500 ms, ...
function client(clock: ManualClock, options: HttpClientOptions = {}): HttpClient {
	return new HttpClient({ clock, random: () => 0.5, ...options });
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

describe('retrying without ever creating a record twice', () => {
	it('does not resend a POST whose connection dropped after the server received it, and reports an unknown outcome', async () => {
		const helpdesk = await serve((_request, _res, _index, req) => dropConnection(req));
		const clock = new ManualClock();
		const error = await failure(client(clock).send({ method: 'POST', url: `${helpdesk.url}/api/v1/cases.json`, json: { subject: 'Printer on fire' } }));
		expect(error.kind).toBe('unknown-outcome');
		expect(error.message).toContain('may or may not have been carried out');
		expect(helpdesk.received).toHaveLength(1);
		expect(helpdesk.received[0]?.body).toBe('{"subject":"Printer on fire"}');
		expect(clock.pendingSleeps()).toEqual([]);
	});

	it('reports a POST whose answer was cut off after its status as an unknown outcome: it ran, but its id is lost', async () => {
		const helpdesk = await serve((_request, res) => {
			res.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': '100' });
			res.write('{"data": {"id": 4');
			setTimeout(() => res.destroy(), 10);
		});
		const error = await failure(client(new ManualClock()).send({ method: 'POST', url: `${helpdesk.url}/api/v1/cases.json`, json: {} }));
		expect(error.info).toMatchObject({ kind: 'unknown-outcome', status: 201 });
		expect(helpdesk.received).toHaveLength(1);
	});

	it('resends a GET whose connection dropped, after a backoff, and returns the answer', async () => {
		const helpdesk = await serve((_request, res, index, req) => (index === 0 ? dropConnection(req) : answerJson(res, 200, { data: [1, 2] })));
		const clock = new ManualClock();
		const http = client(clock);
		const pending = http.send<{ data: number[] }>({ method: 'GET', url: `${helpdesk.url}/api/v1/cases.json` });
		await clock.waitForSleep(750);
		expect(helpdesk.received).toHaveLength(1);
		await clock.advance(750);
		const response = await pending;
		expect(response.body).toEqual({ data: [1, 2] });
		expect(helpdesk.received).toHaveLength(2);
		expect(http.stats()[new URL(helpdesk.url).host]).toMatchObject({ requests: 2, retries: 1, backoffMs: 750 });
	});

	it('resends a POST refused with 429 after exactly the Retry-After, and counts the wait', async () => {
		const helpdesk = await serve((_request, res, index) =>
			index === 0
				? answerJson(res, 429, { status: 429, errors: [{ code: 'RATE_LIMIT_REACHED' }] }, { 'Retry-After': '3' })
				: answerJson(res, 201, { status: 201, data: { id: 7 } })
		);
		const clock = new ManualClock();
		const events: ThrottleEvent[] = [];
		const http = client(clock, { onThrottle: (event) => events.push(event) });
		const pending = http.send({ method: 'POST', url: `${helpdesk.url}/api/v1/cases.json`, json: { subject: 'x' } });
		await clock.waitForSleep(3_000);
		await clock.advance(2_999);
		expect(helpdesk.received).toHaveLength(1);
		await clock.advance(1);
		expect((await pending).status).toBe(201);
		expect(helpdesk.received).toHaveLength(2);
		const host = new URL(helpdesk.url).host;
		expect(events).toEqual([{ host, waitMs: 3_000, reason: 'retry-after' }]);
		expect(http.stats()[host]).toMatchObject({ rateLimited: 1, retries: 1, waitedMs: 3_000, concurrency: 2 });
	});

	it('gives up on 429 after the allowed retries and says how long the helpdesk asked to wait', async () => {
		const helpdesk = await serve((_request, res) => answerJson(res, 429, {}, { 'Retry-After': '2' }));
		const clock = new ManualClock();
		const pending = failure(client(clock, { maxRetries: 1 }).send({ method: 'GET', url: `${helpdesk.url}/x` }));
		await clock.waitForSleep(2_000);
		await clock.advance(2_000);
		const error = await pending;
		expect(error.info).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterSeconds: 2 });
		expect(error.message).toContain('tried 2 times');
		expect(helpdesk.received).toHaveLength(2);
	});

	it('does not resend a POST answered 500 and reports an unknown outcome with the status', async () => {
		const helpdesk = await serve((_request, res) => answerJson(res, 500, { status: 500 }));
		const error = await failure(client(new ManualClock()).send({ method: 'POST', url: `${helpdesk.url}/api/v1/users.json`, json: {} }));
		expect(error.info).toMatchObject({ kind: 'unknown-outcome', status: 500 });
		expect(helpdesk.received).toHaveLength(1);
	});

	it('resends a GET answered 502, and halves the host\'s concurrency', async () => {
		const helpdesk = await serve((_request, res, index) => (index === 0 ? answerJson(res, 502, {}) : answerJson(res, 200, { ok: true })));
		const clock = new ManualClock();
		const http = client(clock);
		const pending = http.send({ method: 'GET', url: `${helpdesk.url}/x` });
		await clock.waitForSleep(750);
		await clock.advance(750);
		expect((await pending).body).toEqual({ ok: true });
		expect(http.stats()[new URL(helpdesk.url).host]?.concurrency).toBe(2);
	});

	it('resends a POST answered 503 with Retry-After: the server turned it away', async () => {
		const helpdesk = await serve((_request, res, index) => (index === 0 ? answerJson(res, 503, {}, { 'Retry-After': '1' }) : answerJson(res, 201, {})));
		const clock = new ManualClock();
		const pending = client(clock).send({ method: 'POST', url: `${helpdesk.url}/x`, json: {} });
		await clock.waitForSleep(1_000);
		await clock.advance(1_000);
		expect((await pending).status).toBe(201);
		expect(helpdesk.received).toHaveLength(2);
	});

	it('resends a POST that its caller marked idempotent after a dropped connection', async () => {
		const helpdesk = await serve((_request, res, index, req) => (index === 0 ? dropConnection(req) : answerJson(res, 200, {})));
		const clock = new ManualClock();
		const pending = client(clock).send({ method: 'POST', url: `${helpdesk.url}/search`, json: {}, idempotent: true });
		await clock.waitForSleep(750);
		await clock.advance(750);
		expect((await pending).status).toBe(200);
	});

	it('resends a POST whose connection was refused, since nothing was sent, then reports the network', async () => {
		const url = await closedPortUrl();
		const clock = new ManualClock();
		const pending = failure(client(clock, { maxRetries: 1 }).send({ method: 'POST', url: `${url}/api/v1/cases.json`, json: {} }));
		await clock.waitForSleep(750);
		await clock.advance(750);
		const error = await pending;
		expect(error.info).toMatchObject({ kind: 'network', host: new URL(url).host, method: 'POST' });
		expect(error.message).toContain('refused');
		expect(error.message).toContain('tried 2 times');
	});

	it('reports a POST that got no answer in time as an unknown outcome, without resending it', async () => {
		const helpdesk = await serve(() => undefined);
		const clock = new ManualClock();
		const pending = failure(client(clock).send({ method: 'POST', url: `${helpdesk.url}/x`, json: {}, timeoutMs: 5_000 }));
		await eventually(() => helpdesk.received.length === 1, () => 'the POST to arrive');
		await clock.waitForSleep(5_000);
		await clock.advance(5_000);
		const error = await pending;
		expect(error.kind).toBe('unknown-outcome');
		expect(error.message).toContain('within 5 seconds');
		expect(helpdesk.received).toHaveLength(1);
	});

	it('reports a GET that never got an answer as a timeout once the retries are spent', async () => {
		const helpdesk = await serve(() => undefined);
		const clock = new ManualClock();
		const pending = failure(client(clock, { maxRetries: 0, timeoutMs: 2_000 }).send({ method: 'GET', url: `${helpdesk.url}/x` }));
		await clock.waitForSleep(2_000);
		await clock.advance(2_000);
		expect((await pending).kind).toBe('timeout');
	});

	it('stops at once when the caller cancels, without retrying', async () => {
		const helpdesk = await serve(() => undefined);
		const clock = new ManualClock();
		const controller = new AbortController();
		const pending = failure(client(clock).send({ method: 'GET', url: `${helpdesk.url}/x`, signal: controller.signal }));
		await eventually(() => helpdesk.received.length === 1, () => 'the GET to arrive');
		controller.abort();
		expect((await pending).kind).toBe('cancelled');
		expect(clock.pendingSleeps()).toEqual([]);
		expect(helpdesk.received).toHaveLength(1);
	});

	it('does not resend a 4xx refusal, whatever the method', async () => {
		const helpdesk = await serve((_request, res) => answerJson(res, 400, {}));
		const error = await failure(client(new ManualClock()).send({ method: 'GET', url: `${helpdesk.url}/x` }));
		expect(error.info).toMatchObject({ kind: 'invalid-request', status: 400 });
		expect(helpdesk.received).toHaveLength(1);
	});
});
