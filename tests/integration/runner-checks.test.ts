// What the runner checks before it sends anything: the proxy the config names, the --reports folder and the entity names.
import { createServer, request, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportMigrationSettings } from '../../src/lib/engine/store/settings-file';
import { newMigration, startHarness, type Harness } from './migration-harness';
import { startRunner } from './runner-process';

let harness: Harness;
let work: string;

/** A proxy on loopback that forwards to the real one and counts what reaches it, passwords included. */
let spy: { server: Server; url: string; requests: { url: string; authorization?: string }[] };

beforeAll(async () => {
	harness = await startHarness({ tickets: 10, seed: 3 });
	work = mkdtempSync(join(tmpdir(), 'runner-checks-'));
	const requests: { url: string; authorization?: string }[] = [];
	const server = createServer((req, res) => {
		requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
		const forwarded = request(new URL(req.url ?? '/', harness.proxyUrl), { method: req.method, headers: req.headers }, (answer) => {
			res.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(res);
		});
		forwarded.on('error', () => res.destroy());
		req.pipe(forwarded);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	spy = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
});
afterAll(async () => {
	await new Promise((done) => spy?.server.close(done));
	await harness?.close();
	if (work) rmSync(work, { recursive: true, force: true });
});
beforeEach(() => {
	spy.requests.length = 0;
});

async function writeConfig(change: (migration: Record<string, unknown>) => void = () => {}): Promise<string> {
	const { store, settings } = await newMigration(harness);
	const file = JSON.parse(await exportMigrationSettings(store, settings.id));
	file.migration.proxyUrl = spy.url;
	change(file.migration);
	const path = join(work, `migration-${settings.id}-${Math.random()}.json`);
	writeFileSync(path, JSON.stringify(file));
	return path;
}

function runnerArgs(config: string, name: string, ...more: string[]): string[] {
	return ['--config', config, '--run', 'demo', '--state', join(work, `${name}-state`), '--reports', join(work, `${name}-reports`), ...more];
}

describe('before the runner sends anything', () => {
	it('refuses the proxy a settings file names, loopback too, unless --allow-proxy names it', async () => {
		const config = await writeConfig();
		const runner = startRunner(runnerArgs(config, 'foreign'));
		expect(await runner.exited, runner.output()).toBe(1);
		expect(runner.output()).toContain(`through the proxy ${spy.url}/, which you have not allowed. Nothing was sent.`);
		expect(runner.output()).toContain(`--allow-proxy ${spy.url}/`);
		expect(spy.requests).toEqual([]);
		expect(existsSync(join(work, 'foreign-state'))).toBe(false);
		expect(existsSync(join(work, 'foreign-reports'))).toBe(false);

		const other = startRunner(runnerArgs(config, 'other', '--allow-proxy', 'http://127.0.0.1:1/'), { MIGRATE_ALLOW_PROXY: 'https://proxy.example.com' });
		expect(await other.exited, other.output()).toBe(1);
		expect(other.output()).toContain('(allowed now: http://127.0.0.1:1/, https://proxy.example.com)');
		expect(spy.requests).toEqual([]);
	}, 120_000);

	it('says where the credentials go, then uses a proxy that --allow-proxy names', async () => {
		const config = await writeConfig();
		// Rolling back the demo runs of a new state folder: nothing to undo, but the runner signs in through the proxy.
		const runner = startRunner(['--config', config, '--run', 'rollback', '--state', join(work, 'allowed-state'), '--reports', join(work, 'allowed-reports'), '--allow-proxy', `https://proxy.example.com,${spy.url}`]);
		expect(await runner.exited, runner.output()).toBe(0);
		const kayakoHost = new URL(harness.kayako.accountUrl('acme')).host;
		const zendeskHost = new URL(harness.zendesk.url).host;
		const told = runner.lines.indexOf('The credentials go to:');
		expect(told, runner.output()).toBeGreaterThanOrEqual(0);
		expect(runner.lines.slice(told + 1, told + 4)).toEqual([
			expect.stringMatching(new RegExp(`^  Kayako  ${kayakoHost} \\(administrator `)),
			`  source  ${zendeskHost} (zendesk)`,
			`  through the proxy ${spy.url}/ (allowed by --allow-proxy or MIGRATE_ALLOW_PROXY).`
		]);
		expect(spy.requests.some((each) => each.url.includes(kayakoHost))).toBe(true);
	}, 120_000);

	it('talks to the helpdesks directly when the settings name no proxy, as the refusal advises', async () => {
		const config = await writeConfig((migration) => {
			migration.proxyUrl = '';
		});
		const runner = startRunner(['--config', config, '--run', 'rollback', '--state', join(work, 'direct-state'), '--reports', join(work, 'direct-reports')]);
		expect(await runner.exited, runner.output()).toBe(0);
		expect(runner.lines).toContain('  directly, through no proxy.');
		expect(spy.requests).toEqual([]);
	}, 120_000);

	it('refuses a --reports path that is a file', async () => {
		const config = await writeConfig();
		const reports = join(work, 'reports-file');
		writeFileSync(reports, 'not a folder');
		const runner = startRunner(['--config', config, '--run', 'demo', '--state', join(work, 'reports-state'), '--reports', reports, '--allow-proxy', spy.url]);
		expect(await runner.exited, runner.output()).toBe(1);
		expect(runner.output()).toContain(`The reports cannot be written to ${reports}: it is a file, not a folder. Nothing was sent; choose another --reports folder.`);
		expect(spy.requests).toEqual([]);
		expect(readFileSync(reports, 'utf8')).toBe('not a folder');
	}, 120_000);

	it('refuses a report file that cannot be replaced', async () => {
		const config = await writeConfig();
		const reports = join(work, 'reports-blocked');
		// A folder where failed.csv goes: written only after hours of work, it would fail then.
		mkdirSync(join(reports, 'failed.csv'), { recursive: true });
		const runner = startRunner(['--config', config, '--run', 'demo', '--state', join(work, 'blocked-state'), '--reports', reports, '--allow-proxy', spy.url]);
		expect(await runner.exited, runner.output()).toBe(1);
		expect(runner.output()).toContain(`${join(reports, 'failed.csv')} is not a file`);
		expect(spy.requests).toEqual([]);
	}, 120_000);

	it('refuses a misspelt entity in options.entities, naming the valid ones', async () => {
		const config = await writeConfig((migration) => {
			migration.options = { entities: ['tikets', 'users'] };
		});
		const runner = startRunner(runnerArgs(config, 'typo', '--allow-proxy', spy.url));
		expect(await runner.exited, runner.output()).toBe(1);
		expect(runner.output()).toContain('"tikets". Valid names: teams, fields, organizations, users, tickets, articles.');
		expect(spy.requests).toEqual([]);
	}, 120_000);
});
