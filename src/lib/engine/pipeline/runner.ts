// Starts or resumes one run: its record in the store, its context, the pipeline or the rollback, and how it ended.
import type { SourceConnector } from '../connectors/source';
import { MigrationError, toErrorInfo } from '../errors';
import type { JsonObject, MigrationStore, RunKind, RunRecord } from '../store';
import type { RunContext } from './context';
import { RunControl } from './control';
import { DeltaTally } from './delta-summary';
import { DEFAULT_PIPELINE_OPTIONS, MAX_BATCH, MAX_TICKET_POOL, type PipelineOptions } from './options';
import { doneByRun, ProgressTracker, resumedCounts, type ProgressReport } from './progress';
import { rollbackRuns } from './rollback';
import { runPipeline } from './run';
import type { TargetWriter } from './target';

export interface RunRequest {
	store: MigrationStore;
	source: SourceConnector;
	target: TargetWriter;
	migrationId: string;
	/** A new run of this kind... */
	kind?: RunKind;
	/** ...or the id of a run to resume. */
	resume?: string;
	options?: Partial<PipelineOptions>;
	/** For rollback: the runs whose records go. */
	rollsBack?: string[];
	control?: RunControl;
	onProgress?: (report: ProgressReport) => void;
	now?: () => number;
}

export async function executeRun(request: RunRequest): Promise<RunRecord> {
	const { store } = request;
	const now = request.now ?? Date.now;
	const run = await openRun(request);
	const options = { ...DEFAULT_PIPELINE_OPTIONS, ...(run.settings as Partial<PipelineOptions> | undefined) };
	options.batchSize = Math.max(1, Math.min(MAX_BATCH, options.batchSize));
	options.ticketPool = Math.max(1, Math.min(MAX_TICKET_POOL, Math.floor(options.ticketPool) || DEFAULT_PIPELINE_OPTIONS.ticketPool));
	const progress = new ProgressTracker(run.id, now);
	// A resumed run goes on counting from what it did before (a rollback's rows are gone once it has done them).
	if (request.resume && run.kind !== 'rollback') progress.resume(resumedCounts(run.counters, await doneByRun(store, run.id)));
	const context: RunContext = {
		store,
		source: request.source,
		target: request.target,
		run,
		options,
		control: request.control ?? new RunControl(),
		progress,
		report: () => request.onProgress?.(progress.report()),
		log: async (level, message, data) => {
			await store.appendEvent({ migrationId: run.migrationId, runId: run.id, level, message, data });
		},
		now,
		...(run.kind === 'delta' && { delta: new DeltaTally(store, run) })
	};
	// A resumed run starts clean: the error of its last attempt is history (it is in the event log).
	await store.updateRun(run.id, { state: 'running', error: undefined });
	await context.log('info', run.kind === 'rollback' ? `Rollback of ${run.rollsBack?.length ?? 0} run(s) started.` : `${run.kind} run started.`);
	try {
		if (run.kind === 'rollback') await rollbackRuns(context, run.rollsBack ?? []);
		else await runPipeline(context, run.kind === 'delta' ? await deltaSince(store, run) : undefined);
		context.progress.phase = 'finishing';
		context.report();
		await context.delta?.finish();
		return await store.updateRun(run.id, { state: 'finished', finishedAt: now(), counters: progress.counters() });
	} catch (error) {
		const info = toErrorInfo(error);
		const cancelled = info.kind === 'cancelled';
		await context.log(cancelled ? 'info' : 'error', cancelled ? 'The run was cancelled.' : `The run stopped: ${info.message}`);
		return store.updateRun(run.id, {
			state: cancelled ? 'cancelled' : 'failed',
			counters: progress.counters(),
			...(cancelled ? { finishedAt: now() } : { error: { kind: info.kind, message: info.message } })
		});
	}
}

async function openRun(request: RunRequest): Promise<RunRecord> {
	const { store } = request;
	if (request.resume) {
		const run = await store.getRun(request.resume);
		if (!run || run.migrationId !== request.migrationId) throw new MigrationError({ kind: 'not-found', message: `There is no run ${request.resume} of this migration to resume.` });
		if (run.state === 'finished' || run.state === 'cancelled') throw new MigrationError({ kind: 'invalid-input', message: `Run ${run.id} has ${run.state} and cannot be resumed; start a new one.` });
		return run;
	}
	const kind = request.kind ?? 'full';
	const created = await store.createRun({ migrationId: request.migrationId, kind, rollsBack: request.rollsBack });
	// The options are frozen with the run: a resume days later goes on exactly as it began.
	const settings = JSON.parse(JSON.stringify({ ...DEFAULT_PIPELINE_OPTIONS, ...request.options })) as JsonObject;
	const run = { ...created, settings, notesUse: true };
	await store.putRun(run);
	return run;
}

/**
 * How far a delta reaches back before the run it follows started. Helpdesk exports leave out their last minute
 * (Zendesk's by design) and the helpdesk's clock may run ahead of ours: a change made just before a run started may
 * be in neither that run nor, without this overlap, the next. Reading a few records twice costs nothing: a record
 * whose content did not change is not sent again.
 */
export const DELTA_OVERLAP_MS = 10 * 60_000;

/** A delta moves what changed since the last full run started (its own start, when it is resumed), with an overlap. */
async function deltaSince(store: MigrationStore, run: RunRecord): Promise<string> {
	const runs = await store.listRuns(run.migrationId);
	const earlier = runs.slice(0, Math.max(0, runs.findIndex((each) => each.id === run.id)));
	const base = earlier.filter((each) => (each.kind === 'full' || each.kind === 'delta') && !each.rolledBackBy).at(-1);
	if (!base) throw new MigrationError({ kind: 'invalid-input', message: 'A delta run needs a full run before it: run the full migration first.' });
	return new Date(base.startedAt - DELTA_OVERLAP_MS).toISOString();
}
