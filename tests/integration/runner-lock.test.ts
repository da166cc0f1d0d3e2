// One runner per --state folder: a second runner on the same folder stops before sending anything, and the lock goes when the runner does.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';
import { LOCK_FILE } from '../../server/runner/state-lock';
import { exportMigrationSettings } from '../../src/lib/engine/store/settings-file';
import { liveTicketIds, newMigration, startHarness, type Harness } from './migration-harness';
import { startRunner, until } from './runner-process';

const TICKETS = 40;

let harness: Harness;
let work: string;

beforeAll(async () => {
	harness = await startHarness({ tickets: TICKETS, seed: 9 });
	work = mkdtempSync(join(tmpdir(), 'runner-lock-'));
});
afterAll(async () => {
	await harness?.close();
	if (work) rmSync(work, { recursive: true, force: true });
});

async function writeConfig(): Promise<string> {
	const { store, settings } = await newMigration(harness, { batchSize: 5, skipAttachments: true });
	const path = join(work, `migration-${settings.id}.json`);
	writeFileSync(path, await exportMigrationSettings(store, settings.id));
	return path;
}

function migratedCases(view: KayakoAccountView) {
	return view.cases.filter((kase) => kase.legacy_id !== null && kase.state !== 'TRASH');
}

describe('the runner lock on --state', () => {
	it('stops a second runner on the same state folder with a message naming the first, and every ticket becomes one case', async () => {
		harness.kayako.reset();
		const config = await writeConfig();
		const state = join(work, 'shared-state');
		const args = (reports: string) => ['--config', config, '--run', 'full', '--state', state, '--reports', join(work, reports), '--allow-proxy', harness.proxyUrl];

		const first = startRunner(args('first-reports'));
		await until(() => migratedCases(harness.kayako.state('acme')).length > 0 || first.child.exitCode !== null, 'the first runner to create a case');
		expect(first.child.exitCode, first.output()).toBeNull();
		const casesBefore = migratedCases(harness.kayako.state('acme')).length;

		const second = startRunner(args('second-reports'));
		const secondCode = await second.exited;
		expect(secondCode, second.output()).not.toBe(0);
		expect(second.output()).toMatch(new RegExp(`Another runner is using the state folder .*process ${first.child.pid} on `));
		expect(second.output()).not.toMatch(/^\[\w+\] /m);
		// The refused runner wrote no reports: it stopped before the run.
		expect(existsSync(join(work, 'second-reports', 'migrated.csv'))).toBe(false);
		expect(first.child.exitCode, 'the first runner is still at work').toBeNull();
		expect(migratedCases(harness.kayako.state('acme')).length).toBeGreaterThanOrEqual(casesBefore);

		expect(await first.exited, first.output()).toBe(0);
		// Each ticket once: the list with its duplicates equals the source's list.
		expect(migratedCases(harness.kayako.state('acme')).map((kase) => kase.legacy_id!).sort()).toEqual(await liveTicketIds(harness));
		const articles = harness.kayako.state('acme').articles.map((article) => article.legacy_id).filter((id) => id !== null);
		expect(new Set(articles).size, 'articles created twice').toBe(articles.length);
		expect(existsSync(join(state, LOCK_FILE)), 'the lock is released at the end').toBe(false);
	}, 600_000);

	it('releases the lock when stopped with SIGTERM, so the next run resumes', async () => {
		harness.kayako.reset();
		const config = await writeConfig();
		const state = join(work, 'term-state');
		const args = ['--config', config, '--run', 'full', '--state', state, '--reports', join(work, 'term-reports'), '--allow-proxy', harness.proxyUrl];

		const first = startRunner(args);
		await until(() => migratedCases(harness.kayako.state('acme')).length > 0 || first.child.exitCode !== null, 'the runner to create a case');
		expect(existsSync(join(state, LOCK_FILE))).toBe(true);
		first.child.kill('SIGTERM');
		expect(await first.exited, first.output()).toBe(143);
		expect(existsSync(join(state, LOCK_FILE))).toBe(false);

		const second = startRunner(args);
		expect(await second.exited, second.output()).toBe(0);
		expect(second.output()).not.toMatch(/Taking over/);
		expect(second.output()).toMatch(/Resuming the full run/);
	}, 600_000);

	it('releases the lock when the run fails', async () => {
		const config = await writeConfig();
		const state = join(work, 'failed-state');
		const failed = startRunner(['--config', config, '--run', 'demo', '--state', state, '--reports', join(work, 'failed-reports'), '--allow-proxy', harness.proxyUrl], { KAYAKO_PASSWORD: 'not-the-password' });
		expect(await failed.exited, failed.output()).toBe(1);
		expect(failed.output()).toMatch(/The migration could not run/);
		// The store is opened only under the lock: the lock was taken, and it is gone.
		expect(existsSync(join(state, 'store'))).toBe(true);
		expect(existsSync(join(state, LOCK_FILE))).toBe(false);
	}, 600_000);
});
