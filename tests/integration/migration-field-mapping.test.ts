// The fields step's choices, honoured by a real run on the sandboxes: a drop-down matched by hand to an existing Kayako field, a field skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customTicketFieldId, TAGGER_OPTIONS } from '../../server/sandbox/zendesk/generator/catalog';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import type { JsonObject } from '../../src/lib/engine/store';
import { connectors, newMigration, startHarness, type Harness } from './migration-harness';

let harness: Harness;

beforeAll(async () => {
	harness = await startHarness({ tickets: 12, seed: 5 });
});
afterAll(() => harness.close());

describe('a migration with a field mapping', () => {
	it('writes a matched drop-down into the existing Kayako field, creates no field for it, and leaves a skipped field out', async () => {
		harness.kayako.reset();
		const productArea = harness.kayako.state('acme').fields.find((field) => field.title === 'Product area')!;
		const optionId = (label: string) => productArea.options.find((option) => option.values.includes(label))!.id;
		const productLine = String(customTicketFieldId('tagger'));
		const orderNumber = String(customTicketFieldId('text'));
		// Three options by name; the fourth ("Übersetzung — 翻訳") by hand into Consulting.
		const chosen: Record<string, number> = { line_hardware: optionId('Hardware'), line_software: optionId('Software'), line_services: optionId('Services'), line_translation: optionId('Consulting') };

		const { store, settings } = await newMigration(harness);
		const fields: JsonObject = {
			[productLine]: { action: 'match', kayakoId: `case:${productArea.id}`, options: Object.entries(chosen).map(([value, kayakoOptionId]) => ({ value, kayakoOptionId })) },
			[orderNumber]: { action: 'skip' }
		};
		const saved = await store.saveMigration({ ...settings, mappings: { ...settings.mappings, fields } });
		const built = await connectors(saved);
		const run = await executeRun({ store, source: built.source, target: built.target, migrationId: saved.id, kind: 'full', options: { ...pipelineOptionsFrom(saved), entities: ['fields', 'tickets'] } });
		expect(run.error).toBeUndefined();

		const after = harness.kayako.state('acme');
		expect(after.fields.filter((field) => field.title === 'Product line' || field.title === 'Order number')).toEqual([]);
		expect(after.fields.filter((field) => field.title === 'Product area')).toHaveLength(1);
		const cases = after.cases.filter((kase) => kase.legacy_id);
		expect(cases.length).toBeGreaterThan(5);
		for (const kase of cases) {
			const ticket = await built.source.ticket(kase.legacy_id!);
			const value = ticket!.fields[productLine] as string;
			expect(TAGGER_OPTIONS.map(([, tag]) => tag)).toContain(value);
			expect(kase.field_values[productArea.key]).toBe(String(chosen[value]));
			expect(Object.values(kase.field_values).some((each) => each.startsWith('ORD-'))).toBe(false);
		}

		const matched = await store.getIdMapRow({ migrationId: saved.id, entity: 'fields', sourceId: productLine });
		expect(matched).toMatchObject({ status: 'migrated', kayakoId: `case:${productArea.id}` });
		// Matched, not created: a rollback leaves the account's own field alone.
		expect(matched?.createdBy).toBeUndefined();
		const skipped = await store.getIdMapRow({ migrationId: saved.id, entity: 'fields', sourceId: orderNumber });
		expect(skipped?.status).toBe('skipped');
		expect(skipped?.reason).toMatch(/not mapped/i);
	}, 120_000);
});
