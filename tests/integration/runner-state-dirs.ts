// The runner store tests' scratch: a fresh --state folder per call, removed after each test, and one migration's settings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An empty folder under the system's temp folder, gone after the test. */
export function stateDir(prefix = 'runner-state-'): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	dirs.push(dir);
	return dir;
}

export const migration = {
	name: 'Acme',
	source: { platform: 'zendesk' as const, url: 'https://acme.zendesk.com' },
	target: { url: 'https://acme.kayako.com', email: 'admin@acme.test' },
	proxyUrl: ''
};
