// The app under its Content-Security-Policy: served with it, running with no violation, refusing inline script and framing.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { SCRIPT_SECURITY_HEADERS, SECURITY_HEADERS } from '../../server/security-headers';
import { watchCspViolations } from './csp';

test('the app is served with its policy and runs its engine worker without a single CSP violation', async ({ context }) => {
	const violations = await watchCspViolations(context);
	const page = await context.newPage();
	const response = await page.goto('/');
	expect(response?.headers()['content-security-policy']).toBe(SECURITY_HEADERS['Content-Security-Policy']);
	expect(response?.headers()['referrer-policy']).toBe('no-referrer');
	const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
	expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
	expect(policy).not.toMatch(/unsafe-inline[^;]*;?\s*$|script-src[^;]*unsafe/);

	// Creating a migration goes through the engine's worker and IndexedDB: the whole app is up.
	const name = `CSP ${Date.now()}`;
	await page.getByLabel('Name of the migration').fill(name);
	await page.getByLabel('Source helpdesk').selectOption('zendesk');
	await page.getByRole('button', { name: 'Create and connect' }).click();
	await expect(page.getByRole('heading', { name: 'Connect the two helpdesks' })).toBeVisible();
	expect(violations).toEqual([]);

	// The engine's worker runs under its script's own policy (script-src 'self', no hashes): code from a string is
	// refused there, and the refusal names that policy. (Code the test itself evaluates is exempt, so a string timer.)
	const engine = page.workers().find((worker) => /\/_app\/immutable\/workers\//.test(worker.url()));
	expect(engine, 'the engine worker is running').toBeDefined();
	const refusedBy = await engine!.evaluate(
		() =>
			new Promise<string>((resolve) => {
				self.addEventListener('securitypolicyviolation', (event) => resolve(event.originalPolicy), { once: true });
				(setTimeout as unknown as (code: string) => void)('self.postMessage("string code ran")');
			})
	);
	expect(refusedBy).toBe(SCRIPT_SECURITY_HEADERS['Content-Security-Policy']);
});

test('an inline script slipped into the page does not run, and the watcher sees the violation', async ({ context }) => {
	const violations = await watchCspViolations(context);
	const page = await context.newPage();
	await page.goto('/');
	await expect(page.getByLabel('Name of the migration')).toBeVisible();
	const ran = await page.evaluate(async () => {
		const holder = window as unknown as { injected?: boolean };
		const script = document.createElement('script');
		script.textContent = 'window.injected = true;';
		document.body.append(script);
		const image = document.createElement('img');
		image.setAttribute('src', 'data:,x');
		image.setAttribute('onerror', 'window.injected = true');
		document.body.append(image);
		await new Promise((resolve) => setTimeout(resolve, 200));
		return holder.injected === true;
	});
	expect(ran).toBe(false);
	await expect.poll(() => violations.length).toBeGreaterThan(0);
	expect(violations.join('\n')).toMatch(/script-src/);
});

test('no other page can frame the app', async ({ page, baseURL }) => {
	// A page of another origin on this machine: a real loopback server, so Chromium lets it reach the loopback app.
	const framer = createServer((_req, res) => {
		res.writeHead(200, { 'content-type': 'text/html' });
		res.end(`<iframe src="${baseURL}/"></iframe>`);
	});
	await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
	try {
		const loaded = page.waitForResponse((response) => response.url() === `${baseURL}/`);
		await page.goto(`http://127.0.0.1:${(framer.address() as AddressInfo).port}/`);
		// The app's answer arrives with frame-ancestors 'none', and Chromium shows an error page in its place.
		expect((await loaded).headers()['content-security-policy']).toContain("frame-ancestors 'none'");
		const frame = page.frames().find((each) => each !== page.mainFrame());
		await expect.poll(() => frame?.url()).toMatch(/^chrome-error:/);
		expect(await frame?.locator('input').count()).toBe(0);
	} finally {
		await new Promise((resolve) => framer.close(resolve));
	}
});
