// The headless runner, demo then full run then `--run rollback` of the demo, each its own process on one --state folder:
// the tickets the full run counted as done stay in Kayako and in the reports, with their requesters.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';
import { exportMigrationSettings } from '../../src/lib/engine/store/settings-file';
import { newMigration, startHarness, type Harness } from './migration-harness';
import { startRunner } from './runner-process';

let harness: Harness;
let work: string;

beforeAll(async () => {
	harness = await startHarness({ tickets: 40, seed: 7 });
	work = mkdtempSync(join(tmpdir(), 'runner-rollback-'));
});
afterAll(async () => {
	await harness?.close();
	if (work) rmSync(work, { recursive: true, force: true });
});

function migratedCases(view: KayakoAccountView) {
	return view.cases.filter((kase) => kase.legacy_id !== null && kase.state !== 'TRASH');
}

/** Every record Kayako holds, by id. */
function records(view: KayakoAccountView) {
	return {
		users: view.users.map((user) => user.id),
		organizations: view.organizations.map((org) => org.id),
		teams: view.teams.map((team) => team.id),
		fields: view.fields.map((field) => field.id),
		cases: view.cases.filter((kase) => kase.state !== 'TRASH').map((kase) => kase.id)
	};
}

function reportRows(dir: string, status: string): Record<string, string>[] {
	const text = readFileSync(join(dir, `${status}.csv`), 'utf8');
	return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}

describe('the headless runner', () => {
	it('rolls back the demo after a full run without removing the tickets the full run counted as done', async () => {
		harness.kayako.reset();
		const { store, settings } = await newMigration(harness, { skipAttachments: true });
		const config = join(work, 'migration.json');
		writeFileSync(config, await exportMigrationSettings(store, settings.id));
		const state = join(work, 'state');
		const reports = join(work, 'reports');
		const run = (kind: string) => startRunner(['--config', config, '--run', kind, '--state', state, '--reports', reports, '--allow-proxy', harness.proxyUrl]);

		const demo = run('demo');
		expect(await demo.exited, demo.output()).toBe(0);
		const demoCases = migratedCases(harness.kayako.state('acme')).map((kase) => kase.legacy_id);
		expect(demoCases.length).toBe(20);
		const full = run('full');
		expect(await full.exited, full.output()).toBe(0);
		const afterFull = harness.kayako.state('acme');
		const ticketsAfterFull = reportRows(reports, 'migrated').filter((row) => row.entity === 'tickets');
		expect(ticketsAfterFull.length).toBe(migratedCases(afterFull).length);

		const rollback = run('rollback');
		expect(await rollback.exited, rollback.output()).toBe(0);
		// Said before anything goes, and after: nothing to delete, the demo's 20 tickets kept for the full run.
		expect(rollback.output()).toContain('Rollback: deleting in Kayako nothing.');
		expect(rollback.output()).toMatch(/Kept, because a later run uses them \(they become that run's\): .*\b20 tickets\b/);
		expect(rollback.output()).toContain('Deleted in Kayako: nothing.');

		const afterRollback = harness.kayako.state('acme');
		expect(records(afterRollback)).toEqual(records(afterFull));
		const users = new Set(afterRollback.users.map((user) => user.id));
		expect(migratedCases(afterRollback).filter((kase) => !users.has(kase.requester_id)).map((kase) => kase.legacy_id), 'cases without a requester').toEqual([]);
		const ticketsAfterRollback = reportRows(reports, 'migrated').filter((row) => row.entity === 'tickets');
		expect(ticketsAfterRollback.map((row) => row['source id']).sort()).toEqual(ticketsAfterFull.map((row) => row['source id']).sort());
		for (const ticket of demoCases) expect(ticketsAfterRollback.some((row) => row['source id'] === ticket), `ticket ${ticket} in the report`).toBe(true);
	}, 600_000);
});
