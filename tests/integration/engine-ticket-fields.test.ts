// The options step's custom field command under Node: the source's ticket fields by title, with types and choices, through the real CORS proxy and without Kayako.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ZENDESK_SANDBOX_CREDENTIALS } from '../../server/sandbox/zendesk/index';
import { customTicketFieldId, retiredTicketFieldId, TAGGER_OPTIONS } from '../../server/sandbox/zendesk/generator/fields';
import { createEngine, type EngineApi } from '../../src/lib/engine/api';
import type { Result } from '../../src/lib/engine/errors';
import { startHarness, type Harness } from './migration-harness';

let harness: Harness;
let indexedDB: IDBFactory;
let engine: EngineApi;

function value<T>(result: Result<T>): T {
	if (!result.ok) throw new Error(`expected success, got ${result.error.kind}: ${result.error.message}`);
	return result.value;
}

/** A migration whose source is logged in and whose Kayako is not: the field filter needs nothing of Kayako. */
async function migrationWithSource(): Promise<string> {
	const id = value(await engine.createMigration({ name: 'Zendesk to Kayako', platform: 'zendesk' })).id;
	const source = { url: harness.zendesk.url, email: ZENDESK_SANDBOX_CREDENTIALS.email, authMethod: 'api-token' as const, proxyUrl: harness.proxyUrl };
	value(await engine.connectSource(id, source, { secret: ZENDESK_SANDBOX_CREDENTIALS.apiToken }));
	return id;
}

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
		const id = await migrationWithSource();
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
		const id = await migrationWithSource();
		const reloaded = createEngine({ indexedDB });
		expect(await reloaded.sourceTicketFields(id)).toMatchObject({ ok: false, error: { kind: 'credentials-needed' } });
	});
});
