// `GET /__sandbox/` on both sandboxes lists their control endpoints, as the README says, and each listed one is routed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKayakoSandbox, type KayakoSandbox } from '../../server/sandbox/kayako/index';
import { createZendeskSandbox, type ZendeskSandbox } from '../../server/sandbox/zendesk/index';

let kayako: KayakoSandbox;
let zendesk: ZendeskSandbox;
let kayakoOrigin: string;
let zendeskOrigin: string;

beforeAll(async () => {
	kayako = createKayakoSandbox();
	zendesk = createZendeskSandbox({ tickets: 5 });
	kayakoOrigin = (await kayako.listen(0, '127.0.0.1')).url;
	zendeskOrigin = (await zendesk.listen(0, '127.0.0.1')).url;
});

afterAll(async () => {
	await kayako.close();
	await zendesk.close();
});

/** "GET|PUT /__sandbox/faults  (body ...)" → the path, with :id as a ticket that exists. */
function pathOf(endpoint: string): string {
	const path = endpoint.split(/\s+/)[1] ?? '';
	return path.replace(':id', '1').split('?')[0] ?? '';
}

describe('GET /__sandbox/', () => {
	it('on the Zendesk sandbox lists its endpoints, and GET on each is routed (answered, or 405 for another method), never 404', async () => {
		const response = await fetch(`${zendeskOrigin}/__sandbox/`);
		expect(response.status).toBe(200);
		const { endpoints } = (await response.json()) as { endpoints: string[] };
		for (const wanted of ['state', 'reset', 'faults', 'clock', 'rate-limit', 'tickets']) expect(endpoints.some((line) => line.includes(`/__sandbox/${wanted}`))).toBe(true);
		for (const endpoint of endpoints) {
			const answer = await fetch(`${zendeskOrigin}${pathOf(endpoint)}`);
			expect([200, 405], endpoint).toContain(answer.status);
		}
		const unknown = await fetch(`${zendeskOrigin}/__sandbox/nothing`);
		expect(unknown.status).toBe(404);
		expect(((await unknown.json()) as { error: string }).error).toContain('GET /__sandbox/ lists them');
	});

	it('on the Kayako sandbox lists its endpoints and the agent pages, and each listed GET answers', async () => {
		const response = await fetch(`${kayakoOrigin}/__sandbox/`);
		expect(response.status).toBe(200);
		const { endpoints, pages } = (await response.json()) as { endpoints: string[]; pages: string[] };
		for (const wanted of ['reset', 'state', 'faults', 'rate-limit', 'setting', 'clock']) expect(endpoints.some((line) => line.includes(`/__sandbox/${wanted}`))).toBe(true);
		for (const endpoint of endpoints.filter((line) => line.split(' ')[0]?.split('|').includes('GET'))) {
			const answer = await fetch(`${kayakoOrigin}${pathOf(endpoint)}`);
			expect(answer.status, endpoint).toBe(200);
		}
		expect(pages.join('\n')).toContain('/acme/agent/conversations/:id');
		expect(pages.join('\n')).toContain('/acme/admin/security/helpcenter');
	});
});
