// The HTTP client sends each attempt's body once, without cloning the request for a retry that our own loop does: JSON, multipart and file bodies still arrive whole, on a retry too.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpClient } from '../../src/lib/engine/http';
import { ManualClock } from './http-manual-clock';
import { answerJson, startServer, type Handler, type TestServer } from './http-test-server';

let server: TestServer | undefined;
afterEach(async () => {
	vi.restoreAllMocks();
	await server?.close();
	server = undefined;
});

async function serve(handler: Handler): Promise<TestServer> {
	server = await startServer(handler);
	return server;
}

describe('request bodies', () => {
	it('never clones a request: an upload is not teed into a copy kept for a retry', async () => {
		const helpdesk = await serve((_request, res) => answerJson(res, 201, { data: { id: 7 } }));
		const clone = vi.spyOn(Request.prototype, 'clone');
		const form = new FormData();
		form.append('name', 'invoice.pdf');
		form.append('content', new Blob([new Uint8Array(300_000).fill(65)], { type: 'application/pdf' }), 'invoice.pdf');
		const answer = await new HttpClient({ clock: new ManualClock() }).send({ method: 'POST', url: `${helpdesk.url}/api/v1/files.json`, body: form });
		expect(answer.status).toBe(201);
		expect(clone).not.toHaveBeenCalled();
		const received = helpdesk.received[0]!;
		expect(received.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(received.body).toContain('filename="invoice.pdf"');
		expect(received.body).toContain('A'.repeat(300_000));
	});

	it('writes json as the body with its content type, and keeps a content type the caller set', async () => {
		const helpdesk = await serve((_request, res) => answerJson(res, 200, { ok: true }));
		const client = new HttpClient({ clock: new ManualClock() });
		await client.send({ method: 'PUT', url: `${helpdesk.url}/api/v1/users/5.json`, json: { full_name: 'Ännchen Müller' } });
		await client.send({ method: 'POST', url: `${helpdesk.url}/x`, json: { a: 1 }, headers: { 'Content-Type': 'application/vnd.api+json' } });
		expect(helpdesk.received[0]).toMatchObject({ method: 'PUT', body: '{"full_name":"Ännchen Müller"}' });
		expect(helpdesk.received[0]!.headers['content-type']).toBe('application/json');
		expect(helpdesk.received[1]!.headers['content-type']).toBe('application/vnd.api+json');
	});

	it('sends a file body whole again when a PUT is retried after a 503', async () => {
		const helpdesk = await serve((_request, res, index) => (index === 0 ? answerJson(res, 503, {}, { 'Retry-After': '1' }) : answerJson(res, 200, { ok: true })));
		const clock = new ManualClock();
		const sent = new HttpClient({ clock, random: () => 0.5 }).send({ method: 'PUT', url: `${helpdesk.url}/api/v1/files/3.json`, body: new Blob(['x'.repeat(50_000)]) });
		await clock.waitForSleep(1_000);
		await clock.advance(1_000);
		expect((await sent).status).toBe(200);
		expect(helpdesk.received.map((each) => each.body.length)).toEqual([50_000, 50_000]);
	});
});
