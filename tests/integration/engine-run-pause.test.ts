// Pausing a run as the page sees it: "pausing" while the record in flight is written, "paused" once nothing moves, and a second tab asking for the progress of a paused run gets it.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type EngineApi, type EngineEvent } from '../../src/lib/engine/api';
import { connectedMigration, value } from './engine-fixtures';
import { startHarness, type Harness } from './migration-harness';

let harness: Harness;

beforeAll(async () => {
	harness = await startHarness({ tickets: 30 });
});

afterAll(async () => {
	await harness.close();
});

/** The first event of this engine that `match` accepts. */
function next<T extends EngineEvent>(engine: EngineApi, match: (event: EngineEvent) => event is T): Promise<T> {
	return new Promise((resolve) => {
		engine.subscribe((event) => {
			if (match(event)) resolve(event);
		});
	});
}

type Progress = Extract<EngineEvent, { type: 'progress' }>;
const progress = (event: EngineEvent): event is Progress => event.type === 'progress';

describe('pausing a run', () => {
	it('says paused only once the run waits, tells a watching tab on asking, and goes on to the end after continue', async () => {
		const indexedDB = new IDBFactory();
		const channel = `run-pause-${Date.now()}`;
		const running = createEngine({ indexedDB, runChannel: channel });
		const watching = createEngine({ indexedDB, runChannel: channel });
		const id = await connectedMigration(running, harness);
		const ended = next(running, (event): event is Extract<EngineEvent, { type: 'run-ended' }> => event.type === 'run-ended' && event.migrationId === id && !event.elsewhere);

		const { runId } = value(await running.startRun(id, 'demo'));
		const held = next(running, (event): event is Progress => progress(event) && event.report.paused === true && !event.report.pausing);
		value(await running.pauseRun(runId));
		const paused = await held;
		expect(paused).toMatchObject({ migrationId: id, kind: 'demo', report: { runId, paused: true } });
		expect(value(await running.runningWhere(id))).toEqual({ where: 'here', runId, kind: 'demo', paused: true, pausing: false });
		// A second click on pause changes nothing: still paused, nothing else started.
		value(await running.pauseRun(runId));
		expect(value(await running.runningWhere(id))).toMatchObject({ paused: true, pausing: false });

		// A paused run sends no progress by itself: the other tab asks, and hears the paused run's counts.
		const heard = next(watching, (event): event is Progress => progress(event) && event.elsewhere === true);
		value(await watching.askProgress(id));
		expect(await heard).toMatchObject({ migrationId: id, kind: 'demo', elsewhere: true, report: { runId, paused: true, entities: paused.report.entities } });

		value(await running.continueRun(runId));
		expect(value(await running.runningWhere(id))).toMatchObject({ where: 'here', paused: false, pausing: false });
		expect((await ended).state).toBe('finished');
	}, 120_000);
});
