// Where a migration stands after its runs, moved on by the engine itself: a finished demo opens the checklist, a started full run the full-migration step.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type EngineApi, type EngineEvent } from '../../src/lib/engine/api';
import { connectedMigration, value } from './engine-fixtures';
import { startHarness, type Harness } from './migration-harness';

let harness: Harness;
let engine: EngineApi;

beforeAll(async () => {
	harness = await startHarness({ tickets: 30 });
});

afterAll(async () => {
	await harness.close();
});

beforeEach(() => {
	harness.kayako.reset();
	harness.zendesk.reset();
	engine = createEngine({ indexedDB: new IDBFactory() });
});

/** Starts a run; `ended` settles when the engine says it ended. */
async function start(id: string, kind: 'demo' | 'full') {
	const ended = new Promise<Extract<EngineEvent, { type: 'run-ended' }>>((resolve) => {
		engine.subscribe((event) => {
			if (event.type === 'run-ended' && event.migrationId === id) resolve(event);
		});
	});
	value(await engine.startRun(id, kind));
	return { ended };
}

describe('the stage after a run', () => {
	it('is the checklist once a demo finished, and stays there when an earlier step is saved again', async () => {
		const id = await connectedMigration(engine, harness);
		value(await engine.updateMigration(id, { stage: 'demo' }));
		const { ended } = await start(id, 'demo');
		expect((await ended).state).toBe('finished');
		expect(value(await engine.getMigration(id)).stage).toBe('checklist');
		expect(value(await engine.updateMigration(id, { stage: 'match' })).stage).toBe('checklist');
	}, 120_000);

	it('is the full migration from its start, and deltas once it finished', async () => {
		const id = await connectedMigration(engine, harness);
		const { ended } = await start(id, 'full');
		// Thirty tickets take seconds to move; the stage is written before startRun answers.
		expect(value(await engine.getMigration(id)).stage).toBe('full');
		expect((await ended).state).toBe('finished');
		expect(value(await engine.getMigration(id)).stage).toBe('delta');
	}, 180_000);
});
