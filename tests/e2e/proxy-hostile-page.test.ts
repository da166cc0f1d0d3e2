// A hostile helpdesk page opened through the proxy behind the nginx recipe cannot touch the app's storage or caches.
import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCorsProxy, type CorsProxy } from '../../server/proxy/index';
import { startRecipe, type RunningRecipe } from '../integration/nginx-recipe';

/** What a page on an allowed host (a Help Center theme, an uploaded file) would do if it ran as the app. */
const ATTACK = `
	fetch('/ran?where=' + encodeURIComponent(location.origin));
	localStorage.setItem('app-marker', 'overwritten');
	indexedDB.deleteDatabase('app-data');
	caches.open('app-shell').then((cache) => cache.put('/migrate/', new Response('<script>steal()</script>')));
	navigator.serviceWorker.register('/sw.js');
`;
const HOSTILE_HTML = `<!doctype html><title>Help Center</title><script>${ATTACK}</script>`;

/** A stand-in for the app on its origin: its data lives in IndexedDB, CacheStorage and localStorage. */
const APP_PAGE = '<!doctype html><title>Kayako migration</title><h1>App</h1>';

let hostile: Server;
let hostileUrl = '';
const hits: string[] = [];
let proxy: CorsProxy | undefined;
let recipe: RunningRecipe;

test.beforeAll(async () => {
	hostile = createServer((req, res) => {
		hits.push(req.url ?? '');
		if (req.url === '/theme.html') {
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
			res.end(HOSTILE_HTML);
		} else if (req.url === '/theme.json') {
			// Labelled JSON, written as HTML: a browser that sniffed would run it.
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(HOSTILE_HTML);
		} else if (req.url === '/another-site') {
			// Any other page the user has open, which frames the proxy.
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
			res.end('<!doctype html><title>Another site</title>');
		} else {
			res.writeHead(404);
			res.end();
		}
	});
	await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
	hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
	recipe = await startRecipe({ 'migrate/index.html': APP_PAGE }, async (appOrigin) => {
		proxy = createCorsProxy({ env: { PROXY_ALLOW_ORIGINS: appOrigin }, allowHosts: [new URL(hostileUrl).host], log: false });
		return (await proxy.listen(0, '127.0.0.1')).port;
	});
});

test.afterAll(async () => {
	await recipe?.close();
	await proxy?.close();
	await new Promise<void>((resolve) => hostile.close(() => resolve()));
});

test('a helpdesk page through the proxy never runs as the app', async ({ page }) => {
	expect(new URL(recipe.proxyUrl).origin).not.toBe(new URL(recipe.appUrl).origin);

	// The app's data, as the wizard leaves it.
	await page.goto(`${recipe.appUrl}/migrate/`);
	await page.evaluate(async () => {
		localStorage.setItem('app-marker', 'intact');
		await (await caches.open('app-shell')).put('/migrate/', new Response('<h1>App</h1>'));
		await new Promise<void>((resolve, reject) => {
			const open = indexedDB.open('app-data', 1);
			open.onupgradeneeded = () => open.result.createObjectStore('settings');
			open.onerror = () => reject(open.error);
			open.onsuccess = () => {
				const tx = open.result.transaction('settings', 'readwrite');
				tx.objectStore('settings').put('encrypted-blob', 'kayako');
				tx.oncomplete = () => {
					open.result.close();
					resolve();
				};
			};
		});
	});

	// Opened directly (a link in a ticket, a redirect): the browser downloads it instead of rendering it.
	const download = page.waitForEvent('download');
	await page.goto(`${recipe.proxyUrl}/${hostileUrl}/theme.html`).catch(() => undefined);
	expect((await download).suggestedFilename()).toBe('theme.html');

	// Labelled JSON: shown as text, never sniffed into a page.
	await page.goto(`${recipe.proxyUrl}/${hostileUrl}/theme.json`);
	await expect(page.locator('body')).toContainText('<script>');

	// Framed by another page: a navigation without Origin that the browser marks as another site's, so the proxy
	// refuses it before reaching the helpdesk. (The app itself may frame nothing at all: its CSP says frame-src 'none'.)
	// (Another site on this machine: Chromium itself blocks a public site from framing a loopback address.)
	await page.goto(`${hostileUrl.replace('127.0.0.1', 'localhost')}/another-site`);
	const framed = `${recipe.proxyUrl}/${hostileUrl}/theme.html`;
	const frameAnswer = page.waitForResponse(framed);
	await page.evaluate((src) => {
		const frame = document.createElement('iframe');
		frame.src = src;
		document.body.append(frame);
	}, framed);
	const refused = await frameAnswer;
	expect(refused.status()).toBe(403);
	expect(refused.headers()['x-proxy-error']).toBe('origin-not-allowed');

	// Even code at the proxy's own address has no storage at all: the sandbox makes its origin opaque.
	await page.goto(`${recipe.proxyUrl}/`);
	const atProxy = await page.evaluate(async () => {
		const outcomes: string[] = [];
		for (const [name, attempt] of [
			['indexedDB', () => indexedDB.databases()],
			['caches', () => caches.keys()],
			['localStorage', async () => localStorage.length]
		] as const) {
			try {
				await attempt();
				outcomes.push(`${name}: reachable`);
			} catch (error) {
				outcomes.push(`${name}: ${(error as Error).name}`);
			}
		}
		return outcomes;
	});
	expect(atProxy).toEqual(['indexedDB: SecurityError', 'caches: SecurityError', 'localStorage: SecurityError']);

	// Back on the app: everything as it was, and the hostile script never ran anywhere.
	await page.goto(`${recipe.appUrl}/migrate/`);
	const app = await page.evaluate(async () => {
		const cached = await (await caches.open('app-shell')).match('/migrate/');
		const stored = await new Promise<unknown>((resolve, reject) => {
			const open = indexedDB.open('app-data', 1);
			open.onerror = () => reject(open.error);
			open.onsuccess = () => {
				const request = open.result.transaction('settings').objectStore('settings').get('kayako');
				request.onsuccess = () => resolve(request.result);
			};
		});
		return { marker: localStorage.getItem('app-marker'), cached: await cached?.text(), stored, workers: (await navigator.serviceWorker.getRegistrations()).length };
	});
	expect(app).toEqual({ marker: 'intact', cached: '<h1>App</h1>', stored: 'encrypted-blob', workers: 0 });
	expect(hits.filter((url) => url.startsWith('/ran'))).toEqual([]);
	expect(hits.filter((url) => url.startsWith('/theme'))).toEqual(['/theme.html', '/theme.json']);
});
