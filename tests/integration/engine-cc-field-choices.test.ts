// The options step's CC choice under Node: Kayako's custom text case fields by title, read from the sandbox Kayako.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KAYAKO_SANDBOX_CREDENTIALS as CREDENTIALS } from '../../server/sandbox/kayako/index';
import { createEngine, type EngineApi } from '../../src/lib/engine/api';
import { connectedMigration, value } from './engine-fixtures';
import { Client } from './kayako-sandbox-helpers';
import { startHarness, type Harness } from './migration-harness';

let harness: Harness;
let indexedDB: IDBFactory;
let engine: EngineApi;

beforeAll(async () => {
	harness = await startHarness({ tickets: 10 });
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

describe('kayakoTextCaseFields', () => {
	it('offers the custom text case fields an admin made in Kayako, by title and key, and no system or choice field', async () => {
		const admin = new Client(harness.kayako.accountUrl('acme'));
		await admin.login(CREDENTIALS.admin);
		for (const field of [
			{ type: 'TEXT', title: 'CC addresses', key: 'cc_addresses' },
			{ type: 'TEXTAREA', title: 'Copied people' }
		]) {
			expect((await admin.request('POST', '/cases/fields.json', { json: field })).status).toBe(201);
		}

		const id = await connectedMigration(engine, harness);
		const fields = value(await engine.kayakoTextCaseFields(id));
		expect(fields.map((field) => [field.title, field.type])).toEqual([
			['CC addresses', 'TEXT'],
			['Copied people', 'TEXTAREA']
		]);
		expect(fields[0]?.key).toBe('cc_addresses');
		// The seeded "Product area" drop-down and the system fields (Subject, Priority ...) are no place for addresses.
		expect(fields.map((field) => field.title)).not.toContain('Product area');
	});

	it('asks for the password again when Kayako is not logged in in this engine (the page was reloaded)', async () => {
		const id = await connectedMigration(engine, harness);
		const reloaded = createEngine({ indexedDB });
		expect(await reloaded.kayakoTextCaseFields(id)).toMatchObject({ ok: false, error: { kind: 'credentials-needed' } });
	});
});
