// The browser crash suite (`npm run test:long` runs it after the vitest long suites): a sandbox Zendesk of CRASH_TICKETS tickets (default 2,000), its own ports.
import { defineConfig } from '@playwright/test';

const tickets = Number(process.env.CRASH_TICKETS) || 2_000;
// Away from `npm start` (5173...) and the e2e suite (4273...); E2E_PORT_BASE moves them, and the test's helpers read the same variable.
const base = Number(process.env.E2E_PORT_BASE) || 4390;
process.env.E2E_PORT_BASE = String(base);
// The interruptions' plan comes from this seed (printed by the test; CRASH_SEED=<n> repeats a run).
process.env.CRASH_SEED ||= String(1 + Math.floor(Math.random() * 1_000_000));
const ports = { app: base, proxy: base + 1, kayako: base + 2, zendesk: base + 3 };

export default defineConfig({
	testDir: 'tests/long/browser',
	testMatch: '**/*.e2e.ts',
	// A full run of thousands of tickets in a browser, with a dozen interruptions and a minute offline.
	timeout: 4 * 3_600_000,
	workers: 1,
	retries: 0,
	reporter: [['list'], ['json', { outputFile: 'reports/playwright-long.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${ports.app}`,
		trace: 'off',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
		}
	},
	webServer: {
		command: `tsx server/start.ts --app-port ${ports.app} --proxy-port ${ports.proxy} --kayako-port ${ports.kayako} --zendesk-port ${ports.zendesk} --zendesk-tickets ${tickets}`,
		url: `http://127.0.0.1:${ports.app}/`,
		// The sandbox's size is part of the test: never reuse a server seeded with another.
		reuseExistingServer: false,
		timeout: 600_000,
		stdout: 'pipe'
	}
});
