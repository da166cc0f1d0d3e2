// Runs a migration to its end the hostile way: faults on both sandboxes, the engine killed after a seeded number of requests, resumed, with a cap.
import { seededRandom } from '../../server/sandbox/common/rng';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import { openConnectors } from '../../src/lib/engine/connectors/factory';
import type { MigrationSettings, MigrationStore, RunKind, RunRecord } from '../../src/lib/engine/store';
import { CREDENTIALS } from '../integration/migration-harness';

export interface DriveOptions {
	kind: RunKind;
	/** For a rollback: the runs whose records go. */
	rollsBack?: string[];
	/** How many times the engine is killed mid-run (after a seeded number of requests each time). */
	kills: number;
	/** Requests between kills, drawn from this range (Kayako writes with `killOn: 'writes'`). */
	killAfter: [number, number];
	/**
	 * What a kill's budget counts. `requests` (default): every request of a start. `writes`: the start's writes to Kayako
	 * (POST, PUT, DELETE under /api/v1/), so the kills land in what the run actually does: a short run (a delta) makes
	 * fewer requests than a budget drawn for a full run, and its start-up reads (Zendesk's exports, Kayako's fields) come
	 * again after every kill. Each such kill lands either just before the write leaves (it never reaches Kayako) or just
	 * after Kayako acted on it (the engine never hears), drawn from the seed.
	 */
	killOn?: 'requests' | 'writes';
	/** The most starts in all (first run, resumes after kills and after errors): the suite never loops forever. */
	maxStarts: number;
	seed: number;
	/** Starts without a kill die after this many requests all the same (default 50,000), so an engine that loops forever ends the test. */
	requestCap?: number;
	/**
	 * The first kill lands right after the first request of this method whose address contains this text has reached the
	 * server (it acts; the engine never hears): e.g. the first `POST /bulk/cases`, so the next start must reconcile.
	 */
	firstKillAfter?: { method: string; path: string };
}

type DyingConnectors = Awaited<ReturnType<typeof openConnectors>> & { requests(): number; killed(): boolean };

/** Where a start dies: after `requests` requests, or at its `writes`-th write to Kayako (before it leaves, or once it acted when `unheard`). */
interface KillPlan {
	requests?: number;
	writes?: number;
	unheard?: boolean;
}

/** A write to Kayako: anything but a read under its API (/api/v1/; Zendesk's is /api/v2/, and the engine only reads there). */
function isKayakoWrite(method: string, url: string): boolean {
	return method !== 'GET' && method !== 'HEAD' && decodeURIComponent(url).includes('/api/v1/');
}

/** Connectors whose fetch dies for good where `plan` says, or right after the request `after` names was answered. */
async function dyingConnectors(settings: MigrationSettings, plan: KillPlan, after?: { method: string; path: string }): Promise<DyingConnectors> {
	let sent = 0;
	let writes = 0;
	let dead = false;
	const dying: typeof fetch = async (input, init) => {
		sent += 1;
		const url = input instanceof Request ? input.url : String(input);
		const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
		if (plan.writes !== undefined && isKayakoWrite(method, url)) writes += 1;
		const lastWrite = plan.writes !== undefined && writes >= plan.writes;
		if (dead || (plan.requests !== undefined && sent > plan.requests) || (lastWrite && !plan.unheard)) {
			dead = true;
			throw new TypeError('fetch failed: the worker is gone');
		}
		const response = await fetch(input, init);
		if (lastWrite || (after && method === after.method && url.includes(after.path))) {
			dead = true;
			throw new TypeError('fetch failed: the worker is gone');
		}
		return response;
	};
	const built = await openConnectors(settings, CREDENTIALS, dying, { baseBackoffMs: 5, maxBackoffMs: 50 });
	return { ...built, requests: () => sent, killed: () => dead };
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
		const first = starts === 1 && options.firstKillAfter !== undefined && kills > 0;
		const killAt = kills > 0 && !first ? budget() : undefined;
		const plan: KillPlan = killAt === undefined ? { requests: options.requestCap } : options.killOn === 'writes' ? { writes: Math.max(1, killAt), unheard: random() < 0.5, requests: options.requestCap } : { requests: killAt };
		const built = await dyingConnectors(settings, plan, first ? options.firstKillAfter : undefined);
		run = await executeRun({
			store,
			source: built.source,
			target: built.target,
			migrationId: settings.id,
			...(run ? { resume: run.id } : { kind: options.kind, options: pipelineOptionsFrom(settings), ...(options.rollsBack && { rollsBack: options.rollsBack }) })
		});
		requests += built.requests();
		if (run.state === 'finished') break;
		// A kill landed when the fetch died under the engine: it died mid-run, whatever error it then reported.
		if ((killAt !== undefined || first) && built.killed()) {
			kills -= 1;
			crashes += 1;
		} else if (killAt === undefined && !first && built.requests() > options.requestCap) {
			errors.push(`${run.state}: stopped by the test after ${options.requestCap} requests: the run did not end by itself`);
			break;
		} else errors.push(`${run.state}: ${run.error?.kind ?? ''} ${run.error?.message ?? ''}`.trim());
		if (run.state === 'cancelled') break;
	}
	if (!run) throw new Error('driveRun needs maxStarts of at least 1.');
	return { run, starts, crashes, errors, requests };
}
