// The run commands: start a demo, full or delta run, roll runs back, pause, resume, cancel, and read the results.
import type { Credentials } from '../credentials';
import { MigrationError } from '../errors';
import type { ConnectorFactory } from '../connectors/factory';
import { HeldRunControl } from './run-control';
import type { ThrottleEvent } from '../http';
import type { ProgressReport, Throttled } from '../pipeline/progress';
import { previewRollback } from '../pipeline/rollback-plan';
import { executeRun } from '../pipeline/runner';
import { pipelineOptionsFrom } from '../pipeline/settings';
import { resultsTable } from '../reports/report';
import type { CredentialSide, MigrationSettings, MigrationStage, RunKind, RunRecord } from '../store';
import { asResult, type CommandDeps } from './deps';
import { migrationLocked, withMigrationLock } from './lock';
import { advanceStage, requireMigration } from './migrations';

export interface RunDeps extends CommandDeps {
	connectors: ConnectorFactory;
}

interface Active {
	migrationId: string;
	control: HeldRunControl;
	kind: RunKind;
	done: Promise<RunRecord>;
	/** Tells the pages the latest progress again (after a pause or a continue). */
	republish: () => void;
}

export type RunningWhere = { where: 'here'; runId: string; kind: RunKind; paused: boolean; pausing: boolean } | { where: 'elsewhere' | 'nowhere' };

/** Progress events at most this often: a page that repaints 50 times a second helps nobody. */
const PROGRESS_INTERVAL_MS = 250;

/** Where a finished run moves the migration: past the demo to the checklist, past the full run to deltas. */
const STAGE_AFTER: Partial<Record<RunKind, MigrationStage>> = { demo: 'checklist', full: 'delta' };

