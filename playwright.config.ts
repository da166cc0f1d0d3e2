// End-to-end tests in Debian's Chromium against the servers `npm start` runs (app, proxy, sandboxes).
import { defineConfig } from '@playwright/test';
import { E2E_PORTS } from './tests/e2e/ports';

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 60_000,
	// Each test opens a fresh browser context, whose first visit installs the service worker and precaches the app while the
	// page works: on two shared cores a step has been seen to wait over five seconds, so assertions wait up to fifteen.
	expect: { timeout: 15_000 },
	workers: 1,
	retries: 0,
	reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${E2E_PORTS.app}`,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	webServer: {
		// A sandbox Zendesk of 100 tickets: the whole-flow test migrates all of them, twice over a closed tab; no test needs more.
		command: `tsx server/start.ts --app-port ${E2E_PORTS.app} --proxy-port ${E2E_PORTS.proxy} --kayako-port ${E2E_PORTS.kayako} --zendesk-port ${E2E_PORTS.zendesk} --zendesk-tickets 100`,
		url: `http://127.0.0.1:${E2E_PORTS.app}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 180_000,
		stdout: 'pipe'
	}
});
