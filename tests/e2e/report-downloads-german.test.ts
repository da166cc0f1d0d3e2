// The results page in German offers each list as CSV with ";" and as .xlsx: both name the records, sort ids by number
// and give reasons in German. The id map is filled directly, so no run is needed to get here.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { readSheet } from 'read-excel-file/node';
import { switchLanguage } from './german';
import { newMigration } from './sandboxes';

const LONG_ID = '36028797018963971';

/** Rows as the engine writes them: the plain English reason, and its coded facts for other languages. */
async function seedIdMap(page: Page, migrationId: string): Promise<void> {
	await page.evaluate(
		({ migrationId, longId }) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('kayako-migrator');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction('idMap', 'readwrite');
					const base = { migrationId, runId: 'seeded', updatedAt: Date.UTC(2026, 11, 1), attempts: 1 };
					tx.objectStore('idMap').put({ ...base, entity: 'tickets', sourceId: '118', status: 'migrated', kayakoId: 7, label: 'Rechnung für Größe M' });
					tx.objectStore('idMap').put({
						...base,
						entity: 'tickets',
						sourceId: '23',
						status: 'skipped',
						label: 'Lieferung verspätet',
						reason: 'Not in the chosen groups.',
						reasonParts: [{ reasonCode: 'filter-groups', reasonParams: {} }]
					});
					tx.objectStore('idMap').put({
						...base,
						entity: 'users',
						sourceId: longId,
						status: 'skipped',
						label: 'Jürgen Müller <juergen@müller.de>',
						reason: 'Inactive or deleted, and "migrate inactive users" is off.',
						reasonParts: [{ reasonCode: 'user-inactive-skipped', reasonParams: {} }]
					});
					tx.oncomplete = () => resolve();
					tx.onerror = () => reject(tx.error);
				};
			}),
		{ migrationId, longId: LONG_ID }
	);
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
	const download = page.waitForEvent('download');
	await click();
	const file = await download;
	return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('in German the results offer CSV with ";" and .xlsx, named and in numeric order, reasons in German', async ({ page }) => {
	await newMigration(page, `Bericht ${Date.now()}`);
	const migrationId = new URL(page.url()).pathname.split('/')[2] ?? '';
	await seedIdMap(page, migrationId);
	await page.goto(`/migrations/${migrationId}/after`);
	await switchLanguage(page, 'de');

	const tickets = page.locator('tr[data-entity="tickets"]');
	const csv = await downloaded(page, () => tickets.getByRole('button', { name: /\(CSV\)/ }).click());
	expect(csv.name).toBe('tickets-all.csv');
	const text = csv.bytes.toString('utf8');
	expect(text.charCodeAt(0)).toBe(0xfeff);
	const lines = text.slice(1).split('\r\n');
	expect(lines[0]).toBe('Art;Status;Quell-ID;Name;Link zur Quelle;Kayako-ID;Link zu Kayako;Grund;Zeit (UTC)');
	expect(lines[1]).toMatch(/^Tickets;übersprungen;23;Lieferung verspätet;;;;Gehört zu keiner der gewählten Gruppen\.;/);
	expect(lines[2]).toMatch(/^Tickets;übertragen;118;Rechnung für Größe M;;7;.*\/agent\/conversations\/7;;/);

	const users = page.locator('tr[data-entity="users"]');
	const xlsx = await downloaded(page, () => users.getByRole('button', { name: /\(Excel\)/ }).click());
	expect(xlsx.name).toBe('users-all.xlsx');
	const sheet = await readSheet(xlsx.bytes);
	expect(sheet[1]?.slice(0, 4)).toEqual(['Benutzer', 'übersprungen', LONG_ID, 'Jürgen Müller <juergen@müller.de>']);
	expect(sheet[1]?.[7]).toBe('Inaktiv oder gelöscht, und „Inaktive und gesperrte Benutzer übernehmen“ ist ausgeschaltet.');

	// The separator is preset to ";" for German, and a choice of "," is taken.
	const downloads = page.getByTestId('report-downloads');
	await expect(downloads.getByRole('radio', { name: /Semikolon/ })).toBeChecked();
	await downloads.getByRole('radio', { name: /Komma/ }).check();
	const comma = await downloaded(page, () => downloads.locator('li[data-report="skipped"]').getByRole('button', { name: 'CSV' }).click());
	expect(comma.name).toBe('report-skipped.csv');
	expect(comma.bytes.toString('utf8').slice(1).split('\r\n')[0]).toBe('Art,Status,Quell-ID,Name,Link zur Quelle,Kayako-ID,Link zu Kayako,Grund,Zeit (UTC)');

	// The list on the page: numeric order, each record named, its reason in German.
	await tickets.locator('td[data-column="total"] button').click();
	const rows = page.getByTestId('records').locator('tbody tr');
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(0)).toContainText('23');
	await expect(rows.nth(0)).toContainText('Lieferung verspätet');
	await expect(rows.nth(0)).toContainText('Gehört zu keiner der gewählten Gruppen.');
	await expect(rows.nth(1)).toContainText('Rechnung für Größe M');
	// The list has the separator choice too, showing the same choice, and the one above keeps it.
	await expect(page.getByTestId('records').getByRole('radio', { name: /Komma/ })).toBeChecked();
	await expect(downloads.getByRole('radio', { name: /Komma/ })).toBeChecked();
});
