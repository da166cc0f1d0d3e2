// The headless runner as a child process: killed with SIGKILL mid-run and started again on the same --state, then a demo and its rollback.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';
import { REPORT_HEADER } from '../../src/lib/engine/reports/report';
import { exportMigrationSettings } from '../../src/lib/engine/store/settings-file';
import { liveTicketIds, newMigration, startHarness, type Harness } from './migration-harness';
import { startRunner, until } from './runner-process';

const TICKETS = 60;

let harness: Harness;
let work: string;

beforeAll(async () => {
	harness = await startHarness({ tickets: TICKETS, seed: 5 });
	work = mkdtempSync(join(tmpdir(), 'runner-'));
});
afterAll(async () => {
	await harness?.close();
	if (work) rmSync(work, { recursive: true, force: true });
});

async function writeConfig(options: Record<string, number | boolean> = {}): Promise<string> {
	const { store, settings } = await newMigration(harness, options);
	const path = join(work, `migration-${settings.id}.json`);
	writeFileSync(path, await exportMigrationSettings(store, settings.id));
	return path;
}

function migratedCases(view: KayakoAccountView) {
	return view.cases.filter((kase) => kase.legacy_id !== null && kase.state !== 'TRASH');
}

/** What a rollback must restore: every record by id. */
function records(view: KayakoAccountView) {
	return {
		users: view.users.map((user) => user.id),
		organizations: view.organizations.map((org) => org.id),
		teams: view.teams.map((team) => team.id),
		fields: view.fields.map((field) => field.id),
		cases: view.cases.filter((kase) => kase.state !== 'TRASH').map((kase) => kase.id),
		articles: view.articles.map((article) => article.id)
	};
}

function readReport(dir: string, status: string): { text: string; rows: Record<string, string>[] } {
	const text = readFileSync(join(dir, `${status}.csv`), 'utf8');
	const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
	return { text, rows: parsed.data };
}

describe('the headless runner', () => {
	it('resumes a full migration killed with SIGKILL from its --state folder, creating nothing twice and leaving nothing out', async () => {
		harness.kayako.reset();
		// Without files: the engine's own resume test covers them; this one is about the process, its state folder and its reports.
		const config = await writeConfig({ migrateInactiveUsers: true, batchSize: 5, skipAttachments: true });
		const args = ['--config', config, '--run', 'full', '--state', join(work, 'state'), '--reports', join(work, 'reports'), '--allow-proxy', harness.proxyUrl];

		const first = startRunner(args);
		// Some progress: a third of the tickets are cases in Kayako, the rest still to come.
		await until(() => migratedCases(harness.kayako.state('acme')).length >= TICKETS / 3 || first.child.exitCode !== null, 'a third of the tickets in Kayako');
		expect(first.child.exitCode, first.lines.join('\n')).toBeNull();
		first.child.kill('SIGKILL');
		expect(await first.exited).toBeNull();
		const whenKilled = migratedCases(harness.kayako.state('acme')).length;
		expect(first.lines.some((line) => /^\[\w+\] /.test(line)), `progress lines:\n${first.lines.join('\n')}`).toBe(true);

		const second = startRunner(args);
		expect(await second.exited, second.lines.join('\n')).toBe(0);
		expect(second.lines.join('\n')).toMatch(/Resuming the full run/);
		// The killed runner could not release its lock; the next one on this host sees its process is gone.
		expect(second.lines.join('\n')).toMatch(new RegExp(`Taking over the state folder .*process ${first.child.pid}\\b.*is no longer running`));

		const kayako = harness.kayako.state('acme');
		const ids = migratedCases(kayako).map((kase) => kase.legacy_id!).sort();
		expect(whenKilled).toBeLessThan(ids.length);
		expect(ids).toEqual(await liveTicketIds(harness));
		for (const kind of ['users', 'organizations', 'teams', 'articles'] as const) {
			const legacy = kayako[kind].map((record) => record.legacy_id).filter((id) => id !== null);
			expect(new Set(legacy).size, `${kind} created twice`).toBe(legacy.length);
		}

		const reports = join(work, 'reports');
		const migrated = readReport(reports, 'migrated');
		for (const status of ['migrated', 'failed', 'skipped']) {
			const { text } = readReport(reports, status);
			expect(text.startsWith('\uFEFF'), `${status}.csv starts with a BOM`).toBe(true);
			expect(text.slice(1).split('\r\n')[0]).toBe(REPORT_HEADER.join(','));
		}
		expect(readReport(reports, 'failed').rows).toEqual([]);
		const ticketRows = migrated.rows.filter((row) => row.entity === 'tickets');
		expect(ticketRows.map((row) => row['source id']).sort()).toEqual(ids);
		for (const row of ticketRows) expect(Number(row['kayako id']), `case of ticket ${row['source id']}`).toBe(kayako.cases.find((kase) => kase.legacy_id === row['source id'])?.id);
		const held = { users: kayako.users, organizations: kayako.organizations, teams: kayako.teams, articles: kayako.articles };
		for (const [kind, list] of Object.entries(held)) {
			const rows = migrated.rows.filter((row) => row.entity === kind);
			for (const row of rows) expect(list.some((record) => record.id === Number(row['kayako id'])), `${kind} ${row['source id']} → ${row['kayako id']}`).toBe(true);
			// Every record the run created is in the report.
			for (const record of list.filter((each) => each.legacy_id !== null)) expect(rows.some((row) => Number(row['kayako id']) === record.id), `${kind} ${record.legacy_id} reported`).toBe(true);
		}
	}, 600_000);

	it('runs a demo, then rolls it back to the seed state', async () => {
		harness.kayako.reset();
		const seed = records(harness.kayako.state('acme'));
		const config = await writeConfig();
		const state = join(work, 'demo-state');
		const reports = join(work, 'demo-reports');

		const demo = startRunner(['--config', config, '--run', 'demo', '--state', state, '--reports', reports, '--allow-proxy', harness.proxyUrl]);
		expect(await demo.exited, demo.lines.join('\n')).toBe(0);
		expect(migratedCases(harness.kayako.state('acme')).length).toBe(20);
		expect(readReport(reports, 'migrated').rows.filter((row) => row.entity === 'tickets').length).toBe(20);

		// The proxy allowed through the environment instead of the command line.
		const rollback = startRunner(['--config', config, '--run', 'rollback', '--state', state, '--reports', reports], { MIGRATE_ALLOW_PROXY: harness.proxyUrl });
		expect(await rollback.exited, rollback.lines.join('\n')).toBe(0);
		expect(records(harness.kayako.state('acme'))).toEqual(seed);
	}, 600_000);
});
