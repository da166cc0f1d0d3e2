// What real Zendesk answers a wrong API token (200, the anonymous user) and an unknown subdomain (404 "No help desk at"), from the sandbox, and the connect step's words for each.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createZendeskSource } from '../../src/lib/engine/connectors/zendesk/connector';
import { sourceHttp } from '../../src/lib/engine/connectors/sources';
import { MigrationError } from '../../src/lib/engine/errors';
import en from '../../src/lib/i18n/en.json';
import de from '../../src/lib/i18n/de.json';
import { basic, CREDENTIALS, getJson, useSandbox } from './zendesk-sandbox-fixtures';

const { url } = useSandbox({ tickets: 10 });

/** A fetch that sends every request to the sandbox's port, keeping the host the URL names in the Host header (no DNS for `*.zendesk.localhost`). */
function fetchToSandbox(): typeof fetch {
	return (input, init) =>
		new Promise((resolve, reject) => {
			const target = new URL(input instanceof Request ? input.url : String(input));
			const sandbox = new URL(url());
			const headers: Record<string, string> = { host: target.host };
			new Headers(init?.headers).forEach((value, key) => (headers[key] = value));
			const req = request({ host: sandbox.hostname, port: sandbox.port, path: `${target.pathname}${target.search}`, method: init?.method ?? 'GET', headers }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500, headers: res.headers as Record<string, string> })));
			});
			req.on('error', reject);
			req.end();
		});
}

async function connectError(address: string, token: string): Promise<MigrationError> {
	const source = createZendeskSource(sourceHttp('', fetchToSandbox(), 'zendesk', true), { subdomainUrl: address }, { kind: 'api-token', email: CREDENTIALS.email, token });
	const error = await source.testConnection().then(() => undefined, (caught: unknown) => caught);
	expect(error).toBeInstanceOf(MigrationError);
	return error as MigrationError;
}

describe('a wrong API token, as real Zendesk answers it', () => {
	it('shows the anonymous user with 200 on /users/me, and refuses other paths with 401', async () => {
		const wrong = basic(`${CREDENTIALS.email}/token`, 'not-the-token');
		const me = await getJson<{ user: { id: number | null; name: string } }>(`${url()}/api/v2/users/me.json`, wrong);
		expect(me.status).toBe(200);
		expect(me.json.user).toMatchObject({ id: null, name: 'Anonymous user' });
		const tickets = await getJson(`${url()}/api/v2/tickets.json`, wrong);
		expect(tickets.status).toBe(401);
		expect(tickets.json).toEqual({ error: "Couldn't authenticate you" });
	});

	it('is taken by the connect step for a refused login', async () => {
		const error = await connectError(url(), 'not-the-token');
		expect(error.info.kind).toBe('auth-failed');
	});
});

describe('an unknown subdomain, as real Zendesk answers it', () => {
	it('answers 404 with "No help desk at <host>" on every path, while the sandbox\'s own name answers', async () => {
		const port = new URL(url()).port;
		const fetchHost = fetchToSandbox();
		const unknown = await fetchHost(`http://nosuch.zendesk.localhost:${port}/api/v2/users/me.json`);
		expect(unknown.status).toBe(404);
		expect(await unknown.json()).toEqual({ error: { title: 'No help desk at nosuch.zendesk.localhost', message: expect.stringContaining('no help desk configured at this address') } });
		const own = await fetchHost(`http://sandbox.zendesk.localhost:${port}/api/v2/ticket_fields.json`, { headers: { Authorization: basic(`${CREDENTIALS.email}/token`, CREDENTIALS.apiToken) } });
		expect(own.status).toBe(200);
	});

	it('is named as an unknown account at that address, in English and German, not as a deleted record', async () => {
		const host = `nosuch.zendesk.localhost:${new URL(url()).port}`;
		const error = await connectError(`http://${host}`, CREDENTIALS.apiToken);
		expect(error.info).toMatchObject({ kind: 'account-unknown', host, status: 404 });
		expect(error.info.message).toContain('No help desk at nosuch.zendesk.localhost');
		for (const words of [en.errors['account-unknown'], de.errors['account-unknown']]) {
			expect(`${words.title} ${words.hint}`).not.toMatch(/Kayako-Konto|Kayako account|deleted|gelöscht|record|Datensatz/i);
			expect(words.title).toContain('{host}');
			expect(words.hint).toContain('zendesk.com');
		}
	});
});