export function runCommands(deps: RunDeps) {
	const active = new Map<string, Active>();

	function credentials(migrationId: string): { source: Credentials; kayako: Credentials } {
		const need = (side: CredentialSide) => {
			const value = deps.vault.get(migrationId, side);
			if (!value) {
				throw new MigrationError({
					kind: 'credentials-needed',
					message: `The ${side === 'kayako' ? 'Kayako' : 'source helpdesk'} password is not in memory (the page was reloaded); enter it again on the connect step.`
				});
			}
			return value;
		};
		return { source: need('source'), kayako: need('kayako') };
	}

	async function launch(settings: MigrationSettings, start: { kind?: RunKind; resume?: string; rollsBack?: string[] }): Promise<{ runId: string }> {
		const store = await deps.store();
		const kind = start.kind ?? (start.resume ? (await store.getRun(start.resume))?.kind : undefined) ?? 'full';
		let lastProgress: ProgressReport | undefined;
		let throttle: Throttled | undefined;
		const publish = (report: ProgressReport) => {
			const held = throttle && (throttle.until ?? 0) > Date.now() ? throttle : undefined;
			// Paused as soon as asked; pausing until the record in flight is written and the run waits.
			const paused = control.paused ? { paused: true, ...(control.pausing && { pausing: true }) } : {};
			deps.events.emit({ type: 'progress', migrationId: settings.id, kind, report: { ...report, ...paused, ...(held && { throttled: held }) } });
		};
		const republish = () => lastProgress && publish(lastProgress);
		const control = new HeldRunControl(republish);
		// A helpdesk that slows us is news even when no record moves: say so at once, with its limit and how long it holds us.
		const onThrottle = (event: ThrottleEvent) => {
			const { host, waitMs, reason, limit } = event;
			throttle = { host, reason, until: Date.now() + waitMs, retryAfterMs: waitMs, ...(limit !== undefined && { limit }) };
			republish();
		};
		const connectors = await deps.connectors(settings, credentials(settings.id), deps.fetch, { onThrottle });
		let lastReport = 0;
		let runIdSeen: string | undefined;
		const started = new Promise<string>((resolve, reject) => {
			const done = withMigrationLock(settings.id, () =>
				executeRun({
					store,
					source: connectors.source,
					target: connectors.target,
					migrationId: settings.id,
					kind: start.kind,
					resume: start.resume,
					rollsBack: start.rollsBack,
					options: pipelineOptionsFrom(settings),
					control,
					onProgress: (report: ProgressReport) => {
						if (!runIdSeen) {
							runIdSeen = report.runId;
							active.set(report.runId, { migrationId: settings.id, control, kind, done, republish });
							resolve(report.runId);
						}
						lastProgress = report;
						const now = Date.now();
						if (now - lastReport < PROGRESS_INTERVAL_MS) return;
						lastReport = now;
						publish(report);
					}
				})
			);
			done.then(
				async (run) => {
					if (runIdSeen) active.delete(runIdSeen);
					resolve(run.id);
					const reached = run.state === 'finished' ? STAGE_AFTER[run.kind] : undefined;
					if (reached) await advanceStage(deps, settings.id, reached);
					deps.events.emit({ type: 'run-ended', migrationId: settings.id, runId: run.id, state: run.state, error: run.error });
				},
				(error: unknown) => {
					if (runIdSeen) active.delete(runIdSeen);
					reject(error);
				}
			);
		});
		return { runId: await started };
	}

	// A tab that starts watching asks for the latest progress: a paused or throttled run sends none by itself.
	deps.events.subscribe((event) => {
		if (event.type !== 'progress-wanted' || !event.elsewhere) return;
		for (const run of active.values()) if (run.migrationId === event.migrationId) run.republish();
	});

	const control = (runId: string) => {
		const run = active.get(runId);
		if (!run) throw new MigrationError({ kind: 'not-found', message: `Run ${runId} is not running in this tab.` });
		return run;
	};

	return {
		startRun: (migrationId: string, kind: Exclude<RunKind, 'rollback'>) =>
			asResult(async () => {
				const started = await launch(await requireMigration(deps, migrationId), { kind });
				// The checklist is behind the user once the full migration runs.
				if (kind === 'full') await advanceStage(deps, migrationId, 'full');
				return started;
			}),

		rollbackRuns: (migrationId: string, runIds: string[]) =>
			asResult(async () => {
				if (runIds.length === 0) throw new MigrationError({ kind: 'invalid-input', message: 'Choose at least one run to roll back.' });
				return launch(await requireMigration(deps, migrationId), { kind: 'rollback', rollsBack: runIds });
			}),

		/** What rolling these runs back would delete in Kayako and keep (a later run uses it), by kind; nothing is changed. */
		previewRollback: (migrationId: string, runIds: string[]) =>
			asResult(async () => {
				await requireMigration(deps, migrationId);
				return previewRollback(await deps.store(), migrationId, runIds);
			}),

		/** Goes on with a run that stopped without finishing: the tab was closed, the worker died, or it failed. */
		resumeRun: (migrationId: string, runId: string) => asResult(async () => launch(await requireMigration(deps, migrationId), { resume: runId })),

		pauseRun: (runId: string) =>
			asResult(async () => {
				const run = control(runId);
				run.control.pause();
				run.republish();
			}),
		continueRun: (runId: string) =>
			asResult(async () => {
				const run = control(runId);
				run.control.resume();
				run.republish();
			}),
		cancelRun: (runId: string) => asResult(async () => control(runId).control.cancel()),
		/** Asks the tab that runs this migration to send its progress now; it arrives as a `progress` event marked `elsewhere`. */
		askProgress: (migrationId: string) =>
			asResult(async () => {
				deps.events.emit({ type: 'progress-wanted', migrationId });
			}),

		/** Where the migration runs now: in this tab (with the run's id), in another tab or window, or nowhere. */
		runningWhere: (migrationId: string) =>
			asResult(async (): Promise<RunningWhere> => {
				const here = [...active].find(([, run]) => run.migrationId === migrationId);
				if (here) return { where: 'here', runId: here[0], kind: here[1].kind, paused: here[1].control.paused, pausing: here[1].control.pausing };
				return { where: (await migrationLocked(migrationId)) ? 'elsewhere' : 'nowhere' };
			}),
		listRuns: (migrationId: string) => asResult(async () => (await deps.store()).listRuns(migrationId)),
		/** Runs of this migration that stopped half-way and can be resumed. */
		interruptedRuns: (migrationId: string) =>
			asResult(async () => {
				const runs = await (await deps.store()).listRuns(migrationId);
				const here = new Set([...active.keys()]);
				// A run whose lock another tab holds is not interrupted: it is running there.
				if (here.size === 0 && (await migrationLocked(migrationId))) return [];
				return runs.filter((run) => (run.state === 'running' || run.state === 'paused' || run.state === 'failed') && !here.has(run.id));
			}),

		results: (migrationId: string) => asResult(async () => resultsTable(await deps.store(), migrationId)),
	};
}
