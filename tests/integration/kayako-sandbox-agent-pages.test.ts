// The sandbox Kayako's read-only agent pages at the links the tool makes: a case with its posts, fields, tags and
// attachments, a user, an organisation, an article; migrated HTML shown inert, under a strict CSP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KAYAKO_SANDBOX_CREDENTIALS as CREDENTIALS } from '../../server/sandbox/kayako/index';
import { kayakoLink } from '../../src/lib/engine/reports/links';
import { Client, startSandbox, type Running } from './kayako-sandbox-helpers';

let running: Running;
let admin: Client;
const CUSTOMER = 8;
const AGENT = 3;
const HOSTILE = '<p>Hello <b>there</b></p><script>alert("posted")</script><img src="x" onerror="alert(1)"><a href="javascript:alert(2)">click</a>';

beforeEach(async () => {
	running = await startSandbox();
	admin = new Client(running.base);
	await admin.login(CREDENTIALS.admin);
});

afterEach(async () => {
	await running.sandbox.close();
});

async function page(url: string): Promise<{ status: number; headers: Headers; text: string }> {
	const response = await fetch(url);
	return { status: response.status, headers: response.headers, text: await response.text() };
}

/** A case moved the way the tool moves one: bulk import, with a file on its note, tags, a field value and hostile HTML. */
async function migratedCase(): Promise<number> {
	const upload = await admin.request('POST', '/files.json', { body: Buffer.from('report bytes'), headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment; filename="report <1>.txt"' } });
	expect(upload.status).toBe(201);
	const job = await admin.request('POST', '/bulk/cases.json', {
		json: {
			cases: [
				{
					subject: 'Printer <script>alert("subject")</script> on fire',
					contents: HOSTILE,
					requester_id: CUSTOMER,
					creator_id: CUSTOMER,
					channel: 'MAIL',
					channel_id: 1,
					legacy_id: 'zd-41',
					tags: ['printer', 'urgent'],
					field_values: { product_area: '1' },
					created_at: '2019-03-01T10:00:00+00:00',
					posts: [
						{ contents: 'We are on it.', channel: 'MAIL', channel_id: 1, creator_id: AGENT, created_at: '2019-03-02T09:00:00+00:00' },
						{ contents: 'Checked the logs.', channel: 'NOTE', creator_id: AGENT, created_at: '2019-03-02T10:00:00+00:00', attachment_file_ids: String(upload.json.data.id) }
					]
				}
			]
		}
	});
	expect(job.status).toBe(202);
	running.sandbox.advanceClock(10_000);
	const kase = running.sandbox.state().cases.find((each) => each.legacy_id === 'zd-41');
	expect(kase).toBeDefined();
	return kase!.id;
}

describe('the sandbox Kayako case view', () => {
	it('opens at the link the tool makes and shows every post with author, time and kind, fields, tags and attachments', async () => {
		const id = await migratedCase();
		const shown = await page(kayakoLink(running.base, 'tickets', id)!);
		expect(shown.status).toBe(200);
		expect(shown.headers.get('content-type')).toContain('text/html');
		expect(shown.text).toContain('Sandbox Kayako — a read-only stand-in for your Kayako');
		expect(shown.text).toContain('Posts (3)');
		const posts = [...shown.text.matchAll(/data-kind="(\w+)"/g)].map((match) => match[1]);
		expect(posts).toEqual(['reply', 'reply', 'note']);
		expect(shown.text).toContain('<time datetime="2019-03-02T10:00:00.000Z">2019-03-02 10:00 UTC</time>');
		const agent = running.sandbox.state().users.find((user) => user.id === AGENT)!;
		expect(shown.text).toContain(`<a href="/acme/agent/users/${AGENT}">${agent.full_name}</a>`);
		expect(shown.text).toContain('<span class="tag">printer</span><span class="tag">urgent</span>');
		const field = running.sandbox.state().fields.find((each) => each.key === 'product_area')!;
		expect(shown.text).toContain(`<th scope="row">${field.title}</th><td>${field.options.find((option) => option.id === 1)!.values[0]}</td>`);
		expect(shown.text).toContain('<b>there</b>');

		const link = /href="(\/acme\/agent\/attachments\/\d+)"[^>]*>report &lt;1&gt;\.txt<\/a>/.exec(shown.text);
		expect(link).not.toBeNull();
		const download = await fetch(`${running.origin}${link![1]}`);
		expect(download.status).toBe(200);
		expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
		expect(download.headers.get('content-type')).toBe('application/octet-stream');
		expect(Buffer.from(await download.arrayBuffer()).toString()).toBe('report bytes');
	});

	it('shows a post with <script>, handlers and javascript: links inert, escapes the subject, and forbids scripts by CSP', async () => {
		const id = await migratedCase();
		const shown = await page(`${running.base}/agent/conversations/${id}`);
		expect(shown.text).not.toMatch(/<script/i);
		expect(shown.text).not.toMatch(/onerror|javascript:/i);
		expect(shown.text).toContain('Printer &lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt; on fire');
		const policy = shown.headers.get('content-security-policy') ?? '';
		expect(policy).toContain("default-src 'none'");
		expect(policy).not.toMatch(/script-src|unsafe-inline/);
		expect(policy).toContain("frame-ancestors 'none'");
	});

	it('answers a case that is not there with a 404 page that says why a link may lead nowhere', async () => {
		const shown = await page(`${running.base}/agent/conversations/9999`);
		expect(shown.status).toBe(404);
		expect(shown.text).toContain('No conversation #9999 here');
		expect(shown.text).toContain('npm start');
	});

	it('refuses changes: the agent pages are read-only', async () => {
		const response = await fetch(`${running.base}/agent/conversations/1`, { method: 'DELETE' });
		expect(response.status).toBe(405);
		expect(running.sandbox.state().cases.some((kase) => kase.id === 1)).toBe(true);
	});
});

describe('the sandbox Kayako user, organisation and article views', () => {
	it('shows a user with e-mail, role, organisation and the conversations they requested', async () => {
		const id = await migratedCase();
		const customer = running.sandbox.state().users.find((user) => user.id === CUSTOMER)!;
		const shown = await page(kayakoLink(running.base, 'users', CUSTOMER)!);
		expect(shown.status).toBe(200);
		expect(shown.text).toContain(`<h1>${customer.full_name}</h1>`);
		expect(shown.text).toContain(customer.emails[0]);
		expect(shown.text).toContain(`href="/acme/agent/organizations/${customer.organization_id}"`);
		expect(shown.text).toContain(`href="/acme/agent/conversations/${id}"`);
	});

	it('shows an organisation with its domains and members, escaping a hostile name', async () => {
		const created = await admin.request('POST', '/organizations.json', { json: { name: 'Evil <img src=x onerror=alert(1)> Inc', domains: 'evil.example' } });
		expect(created.status).toBe(201);
		const shown = await page(kayakoLink(running.base, 'organizations', created.json.data.id)!);
		expect(shown.status).toBe(200);
		expect(shown.text).toContain('<h1>Evil &lt;img src=x onerror=alert(1)&gt; Inc</h1>');
		expect(shown.text).not.toMatch(/<img src=x/);
		expect(shown.text).toContain('evil.example');
	});

	it('shows an article with its section, author and contents, scripts removed', async () => {
		const state = running.sandbox.state();
		const job = await admin.request('POST', '/bulk/articles.json', {
			json: { articles: [{ section_id: state.sections[0]!.id, titles: [{ locale: 'en-us', translation: 'Reset a password' }], contents: [{ locale: 'en-us', translation: '<p>Go to <a href="https://example.com/reset">the page</a>.</p><script>alert(3)</script>' }], author_id: AGENT, legacy_id: 'hc-7' }] }
		});
		expect(job.status).toBe(202);
		running.sandbox.advanceClock(10_000);
		const article = running.sandbox.state().articles.find((each) => each.legacy_id === 'hc-7')!;
		const shown = await page(kayakoLink(running.base, 'articles', article.id)!);
		expect(shown.status).toBe(200);
		expect(shown.text).toContain('<h1>Reset a password</h1>');
		expect(shown.text).toContain('Getting started › First steps');
		expect(shown.text).toContain('href="https://example.com/reset"');
		expect(shown.text).not.toMatch(/<script/i);
	});
});
