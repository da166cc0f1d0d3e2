// Runs a migration to its end the hostile way: faults on both sandboxes, the engine killed after a seeded number of requests, resumed, with a cap.
import { seededRandom } from '../../server/sandbox/common/rng';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import type { MigrationSettings, MigrationStore, RunKind, RunRecord } from '../../src/lib/engine/store';
import { connectors } from '../integration/migration-harness';

export interface DriveOptions {
	kind: RunKind;
	/** For a rollback: the runs whose records go. */
	rollsBack?: string[];
	/** How many times the engine is killed mid-run (after a seeded number of requests each time). */
	kills: number;
	/** Requests between kills, drawn from this range. */
	killAfter: [number, number];
	/** The most starts in all (first run, resumes after kills and after errors): the suite never loops forever. */
	maxStarts: number;
	seed: number;
	/** Starts without a kill die after this many requests all the same (default 50,000), so an engine that loops forever ends the test. */
	requestCap?: number;
}

export interface DriveOutcome {
	run: RunRecord;
	starts: number;
	/** Kills that landed: the engine died mid-run. */
	crashes: number;
	/** Starts that ended in an error (not a kill) and were resumed. */
	errors: string[];
	requests: number;
}

/** Starts the run, then resumes it after every kill or error until it finishes or `maxStarts` is used up. */
export async function driveRun(store: MigrationStore, settings: MigrationSettings, drive: DriveOptions): Promise<DriveOutcome> {
	const options = { requestCap: 50_000, ...drive };
	const random = seededRandom(options.seed);
	const budget = () => options.killAfter[0] + Math.floor(random() * (options.killAfter[1] - options.killAfter[0]));
	let kills = options.kills;
	let crashes = 0;
	let requests = 0;
	const errors: string[] = [];
	let run: RunRecord | undefined;
	let starts = 0;
	while (starts < options.maxStarts && run?.state !== 'finished') {
		starts += 1;
		const killAt = kills > 0 ? budget() : undefined;
		const built = await connectors(settings, killAt ?? options.requestCap);
		run = await executeRun({
			store,
			source: built.source,
			target: built.target,
			migrationId: settings.id,
			...(run ? { resume: run.id } : { kind: options.kind, options: pipelineOptionsFrom(settings), ...(options.rollsBack && { rollsBack: options.rollsBack }) })
		});
		requests += built.requests();
		if (run.state === 'finished') break;
		// The kill landed when the engine asked for more than its budget: it died mid-run, whatever error it then reported.
		if (killAt !== undefined && built.requests() > killAt) {
			kills -= 1;
			crashes += 1;
		} else if (killAt === undefined && options.requestCap !== undefined && built.requests() > options.requestCap) {
			errors.push(`${run.state}: stopped by the test after ${options.requestCap} requests: the run did not end by itself`);
			break;
		} else errors.push(`${run.state}: ${run.error?.kind ?? ''} ${run.error?.message ?? ''}`.trim());
		if (run.state === 'cancelled') break;
	}
	if (!run) throw new Error('driveRun needs maxStarts of at least 1.');
	return { run, starts, crashes, errors, requests };
}
