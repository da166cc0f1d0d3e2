// The sandbox Kayako's Admin › Security › Help center page, where the checklist sends the user: it shows the account's
// "Allow unsafe HTML in articles" and switches it, which the tool then reads live through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKayakoSandbox, type KayakoSandbox } from '../../server/sandbox/kayako/index';
import { allowsUnsafeArticleHtml } from '../../src/lib/engine/connectors/kayako/admin';
import { KayakoSession } from '../../src/lib/engine/connectors/kayako/session';
import { HttpClient } from '../../src/lib/engine/http';

let sandbox: KayakoSandbox;
let session: KayakoSession;
let pageUrl: string;

beforeAll(async () => {
	sandbox = createKayakoSandbox({ accounts: ['acme'] });
	await sandbox.listen(0, '127.0.0.1');
	session = new KayakoSession(new HttpClient({ maxRetries: 1 }), sandbox.accountUrl('acme'), { email: 'admin@acme.example', password: 'Sandbox-Admin-1' });
	pageUrl = `${sandbox.accountUrl('acme')}/admin/security/helpcenter`;
});

afterAll(() => sandbox.close());

function save(body: string, headers: Record<string, string> = {}): Promise<Response> {
	return fetch(pageUrl, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body });
}

describe('the sandbox admin page for article HTML', () => {
	it('shows the setting off, turns it on when the box is ticked and saved, and off again when it is not', async () => {
		const before = await (await fetch(pageUrl)).text();
		expect(before).toContain('Allow unsafe HTML in articles');
		expect(before).toContain('data-setting="allow_unsafe_html_in_articles">off<');
		expect(before).not.toMatch(/name="allow_unsafe_html_in_articles" value="1" checked/);

		const on = await save('allow_unsafe_html_in_articles=1');
		expect(on.status).toBe(303);
		expect(on.headers.get('location')).toBe('/acme/admin/security/helpcenter?saved=1');
		expect(await allowsUnsafeArticleHtml(session)).toBe(true);
		const after = await (await fetch(`${pageUrl}?saved=1`)).text();
		expect(after).toContain('Saved: “Allow unsafe HTML in articles” is now on.');
		expect(after).toMatch(/name="allow_unsafe_html_in_articles" value="1" checked/);

		expect((await save('')).status).toBe(303);
		expect(await allowsUnsafeArticleHtml(session)).toBe(false);
	});

	it('refuses a form sent from another site and leaves the setting as it was', async () => {
		const refused = await save('allow_unsafe_html_in_articles=1', { Origin: 'http://elsewhere.example' });
		expect(refused.status).toBe(403);
		expect(await allowsUnsafeArticleHtml(session)).toBe(false);
	});

	it('is reached from the admin start page the agent pages link to', async () => {
		const admin = await (await fetch(`${sandbox.accountUrl('acme')}/admin`)).text();
		expect(admin).toContain('href="/acme/admin/security/helpcenter"');
	});
});
