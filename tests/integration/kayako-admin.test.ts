// The checklist's reads and writes against the sandbox Kayako: triggers off and on again, the article HTML setting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKayakoSandbox, type KayakoSandbox } from '../../server/sandbox/kayako/index';
import { allowsUnsafeArticleHtml, listTriggers, setTriggerEnabled } from '../../src/lib/engine/connectors/kayako/admin';
import { KayakoSession } from '../../src/lib/engine/connectors/kayako/session';
import { HttpClient } from '../../src/lib/engine/http';

let sandbox: KayakoSandbox;
let session: KayakoSession;

beforeAll(async () => {
	sandbox = createKayakoSandbox({ accounts: ['acme'] });
	await sandbox.listen(0, '127.0.0.1');
	session = new KayakoSession(new HttpClient({ maxRetries: 1 }), sandbox.accountUrl('acme'), { email: 'admin@acme.example', password: 'Sandbox-Admin-1' });
});

afterAll(() => sandbox.close());

describe('Kayako triggers', () => {
	it('lists the seeded triggers, turns the enabled ones off, and back on', async () => {
		const before = await listTriggers(session);
		const enabled = before.filter((each) => each.enabled);
		expect(enabled.length).toBeGreaterThan(0);
		for (const trigger of enabled) expect(await setTriggerEnabled(session, trigger.id, false)).toMatchObject({ id: trigger.id, enabled: false });
		expect((await listTriggers(session)).filter((each) => each.enabled)).toEqual([]);
		for (const trigger of enabled) await setTriggerEnabled(session, trigger.id, true);
		expect(await listTriggers(session)).toEqual(before);
	});

	it('refuses an agent who tries to change a trigger', async () => {
		const agent = new KayakoSession(new HttpClient({ maxRetries: 0 }), sandbox.accountUrl('acme'), { email: 'agent@acme.example', password: 'Sandbox-Agent-1' });
		const [first] = await listTriggers(session);
		await expect(setTriggerEnabled(agent, first!.id, false)).rejects.toMatchObject({ info: { status: 403 } });
	});
});

describe('the article HTML setting', () => {
	it('reads allow_unsafe_html_in_articles as the seeded account has it (off)', async () => {
		expect(await allowsUnsafeArticleHtml(session)).toBe(false);
	});

	it('reads it as on once the admin turned it on (the control endpoint stands in for Kayako\'s admin area), and off after a reset', async () => {
		const control = `${new URL(sandbox.accountUrl('acme')).origin}/__sandbox`;
		const put = await fetch(`${control}/setting?account=acme`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'allow_unsafe_html_in_articles', value: '1' }) });
		expect(put.status).toBe(200);
		expect(await allowsUnsafeArticleHtml(session)).toBe(true);
		const unknown = await fetch(`${control}/setting?account=acme`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'no_such_setting', value: '1' }) });
		expect(unknown.status).toBe(400);
		await fetch(`${control}/reset`, { method: 'POST' });
		expect(await allowsUnsafeArticleHtml(session)).toBe(false);
	});
});
