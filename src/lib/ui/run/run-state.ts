// The one state the run page shows at a time, and the steps a running run has still ahead of it.
import type { Entity, RecordKind } from '$lib/engine/model';
import type { ProgressReport } from '$lib/engine/pipeline/progress';
import type { RunKind, RunRecord } from '$lib/engine/store';

export type RunPageState = 'ready' | 'running' | 'pausing' | 'paused' | 'interrupted' | 'done' | 'rolling-back' | 'rolled-back';

export interface RunPageFacts {
	/** A run goes on now, in this tab or another. */
	busy: boolean;
	/** The kind of the run going on, when known. */
	kind?: RunKind;
	paused: boolean;
	/** Paused, but the record in flight is still being written. */
	pausing: boolean;
	/** Runs that stopped half-way and can be resumed. */
	interrupted: number;
	runs: readonly RunRecord[];
}

/** The run started last (a resumed run keeps its first start). */
export function lastRun(runs: readonly RunRecord[]): RunRecord | undefined {
	return runs.reduce<RunRecord | undefined>((latest, run) => (!latest || run.startedAt >= latest.startedAt ? run : latest), undefined);
}

/**
 * What goes on comes first (a rollback is its own state, and has no pause of its own to show); then a run that
 * did not finish, as it needs the user; then how the last run ended. A cancelled run leaves the page ready.
 */
export function runPageState(facts: RunPageFacts): RunPageState {
	if (facts.busy) {
		if (facts.kind === 'rollback') return 'rolling-back';
		if (facts.pausing) return 'pausing';
		return facts.paused ? 'paused' : 'running';
	}
	if (facts.interrupted > 0) return 'interrupted';
	const last = lastRun(facts.runs);
	if (last?.state !== 'finished') return 'ready';
	return last.kind === 'rollback' ? 'rolled-back' : 'done';
}

/** The steps of a demo, and of a full run or delta, in the order the pipeline takes them. */
const STEPS: Record<'demo' | 'all', readonly (RecordKind | 'finishing')[]> = {
	demo: ['teams', 'fields', 'tickets'],
	all: ['teams', 'fields', 'organizations', 'users', 'tickets', 'kb-categories', 'kb-sections', 'articles', 'finishing']
};

/** The steps after the one in progress, only those the migration moves (articles bring their categories and sections). */
export function stepsAhead(kind: RunKind | undefined, phase: ProgressReport['phase'] | undefined, entities?: readonly Entity[]): (RecordKind | 'finishing')[] {
	if (!kind || kind === 'rollback' || !phase) return [];
	const chosen = new Set<string>(entities ?? ['teams', 'fields', 'organizations', 'users', 'tickets', 'articles']);
	const moved = (step: RecordKind | 'finishing') => step === 'finishing' || chosen.has(step.startsWith('kb-') ? 'articles' : step);
	const steps = STEPS[kind === 'demo' ? 'demo' : 'all'].filter((step) => kind === 'demo' || moved(step));
	const at = steps.indexOf(phase as RecordKind | 'finishing');
	return phase === 'preparing' ? [...steps] : at < 0 ? [] : steps.slice(at + 1);
}
