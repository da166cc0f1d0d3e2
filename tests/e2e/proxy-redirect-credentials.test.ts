// In Chromium: the app's fetch of a Zendesk attachment that redirects to another host leaves its API token behind.
import { expect, test } from '@playwright/test';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCorsProxy, type CorsProxy } from '../../server/proxy/index';

const TOKEN = 'Basic YWdlbnRAYWNtZS5leGFtcGxlL3Rva2VuOnNlY3JldA==';

interface Upstream {
	url: string;
	seen: { url: string; headers: IncomingHttpHeaders }[];
	server: Server;
}

async function upstream(answer: (url: string, res: import('node:http').ServerResponse) => void): Promise<Upstream> {
	const seen: Upstream['seen'] = [];
	const server = createServer((req, res) => {
		seen.push({ url: req.url ?? '', headers: req.headers });
		answer(req.url ?? '', res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

let content: Upstream;
let zendesk: Upstream;
let proxy: CorsProxy;
let proxyUrl = '';

test.beforeAll(async ({ baseURL }) => {
	content = await upstream((_url, res) => {
		res.writeHead(200, { 'Content-Type': 'image/png' });
		res.end('PNG bytes');
	});
	// Zendesk answers an attachment's content_url with a 302 to its content host.
	zendesk = await upstream((url, res) => {
		res.writeHead(302, { Location: `${content.url}${url}` });
		res.end();
	});
	proxy = createCorsProxy({ env: {}, allowOrigins: [new URL(baseURL ?? '').origin], allowHosts: [new URL(zendesk.url).host, new URL(content.url).host], log: false });
	proxyUrl = (await proxy.listen(0, '127.0.0.1')).url;
});

test.afterAll(async () => {
	await proxy.close();
	for (const server of [content.server, zendesk.server]) await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('the attachment arrives, the token reaches Zendesk only, and the page never sees a redirect', async ({ page }) => {
	await page.goto('/');
	const seenByPage = await page.evaluate(
		async ({ address, token }) => {
			const response = await fetch(address, { headers: { Authorization: token } });
			return { status: response.status, redirected: response.redirected, body: await response.text(), location: response.headers.get('location') };
		},
		{ address: `${proxyUrl}/${zendesk.url}/attachments/token/AbC123/?name=logo.png`, token: TOKEN }
	);

	expect(seenByPage).toEqual({ status: 200, redirected: false, body: 'PNG bytes', location: null });
	expect(zendesk.seen.map((hit) => hit.headers.authorization)).toEqual([TOKEN]);
	expect(content.seen.map((hit) => [hit.url, hit.headers.authorization ?? 'none'])).toEqual([['/attachments/token/AbC123/?name=logo.png', 'none']]);
});
