// The options step's organisation commands under Node: search by name and the names of chosen ids, through the real CORS proxy.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateOrganization } from '../../server/sandbox/zendesk/generator/people';
import { createEngine, type EngineApi } from '../../src/lib/engine/api';
import { startHarness, type Harness } from './migration-harness';
import { migrationWithSource, value } from './engine-fixtures';

let harness: Harness;
let indexedDB: IDBFactory;
let engine: EngineApi;

const organization = (index: number) => generateOrganization(harness.zendesk.plan, index);

beforeAll(async () => {
	harness = await startHarness({ tickets: 400 });
});

afterAll(async () => {
	await harness.close();
});

beforeEach(() => {
	harness.zendesk.reset();
	indexedDB = new IDBFactory();
	engine = createEngine({ indexedDB });
});

describe('searchOrganizations', () => {
	it('finds the organisation a support lead starts to type, by name', async () => {
		const id = await migrationWithSource(engine, harness);
		const wanted = organization(3);
		const found = value(await engine.searchOrganizations(id, wanted.name.slice(0, 5)));
		expect(found.organizations).toContainEqual({ id: String(wanted.id), name: wanted.name });
		expect(found.organizations.every((match) => match.name.toLowerCase().startsWith(wanted.name.slice(0, 5).toLowerCase()))).toBe(true);
		expect(found.total).toBeGreaterThanOrEqual(found.organizations.length);
	});

	it('asks for the password again when the source is not logged in in this engine (the page was reloaded)', async () => {
		const id = await migrationWithSource(engine, harness);
		const reloaded = createEngine({ indexedDB });
		const answer = await reloaded.searchOrganizations(id, 'a');
		expect(answer).toMatchObject({ ok: false, error: { kind: 'credentials-needed' } });
	});
});

describe('organizationNames', () => {
	it('names the chosen organisations and lists the ids the source no longer holds', async () => {
		const id = await migrationWithSource(engine, harness);
		const [first, second] = [organization(0), organization(5)];
		const gone = '29999999';
		const names = value(await engine.organizationNames(id, [String(second.id), gone, String(first.id), String(second.id)]));
		expect(names.found).toEqual([
			{ id: String(second.id), name: second.name },
			{ id: String(first.id), name: first.name }
		]);
		expect(names.missing).toEqual([gone]);
	});

	it('asks the source nothing when nothing is chosen', async () => {
		const id = await migrationWithSource(engine, harness);
		const before = harness.zendesk.state().requests.total;
		expect(value(await engine.organizationNames(id, []))).toEqual({ found: [], missing: [] });
		expect(harness.zendesk.state().requests.total).toBe(before);
	});
});
