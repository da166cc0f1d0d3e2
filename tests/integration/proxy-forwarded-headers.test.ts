// What the proxy tells a helpdesk about the user: nothing of their browser page, cookies, proxies or addresses.
import { afterEach, describe, expect, it } from 'vitest';
import { createCorsProxy } from '../../server/proxy/index';
import { send, startTarget } from './proxy-fixtures';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(log?: (line: string) => void) {
	const target = await startTarget();
	cleanups.push(target.close);
	const proxy = createCorsProxy({ env: {}, allowHosts: [`127.0.0.1:${target.port}`], allowOrigins: ['https://migrate.example.org'], log });
	cleanups.push(proxy.close);
	const { url } = await proxy.listen(0, '127.0.0.1');
	return { target, via: (path: string) => `${url}/${target.url}${path}` };
}

describe('the headers a helpdesk receives through the proxy', () => {
	it('leave out the page, cookies, proxy credentials, claimed addresses and connection-scoped headers', async () => {
		const { target, via } = await setUp();
		await send(via('/api/v2/users/me.json'), {
			headers: {
				Authorization: 'Bearer kept',
				Origin: 'https://migrate.example.org',
				Referer: 'https://migrate.example.org/migrations/7f3a/connect',
				Cookie: 'session=1',
				'Proxy-Authorization': 'Basic cHJveHk6c2VjcmV0',
				'X-Forwarded-For': '10.1.2.3',
				'X-Forwarded-Host': 'intranet.example',
				'X-Real-IP': '10.1.2.3',
				Forwarded: 'for=10.1.2.3',
				Via: '1.1 corp-proxy',
				'Sec-Fetch-Site': 'cross-site',
				Connection: 'keep-alive, X-Internal-Token',
				'X-Internal-Token': 'hop-only',
				'X-Session-ID': 'kept-too'
			}
		});

		const headers = target.received[0]?.headers ?? {};
		expect(headers.authorization).toBe('Bearer kept');
		expect(headers['x-session-id']).toBe('kept-too');
		for (const name of ['origin', 'referer', 'cookie', 'proxy-authorization', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip', 'forwarded', 'via', 'sec-fetch-site', 'x-internal-token']) {
			expect(headers[name], name).toBeUndefined();
		}
	});

	it('never include a TRACE: refused with 405 and the methods it does forward', async () => {
		const { target, via } = await setUp();
		const answer = await send(via('/api/v1/me.json'), { method: 'TRACE', headers: { Authorization: 'Bearer t' } });

		expect(answer.status).toBe(405);
		expect(answer.headers['x-proxy-error']).toBe('method-not-allowed');
		expect(answer.headers.allow).toBe('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
		expect(target.received).toHaveLength(0);
	});

	it('are logged by host alone: no attachment token in the path, no key in the query', async () => {
		const lines: string[] = [];
		const { target, via } = await setUp((line) => lines.push(line));
		await send(via('/attachments/token/SECRETTOKEN/?name=invoice.pdf&api_key=SECRETKEY'));
		await send(via('/x'), { headers: { Origin: 'https://evil.example' } });
		await new Promise((resolve) => setTimeout(resolve, 20));

		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(new RegExp(`^GET 127\\.0\\.0\\.1:${target.port} 200 \\d+ms$`));
		expect(lines[1]).toMatch(/^GET - 403 \d+ms$/);
		expect(lines.join('\n')).not.toMatch(/SECRET|attachments|name=/);
	});
});
