// npm run migrate: the browser's migration engine under Node, for runs that last days on a server and for scripted checks.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openConnectors } from '../../src/lib/engine/connectors/factory';
import { toErrorInfo } from '../../src/lib/engine/errors';
import { RunControl } from '../../src/lib/engine/pipeline/control';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import { REPORT_KINDS, reportCsv, resultsTable } from '../../src/lib/engine/reports/report';
import type { MigrationStore, RunRecord } from '../../src/lib/engine/store';
import { parseRunnerArgs, RunnerArgsError, type RunnerArgs } from './args';
import { loadConfig } from './config';
import { credentialsFromEnv } from './credentials';
import { openJournalStore } from './journal-store';
import { progressLine } from './progress-line';

const PRINT_EVERY_MS = 5_000;

async function main(): Promise<number> {
	const args = parseRunnerArgs(process.argv.slice(2));
	const settings = loadConfig(readFileSync(resolve(args.config), 'utf8'));
	const store = await openJournalStore(resolve(args.state));
	const known = await store.getMigration(settings.id);
	await store.saveMigration({ ...settings, createdAt: known?.createdAt ?? settings.createdAt });
	const credentials = credentialsFromEnv(process.env, settings);
	const connectors = await openConnectors(settings, credentials, globalThis.fetch);

	const control = new RunControl();
	let stopping = false;
	process.on('SIGINT', () => {
		if (stopping) process.exit(130);
		stopping = true;
		// The journal holds every finished step: the same command resumes from here.
		console.log('\nStopping after the record in progress; run the same command again to resume.');
		control.pause();
		setTimeout(() => process.exit(130), 100);
	});

	let printed = 0;
	const resume = await resumable(store, settings.id, args);
	if (resume) console.log(`Resuming the ${resume.kind} run ${resume.id} started ${new Date(resume.startedAt).toISOString()}.`);
	const run = await executeRun({
		store,
		source: connectors.source,
		target: connectors.target,
		migrationId: settings.id,
		kind: args.run,
		resume: resume?.id,
		rollsBack: args.run === 'rollback' ? await runsToRollBack(store, settings.id, args.of) : undefined,
		options: pipelineOptionsFrom(settings),
		control,
		onProgress: (report) => {
			if (Date.now() - printed < PRINT_EVERY_MS) return;
			printed = Date.now();
			console.log(progressLine(report));
		}
	});
	await writeReports(store, settings.id, settings.target.url, args.reports, connectors.source.link.bind(connectors.source));
	const table = await resultsTable(store, settings.id);
	console.log(`\nRun ${run.id} (${run.kind}): ${run.state}.`);
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

async function writeReports(store: MigrationStore, migrationId: string, kayakoBaseUrl: string, dir: string, sourceLink: (kind: never, id: string) => string | undefined): Promise<void> {
	mkdirSync(dir, { recursive: true });
	for (const status of ['migrated', 'failed', 'skipped'] as const) {
		const csv = await reportCsv(store, migrationId, status, { kayakoBaseUrl, sourceLink: sourceLink as never });
		writeFileSync(join(dir, `${status}.csv`), csv);
	}
	console.log(`Reports: ${['migrated', 'failed', 'skipped'].map((status) => join(dir, `${status}.csv`)).join(', ')} (${REPORT_KINDS.length} kinds of record).`);
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error instanceof RunnerArgsError ? error.message : `The migration could not run: ${toErrorInfo(error).message}`);
		process.exit(error instanceof RunnerArgsError ? 2 : 1);
	}
);
