// The run page shows one state at a time, and during a run the steps still ahead of it.
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/lib/engine/store';
import { runPageState, stepsAhead, type RunPageFacts } from '../../src/lib/ui/run/run-state';

function run(kind: RunRecord['kind'], state: RunRecord['state'], startedAt: number): RunRecord {
	return { id: `${kind}-${startedAt}`, migrationId: 'm', kind, state, counters: {}, startedAt };
}

const idle: RunPageFacts = { busy: false, paused: false, pausing: false, interrupted: 0, runs: [] };

describe('the run page state', () => {
	it('is ready before any run, and after a cancelled one', () => {
		expect(runPageState(idle)).toBe('ready');
		expect(runPageState({ ...idle, runs: [run('demo', 'finished', 1), run('full', 'cancelled', 2)] })).toBe('ready');
	});

	it('follows a run through running, pausing and paused, whatever the runs before it did', () => {
		const runs = [run('demo', 'finished', 1), run('full', 'running', 2)];
		expect(runPageState({ ...idle, busy: true, kind: 'full', runs })).toBe('running');
		expect(runPageState({ ...idle, busy: true, kind: 'full', paused: true, pausing: true, runs })).toBe('pausing');
		expect(runPageState({ ...idle, busy: true, kind: 'full', paused: true, runs })).toBe('paused');
	});

	it('says a run did not finish only while nothing runs: a resumed run is running, not interrupted', () => {
		const runs = [run('full', 'failed', 2)];
		expect(runPageState({ ...idle, interrupted: 1, runs })).toBe('interrupted');
		expect(runPageState({ ...idle, busy: true, kind: 'full', interrupted: 1, runs })).toBe('running');
	});

	it('is done after a finished run, rolling back during a rollback, and rolled back after it', () => {
		expect(runPageState({ ...idle, runs: [run('full', 'finished', 2)] })).toBe('done');
		expect(runPageState({ ...idle, busy: true, kind: 'rollback', runs: [run('demo', 'finished', 1)] })).toBe('rolling-back');
		expect(runPageState({ ...idle, runs: [run('demo', 'finished', 1), run('rollback', 'finished', 3)] })).toBe('rolled-back');
	});
});

describe('the steps ahead of a run', () => {
	it('lists what a full run still does after the step in progress, only the kinds the migration moves', () => {
		expect(stepsAhead('full', 'users', ['organizations', 'users', 'tickets'])).toEqual(['tickets', 'finishing']);
		expect(stepsAhead('full', 'organizations')).toEqual(['users', 'tickets', 'kb-categories', 'kb-sections', 'articles', 'finishing']);
		expect(stepsAhead('demo', 'fields')).toEqual(['tickets']);
		expect(stepsAhead('full', 'finishing')).toEqual([]);
		expect(stepsAhead('rollback', 'tickets')).toEqual([]);
	});
});
