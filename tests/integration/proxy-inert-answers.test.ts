// Whatever a helpdesk returns, the proxy's answer cannot run as a page: no script, no sniffing, a download, no cookies.
import { afterEach, describe, expect, it } from 'vitest';
import { createCorsProxy } from '../../server/proxy/index';
import { send, startTarget, type TargetHandler } from './proxy-fixtures';

const HOSTILE = '<!doctype html><script>indexedDB.deleteDatabase("kayako-migrator");caches.delete("app-shell")</script>';
const SANDBOX_CSP = "sandbox; default-src 'none'";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** path is after the target's URL; proxyPath, when given, is sent to the proxy as it is. */
async function through(handler: TargetHandler, path = '/page', proxyPath?: string) {
	const target = await startTarget(handler);
	cleanups.push(target.close);
	const proxy = createCorsProxy({ env: {}, allowHosts: [`127.0.0.1:${target.port}`] });
	cleanups.push(proxy.close);
	const { url } = await proxy.listen(0, '127.0.0.1');
	return send(proxyPath === undefined ? `${url}/${target.url}${path}` : `${url}${proxyPath}`);
}

describe('an answer through the proxy', () => {
	it('turns a helpdesk page into a sandboxed download the browser never renders', async () => {
		const answer = await through((_req, res) => {
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
			res.end(HOSTILE);
		});

		expect(answer.status).toBe(200);
		expect(answer.text).toBe(HOSTILE);
		expect(answer.headers['content-security-policy']).toBe(SANDBOX_CSP);
		expect(answer.headers['x-content-type-options']).toBe('nosniff');
		expect(answer.headers['content-disposition']).toBe('attachment');
	});

	it('keeps a file name but never "inline"', async () => {
		const answer = await through((_req, res) => {
			res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Content-Disposition': 'inline; filename="logo.svg"' });
			res.end('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
		});
		expect(answer.headers['content-disposition']).toBe('attachment; filename="logo.svg"');
		expect(answer.headers['content-security-policy']).toBe(SANDBOX_CSP);
	});

	it('leaves JSON readable in place, still sandboxed and never sniffed', async () => {
		const answer = await through((_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
			res.end('{"html":"<script>alert(1)</script>"}');
		});
		expect(answer.headers['content-disposition']).toBeUndefined();
		expect(answer.headers['content-security-policy']).toBe(SANDBOX_CSP);
		expect(answer.headers['x-content-type-options']).toBe('nosniff');
	});

	it('replaces the helpdesk own CSP and drops headers that would act on the proxy origin', async () => {
		const answer = await through((_req, res) => {
			res.writeHead(200, {
				'Content-Type': 'text/html',
				'Content-Security-Policy': "script-src 'unsafe-inline'",
				'X-Content-Type-Options': 'sniff-please',
				'Set-Cookie': 'session=1',
				'Clear-Site-Data': '"storage"',
				Refresh: '0; url=https://evil.example/',
				'Service-Worker-Allowed': '/'
			});
			res.end(HOSTILE);
		});
		expect(answer.headers['content-security-policy']).toBe(SANDBOX_CSP);
		expect(answer.headers['x-content-type-options']).toBe('nosniff');
		for (const name of ['set-cookie', 'clear-site-data', 'refresh', 'service-worker-allowed']) expect(answer.headers[name], name).toBeUndefined();
	});

	it('from the proxy itself (an error, the usage text) is just as inert', async () => {
		const refused = await through((_req, res) => res.end(), '', '/favicon.ico');
		expect(refused.status).toBe(400);
		expect(refused.headers['content-security-policy']).toBe(SANDBOX_CSP);
		expect(refused.headers['x-content-type-options']).toBe('nosniff');
	});
});
