// The records behind a number of the results table: one entity and status, paged, with reasons and links into Kayako.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/lib/engine/api';
import { because, splitReason } from '../../src/lib/engine/reports/reasons/because';
import { openStore, type IdMapRow } from '../../src/lib/engine/store';

async function engineWithTickets() {
	const factory = new IDBFactory();
	const engine = createEngine({ indexedDB: factory, dbName: 'records-test' });
	const created = await engine.createMigration({ name: 'Records', platform: 'zendesk' });
	if (!created.ok) throw new Error(created.error.message);
	const migrationId = created.value.id;
	const store = await openStore({ indexedDB: factory, name: 'records-test' });
	await store.saveMigration({ ...(await store.getMigration(migrationId))!, target: { url: 'https://acme.kayako.com/', email: 'admin@acme.test' } });
	const row = (sourceId: string, status: IdMapRow['status'], extra: Partial<IdMapRow> = {}): IdMapRow => ({ migrationId, entity: 'tickets', sourceId, status, runId: 'run-1', updatedAt: 1, attempts: 1, ...extra });
	await store.putIdMapRows([
		...Array.from({ length: 5 }, (_, index) => row(`m${index}`, 'migrated', { kayakoId: 100 + index, createdBy: 'run-1' })),
		row('f1', 'failed', { reason: 'Kayako refused the requester.' }),
		row('s1', 'skipped', { reason: 'Deleted in Zendesk.' })
	]);
	return { engine, migrationId };
}

describe('listing the records behind a number', () => {
	it('pages through the migrated tickets with a link to each in Kayako', async () => {
		const { engine, migrationId } = await engineWithTickets();
		const first = await engine.listRecords(migrationId, 'tickets', 'migrated', 3);
		if (!first.ok) throw new Error(first.error.message);
		expect(first.value.records.map((record) => record.sourceId)).toEqual(['m0', 'm1', 'm2']);
		expect(first.value.records[0]).toMatchObject({ status: 'migrated', kayakoId: 100, kayakoLink: 'https://acme.kayako.com/agent/conversations/100' });
		const second = await engine.listRecords(migrationId, 'tickets', 'migrated', 3, first.value.next);
		if (!second.ok) throw new Error(second.error.message);
		expect(second.value.records.map((record) => record.sourceId)).toEqual(['m3', 'm4']);
		expect(second.value.next).toBeUndefined();
	});

	it('gives the reason of a failed record and no link', async () => {
		const { engine, migrationId } = await engineWithTickets();
		const failed = await engine.listRecords(migrationId, 'tickets', 'failed');
		expect(failed.ok && failed.value.records).toEqual([{ sourceId: 'f1', status: 'failed', reason: 'Kayako refused the requester.', updatedAt: 1 }]);
		const all = await engine.listRecords(migrationId, 'tickets', 'all');
		expect(all.ok && all.value.records.length).toBe(7);
	});

	it('refuses a kind of record that does not exist', async () => {
		const { engine, migrationId } = await engineWithTickets();
		const result = await engine.listRecords(migrationId, 'invoices' as never, 'all');
		expect(!result.ok && result.error.kind).toBe('invalid-input');
	});

	it('sorts ids by their number across pages, names each record, links it into Zendesk, and says its reason in German', async () => {
		const factory = new IDBFactory();
		const engine = createEngine({ indexedDB: factory, dbName: 'records-sorted' });
		const created = await engine.createMigration({ name: 'Sorted', platform: 'zendesk' });
		if (!created.ok) throw new Error(created.error.message);
		const migrationId = created.value.id;
		const store = await openStore({ indexedDB: factory, name: 'records-sorted' });
		const saved = (await store.getMigration(migrationId))!;
		await store.saveMigration({ ...saved, source: { ...saved.source, url: 'acme' }, target: { url: 'https://acme.kayako.com', email: 'admin@acme.test' } });
		const reason = splitReason(because('person-not-migrated', { person: { id: '8', name: 'Sam Agent', email: 'sam@example.com' }, roles: ['comment-author'], standIn: true }));
		const row = (sourceId: string): IdMapRow => ({ migrationId, entity: 'tickets', sourceId, status: 'migrated', kayakoId: Number(sourceId) + 1000, runId: 'r', updatedAt: 1, attempts: 1, label: `Ticket ${sourceId}`, reason: reason.text, reasonParts: reason.parts! });
		await store.putIdMapRows(['118', '120', '23', '9', '1000'].map(row));
		const first = await engine.listRecords(migrationId, 'tickets', 'all', 3, undefined, 'de');
		if (!first.ok) throw new Error(first.error.message);
		expect(first.value.records.map((record) => record.sourceId)).toEqual(['9', '23', '118']);
		const second = await engine.listRecords(migrationId, 'tickets', 'all', 3, first.value.next, 'de');
		expect(second.ok && second.value.records.map((record) => record.sourceId)).toEqual(['120', '1000']);
		expect(first.value.records[1]).toMatchObject({
			label: 'Ticket 23',
			sourceLink: 'https://acme.zendesk.com/agent/tickets/23',
			kayakoLink: 'https://acme.kayako.com/agent/conversations/1023',
			reason: 'Der Verfasser Sam Agent (sam@example.com) wurde nicht übertragen; der Standard-Agent tritt an ihre Stelle.'
		});
		const english = await engine.listRecords(migrationId, 'tickets', 'all', 1);
		expect(english.ok && english.value.records[0]?.reason).toBe('The comment author Sam Agent (sam@example.com) was not moved; the default agent stands in.');
	});
});
