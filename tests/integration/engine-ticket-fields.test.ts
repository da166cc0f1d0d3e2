// The options step's custom field command under Node: the source's ticket fields by title, with types and choices, through the real CORS proxy and without Kayako.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { customTicketFieldId, retiredTicketFieldId, TAGGER_OPTIONS } from '../../server/sandbox/zendesk/generator/fields';
import { createEngine, type EngineApi } from '../../src/lib/engine/api';
import { startHarness, type Harness } from './migration-harness';
import { migrationWithSource, value } from './engine-fixtures';

let harness: Harness;
let indexedDB: IDBFactory;
let engine: EngineApi;

beforeAll(async () => {
	harness = await startHarness({ tickets: 50 });
});

afterAll(async () => {
	await harness.close();
});

beforeEach(() => {
	harness.zendesk.reset();
	harness.kayako.reset();
	indexedDB = new IDBFactory();
	engine = createEngine({ indexedDB });
});

describe('sourceTicketFields', () => {
	it('answers the custom ticket fields with their titles, types and choices, and asks Kayako nothing', async () => {
		const id = await migrationWithSource(engine, harness);
		const fields = value(await engine.sourceTicketFields(id));

		expect(fields.every((field) => field.entity === 'ticket' && !field.system)).toBe(true);
		expect(fields.map((field) => field.title)).not.toContain('Subject');
		const productLine = fields.find((field) => field.id === String(customTicketFieldId('tagger')));
		expect(productLine).toMatchObject({ title: 'Product line', type: 'dropdown' });
		// The filter compares what tickets store, the tag; the label is what the page shows.
		expect(productLine?.options).toEqual(TAGGER_OPTIONS.map(([label, tag]) => ({ value: tag, label })));
		expect(fields.find((field) => field.id === String(customTicketFieldId('checkbox')))).toMatchObject({ title: 'Escalated to engineering', type: 'checkbox' });
		expect(fields.find((field) => field.id === String(retiredTicketFieldId()))).toMatchObject({ active: false });
		expect(harness.kayako.state('acme').requests.total).toBe(0);
	});

	it('asks for the password again when the source is not logged in in this engine (the page was reloaded)', async () => {
		const id = await migrationWithSource(engine, harness);
		const reloaded = createEngine({ indexedDB });
		expect(await reloaded.sourceTicketFields(id)).toMatchObject({ ok: false, error: { kind: 'credentials-needed' } });
	});
});
