// npm run migrate: the browser's migration engine under Node, for runs that last days on a server and for scripted checks.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openConnectors } from '../../src/lib/engine/connectors/factory';
import { toErrorInfo } from '../../src/lib/engine/errors';
import { RunControl } from '../../src/lib/engine/pipeline/control';
import { previewRollback } from '../../src/lib/engine/pipeline/rollback-plan';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import { resultsTable } from '../../src/lib/engine/reports/report';
import type { MigrationStore, RunRecord } from '../../src/lib/engine/store';
import { parseRunnerArgs, RunnerArgsError, RunnerHelpRequested, type RunnerArgs } from './args';
import { loadConfig } from './config';
import { credentialsFromEnv } from './credentials';
import { credentialDestinations } from './destinations';
import { progressLine } from './progress-line';
import { outcomeLines, previewLines } from './rollback-lines';
import { deltaLines } from './delta-lines';
import { checkReportsFolder, writeReports } from './reports';
import { lockStateFolder, StateLockedError } from './state-lock';
import { openStateStore } from './state-store';

const PRINT_EVERY_MS = 5_000;

async function main(): Promise<number> {
	const args = parseRunnerArgs(process.argv.slice(2));
	// Everything the user can get wrong is checked before the first request: a mistake found after hours is hours lost.
	const settings = loadConfig(readFileSync(resolve(args.config), 'utf8'));
	const credentials = credentialsFromEnv(process.env, settings);
	for (const line of credentialDestinations(settings, args.allowProxy, process.env)) console.log(line);
	checkReportsFolder(resolve(args.reports));

	const stateDir = resolve(args.state);
	mkdirSync(stateDir, { recursive: true });
	const lock = lockStateFolder(stateDir);
	// process.exit (normal end, errors, signals below) runs 'exit' listeners; a SIGKILL leaves a lock the next runner takes over.
	process.on('exit', () => lock.release());
	if (lock.notice) console.log(lock.notice);

	const control = new RunControl();
	let stopping = false;
	const stop = (signal: NodeJS.Signals) => {
		// 128 + the signal's number, as a shell reports a process the signal ended.
		const code = signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : 143;
		if (stopping) process.exit(code);
		stopping = true;
		// The store in --state holds every finished step: the same command resumes from here.
		console.log('\nStopping after the record in progress; run the same command again to resume.');
		control.pause();
		setTimeout(() => process.exit(code), 100);
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);

	// Opened only under the lock: LevelDB's own lock would stop a second runner too, but with a less helpful message.
	const { store, notice } = await openStateStore(stateDir);
	if (notice) console.log(notice);
	const known = await store.getMigration(settings.id);
	await store.saveMigration({ ...settings, createdAt: known?.createdAt ?? settings.createdAt });
	const connectors = await openConnectors(settings, credentials, globalThis.fetch);

	let printed = 0;
	const resume = await resumable(store, settings.id, args);
	if (resume) console.log(`Resuming the ${resume.kind} run ${resume.id} started ${new Date(resume.startedAt).toISOString()}.`);
	const rollsBack = args.run === 'rollback' && !resume ? await runsToRollBack(store, settings.id, args.of) : undefined;
	if (rollsBack) for (const line of previewLines(await previewRollback(store, settings.id, rollsBack))) console.log(line);
	const run = await executeRun({
		store,
		source: connectors.source,
		target: connectors.target,
		migrationId: settings.id,
		kind: args.run,
		resume: resume?.id,
		rollsBack,
		options: pipelineOptionsFrom(settings),
		control,
		onProgress: (report) => {
			if (Date.now() - printed < PRINT_EVERY_MS) return;
			printed = Date.now();
			console.log(progressLine(report));
		}
	});
	await writeReports(store, settings, resolve(args.reports), { language: args.reportLanguage, separator: args.separator });
	const table = await resultsTable(store, settings.id);
	console.log(`\nRun ${run.id} (${run.kind}): ${run.state}.`);
	if (run.kind === 'rollback') for (const line of outcomeLines(run.counters)) console.log(line);
	if (run.state === 'finished') for (const line of deltaLines(run.delta)) console.log(line);
	console.table(table);
	if (run.error) console.error(`Stopped: ${run.error.message}`);
	return run.state === 'finished' ? 0 : 1;
}

/** A run of the same kind that stopped half-way is resumed, not started again. */
async function resumable(store: MigrationStore, migrationId: string, args: RunnerArgs): Promise<RunRecord | undefined> {
	const runs = await store.listRuns(migrationId);
	return runs.filter((run) => run.kind === args.run && (run.state === 'running' || run.state === 'paused' || run.state === 'failed')).at(-1);
}

async function runsToRollBack(store: MigrationStore, migrationId: string, of: string): Promise<string[]> {
	const runs = (await store.listRuns(migrationId)).filter((run) => run.kind !== 'rollback' && !run.rolledBackBy);
	if (of === 'all') return runs.map((run) => run.id);
	if (of === 'demo') return runs.filter((run) => run.kind === 'demo').map((run) => run.id);
	if (!runs.some((run) => run.id === of)) throw new RunnerArgsError(`There is no run ${of} to roll back; the runs are ${runs.map((run) => `${run.id} (${run.kind})`).join(', ') || 'none'}.`);
	return [of];
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		if (error instanceof RunnerHelpRequested) {
			console.log(error.message);
			process.exit(0);
		}
		if (error instanceof StateLockedError) console.error(error.message);
		else console.error(error instanceof RunnerArgsError ? error.message : `The migration could not run: ${toErrorInfo(error).message}`);
		process.exit(error instanceof RunnerArgsError ? 2 : error instanceof StateLockedError ? 3 : 1);
	}
);
