// A German report of a real run on the sandboxes: German columns and reasons, each record named, ids in numeric order,
// links into the source's agent interface, and the same rows in the .xlsx.
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import { sourceLinks } from '../../src/lib/engine/reports/links';
import { reportCsv, type ReportOptions } from '../../src/lib/engine/reports/report';
import { compareSourceIds } from '../../src/lib/engine/reports/sort';
import { reportXlsx } from '../../src/lib/engine/reports/xlsx';
import { connectors, newMigration, startHarness, type Harness } from './migration-harness';

let harness: Harness;

beforeAll(async () => {
	harness = await startHarness({ tickets: 8, seed: 5 });
});
afterAll(() => harness.close());

describe('a German report', () => {
	it('says every reason in German, names every record and links it into Zendesk', async () => {
		harness.kayako.reset();
		const { store, settings } = await newMigration(harness, { entities: ['tickets'] });
		const built = await connectors(settings);
		const run = await executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
		expect(run.state).toBe('finished');

		const options: ReportOptions = { kayakoBaseUrl: settings.target.url, sourceLink: sourceLinks(settings.source), language: 'de', separator: ';' };
		const csv = await reportCsv(store, settings.id, 'all', options);
		expect(csv.startsWith('\uFEFFArt;Status;Quell-ID;Name;Link zur Quelle;Kayako-ID;Link zu Kayako;Grund;Zeit (UTC)\r\n')).toBe(true);
		const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, delimiter: ';', skipEmptyLines: true }).data;
		expect(rows.length).toBeGreaterThan(8);

		// Every ticket, user and organisation is named; the names are the source's.
		const named = rows.filter((row) => ['Tickets', 'Benutzer', 'Organisationen'].includes(row.Art ?? ''));
		expect(named.filter((row) => !row.Name).map((row) => `${row.Art} ${row['Quell-ID']}`)).toEqual([]);
		const users = new Map<string, { name: string; emails: string[] }>();
		for await (const page of built.source.users()) for (const user of page.records) users.set(user.id, user);
		for (const row of rows.filter((each) => each.Art === 'Benutzer')) {
			const user = users.get(row['Quell-ID'] ?? '');
			expect(row.Name).toBe(user?.emails[0] ? `${user.name} <${user.emails[0]}>` : user?.name);
		}

		// Skipped users and the tickets they took part in say why, in German, by name.
		const skippedUsers = rows.filter((row) => row.Art === 'Benutzer' && row.Status === 'übersprungen');
		for (const row of skippedUsers) expect(row.Grund).toMatch(/^(Inaktiv oder gelöscht|Nicht angelegt: )/);
		// No default agent is set here: the posts of a person who did not move go under the migration's account.
		const standIns = rows.filter((row) => row.Art === 'Tickets' && /wurde nicht nach Kayako übertragen\..* Die Beiträge stehen unter dem Konto der Migration/.test(row.Grund ?? ''));
		expect(standIns.length).toBeGreaterThan(0);
		const people = [...users.values()].map((user) => (user.emails[0] ? `${user.name} (${user.emails[0]})` : user.name));
		for (const row of standIns) expect(people.some((name) => row.Grund?.includes(name)), row.Grund).toBe(true);
		// One fact, one sentence: with no default agent, an assignee who did not move leaves the case unassigned, and no default agent is said to stand in.
		for (const row of rows.filter((each) => /zuständige Person/.test(each.Grund ?? ''))) expect(row.Grund, row['Quell-ID']).toMatch(/Der Fall ist niemandem zugewiesen/);
		for (const row of rows.filter((each) => each.Art === 'Tickets')) expect(row.Grund ?? '', row['Quell-ID']).not.toMatch(/dem Standard-Agenten|Standard-Agent ist die/);
		expect(rows.filter((row) => /\b(was|were) not\b|\bthe default agent\b/.test(row.Grund ?? '')).map((row) => row.Grund)).toEqual([]);

		// Numeric order within each kind, and links into the source's agent interface.
		const ticketIds = rows.filter((row) => row.Art === 'Tickets').map((row) => row['Quell-ID'] ?? '');
		expect(ticketIds).toEqual([...ticketIds].sort(compareSourceIds));
		for (const row of rows.filter((each) => each.Art === 'Tickets')) expect(row['Link zur Quelle']).toBe(`${harness.zendesk.url}/agent/tickets/${row['Quell-ID']}`);

		// What the report says moved is in Kayako under the id it gives.
		const cases = new Map(harness.kayako.state('acme').cases.map((kase) => [String(kase.id), kase.legacy_id]));
		for (const row of rows.filter((each) => each.Art === 'Tickets' && each.Status === 'übertragen')) expect(cases.get(row['Kayako-ID'] ?? ''), row['Quell-ID']).toBe(row['Quell-ID']);

		// The .xlsx has the same rows, as text.
		const sheet = await readSheet(Buffer.from(await (await reportXlsx(store, settings.id, 'all', options)).arrayBuffer()));
		expect(sheet.length).toBe(rows.length + 1);
		expect(sheet.slice(1).map((row) => row[7] ?? '')).toEqual(rows.map((row) => row.Grund ?? ''));
		expect(sheet.slice(1).map((row) => row[3] ?? '')).toEqual(rows.map((row) => row.Name ?? ''));
	}, 120_000);
});
