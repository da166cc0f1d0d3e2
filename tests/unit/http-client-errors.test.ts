import { afterEach, describe, expect, it } from 'vitest';
import { MigrationError } from '../../src/lib/engine/errors';
import { HttpClient, type HttpResponse } from '../../src/lib/engine/http';
import { ManualClock } from './http-manual-clock';
import { answerJson, startServer, type Handler, type TestServer } from './http-test-server';

let server: TestServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

async function serve(handler: Handler): Promise<TestServer> {
	server = await startServer(handler);
	return server;
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

/** Reads Kayako's error envelope, as the Kayako connector does. */
function describeKayako(response: HttpResponse) {
	const first = (response.body as { errors?: { code?: string; message?: string; parameter?: string }[] }).errors?.[0];
	return first && { code: first.code, message: first.message, parameter: first.parameter };
}

describe('what a failed request tells the user', () => {
	it('carries the helpdesk\'s own code, message and parameter', async () => {
		const helpdesk = await serve((_request, res) =>
			answerJson(res, 400, { status: 400, errors: [{ code: 'FIELD_REQUIRED', parameter: 'email', message: 'The email field is required' }] })
		);
		const http = new HttpClient({ clock: new ManualClock(), describeError: describeKayako });
		const error = await failure(http.send({ method: 'POST', url: `${helpdesk.url}/api/v1/users.json`, json: {} }));
		expect(error.info).toEqual({
			kind: 'invalid-request',
			host: new URL(helpdesk.url).host,
			method: 'POST',
			url: `${helpdesk.url}/api/v1/users.json`,
			status: 400,
			code: 'FIELD_REQUIRED',
			helpdeskMessage: 'The email field is required',
			parameter: 'email',
			message: expect.stringContaining('FIELD_REQUIRED') as unknown as string
		});
		expect(error.message).toContain('said: "The email field is required"');
		// The connector can still read what the description left out.
		expect((error.cause as HttpResponse).body).toMatchObject({ status: 400 });
	});

	it('never shows a token, password, key or session from the query in the error', async () => {
		const helpdesk = await serve((_request, res) => answerJson(res, 401, {}));
		const http = new HttpClient({ clock: new ManualClock() });
		const error = await failure(
			http.send({ method: 'GET', url: `${helpdesk.url}/api/v2/tickets?api_key=SECRET1`, searchParams: { page: 2, token: 'SECRET2', password: 'SECRET3', session: 'SECRET4' } })
		);
		expect(error.info.url).toBe(`${helpdesk.url}/api/v2/tickets?page=2`);
		expect(JSON.stringify(error.info)).not.toContain('SECRET');
		expect(helpdesk.received[0]?.url).toContain('token=SECRET2');
	});

	it.each([
		[401, 'auth-failed', 'Check the e-mail address, password or API token'],
		[403, 'forbidden', 'administrator'],
		[404, 'not-found', 'Check the helpdesk address'],
		[413, 'too-large', 'too large'],
		[422, 'invalid-request', 'did not accept'],
		[501, 'server-error', 'fault on its side']
	] as const)('turns a %i answer into %s with a sentence saying what to do', async (status, kind, advice) => {
		const helpdesk = await serve((_request, res) => answerJson(res, status, {}));
		const error = await failure(new HttpClient({ clock: new ManualClock() }).send({ method: 'GET', url: `${helpdesk.url}/thing` }));
		expect(error.info).toMatchObject({ kind, status });
		expect(error.message).toContain(`GET ${helpdesk.url}/thing`);
		expect(error.message).toContain(advice);
		expect(helpdesk.received).toHaveLength(1);
	});

	it('reports a success whose JSON does not parse as a malformed response, saying the answer was cut off', async () => {
		const helpdesk = await serve((_request, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end('{"data": [1, 2');
		});
		const error = await failure(new HttpClient({ clock: new ManualClock(), maxRetries: 0 }).send({ method: 'GET', url: `${helpdesk.url}/x` }));
		expect(error.info).toMatchObject({ kind: 'malformed-response', status: 200 });
		expect(error.message).toContain('cut off or is not valid JSON');
	});

	it('keeps the status as the reason when an error page claims to be JSON but is not', async () => {
		const helpdesk = await serve((_request, res) => {
			res.writeHead(500, { 'Content-Type': 'application/json' });
			res.end('<html>Internal error</html>');
		});
		const error = await failure(new HttpClient({ clock: new ManualClock(), maxRetries: 0 }).send({ method: 'GET', url: `${helpdesk.url}/x` }));
		expect(error.info).toMatchObject({ kind: 'server-error', status: 500 });
		expect((error.cause as HttpResponse).body).toBe('<html>Internal error</html>');
	});

	it('still reports the status when the connector cannot read the error body', async () => {
		const helpdesk = await serve((_request, res) => answerJson(res, 404, {}));
		const http = new HttpClient({
			clock: new ManualClock(),
			describeError: () => {
				throw new TypeError('cannot read');
			}
		});
		expect((await failure(http.send({ method: 'GET', url: `${helpdesk.url}/x` }))).info).toMatchObject({ kind: 'not-found', status: 404 });
	});
});

describe('what a successful request returns', () => {
	it('parses JSON of any +json type and keeps other bodies as text', async () => {
		const helpdesk = await serve((request, res) => {
			if (request.url === '/hal') {
				res.writeHead(200, { 'Content-Type': 'application/hal+json' });
				res.end('{"_embedded":{"conversations":[]}}');
			} else if (request.url === '/empty') {
				res.writeHead(204, { 'Content-Type': 'application/json' });
				res.end();
			} else {
				res.writeHead(200, { 'Content-Type': 'text/csv' });
				res.end('id,subject\n1,Hello');
			}
		});
		const http = new HttpClient({ clock: new ManualClock() });
		expect((await http.send({ method: 'GET', url: `${helpdesk.url}/hal` })).body).toEqual({ _embedded: { conversations: [] } });
		expect((await http.send({ method: 'GET', url: `${helpdesk.url}/empty` })).body).toBeNull();
		expect((await http.send({ method: 'GET', url: `${helpdesk.url}/csv` })).body).toBe('id,subject\n1,Hello');
	});

	it('records the rate limit in force from the answers\' headers', async () => {
		const helpdesk = await serve((_request, res) => answerJson(res, 200, {}, { 'X-Rate-Limit': '700', 'X-Rate-Limit-Remaining': '650' }));
		const clock = new ManualClock();
		const http = new HttpClient({ clock });
		await http.send({ method: 'GET', url: `${helpdesk.url}/x` });
		expect(http.stats()[new URL(helpdesk.url).host]).toMatchObject({ limit: 700, remaining: 650, requests: 1, inFlight: 0, resetAt: 60_000 });
	});

	it('hands a download over with its body unread, to be streamed', async () => {
		const helpdesk = await serve((_request, res) => {
			res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
			res.end(Buffer.from([1, 2, 3]));
		});
		const response = await new HttpClient({ clock: new ManualClock() }).sendRaw({ method: 'GET', url: `${helpdesk.url}/file` });
		expect(response.bodyUsed).toBe(false);
		expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([1, 2, 3]);
	});

	it('applies the same error policy to downloads', async () => {
		const helpdesk = await serve((_request, res) => answerJson(res, 404, {}));
		const error = await failure(new HttpClient({ clock: new ManualClock() }).sendRaw({ method: 'GET', url: `${helpdesk.url}/file` }));
		expect(error.kind).toBe('not-found');
	});
});
