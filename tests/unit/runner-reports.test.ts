// The runner's reports: per status a CSV with the chosen separator and an .xlsx of the same rows, in the chosen
// language, with links into the source's agent interface from the saved settings alone.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseRunnerArgs } from '../../server/runner/args';
import { writeReports } from '../../server/runner/reports';
import { because, splitReason } from '../../src/lib/engine/reports/reasons/because';
import { openTestStore, zendeskMigration } from './store-fixtures';

beforeEach(() => void vi.spyOn(console, 'log').mockImplementation(() => undefined));
afterEach(() => vi.restoreAllMocks());

describe('the runner reports', () => {
	it('presets ";" for German and "," for English, and takes a separator given', () => {
		const base = ['--config', 'm.json', '--run', 'full'];
		expect(parseRunnerArgs(base)).toMatchObject({ reportLanguage: 'en', separator: ',' });
		expect(parseRunnerArgs([...base, '--report-language', 'de'])).toMatchObject({ reportLanguage: 'de', separator: ';' });
		expect(parseRunnerArgs([...base, '--report-language', 'de', '--separator', ','])).toMatchObject({ separator: ',' });
		expect(() => parseRunnerArgs([...base, '--separator', '|'])).toThrow(/--separator must be , or ;/);
	});

	it('writes a German CSV with ";" and an .xlsx of the same rows, linking tickets into Zendesk', async () => {
		const { store } = await openTestStore();
		const settings = await store.createMigration(zendeskMigration());
		const skipped = splitReason(because('filter-tags', { tags: ['vip'] }));
		await store.putIdMapRows([
			{ migrationId: settings.id, entity: 'tickets', sourceId: '118', status: 'skipped', label: 'Größe fehlt', reason: skipped.text, reasonParts: skipped.parts!, runId: 'r', updatedAt: 1, attempts: 0 },
			{ migrationId: settings.id, entity: 'tickets', sourceId: '23', status: 'skipped', label: 'Übergabe', reason: skipped.text, reasonParts: skipped.parts!, runId: 'r', updatedAt: 1, attempts: 0 }
		]);
		const dir = mkdtempSync(join(tmpdir(), 'runner-reports-'));
		await writeReports(store, settings, dir, { language: 'de', separator: ';' });
		const csv = readFileSync(join(dir, 'skipped.csv'), 'utf8');
		expect(csv.split('\r\n').slice(0, 3)).toEqual([
			'\uFEFFArt;Status;Quell-ID;Name;Link zur Quelle;Kayako-ID;Link zu Kayako;Grund;Zeit (UTC)',
			'Tickets;übersprungen;23;Übergabe;https://acme.zendesk.com/agent/tickets/23;;;Hat keines der Schlagwörter vip.;1970-01-01T00:00:00.001Z',
			'Tickets;übersprungen;118;Größe fehlt;https://acme.zendesk.com/agent/tickets/118;;;Hat keines der Schlagwörter vip.;1970-01-01T00:00:00.001Z'
		]);
		const sheet = await readSheet(readFileSync(join(dir, 'skipped.xlsx')));
		expect(sheet.map((row) => row[2])).toEqual(['Quell-ID', '23', '118']);
		expect(sheet[2]?.[3]).toBe('Größe fehlt');
		expect(readFileSync(join(dir, 'migrated.csv'), 'utf8').trimEnd()).toBe('\uFEFFArt;Status;Quell-ID;Name;Link zur Quelle;Kayako-ID;Link zu Kayako;Grund;Zeit (UTC)');
	});
});
