// How long Kayako's bulk jobs take, learned from the jobs followed this run: when to poll a new job first, and how often after that.
import type { KayakoSession } from '../session';

/** The first poll of a job when no job has ended yet this run: soon, as Kayako documents nothing about its jobs' speed. */
export const FIRST_POLL_MS = 500;
/** The shortest and longest gap between two polls of one job. */
export const GAP_MIN_MS = 500;
export const GAP_MAX_MS = 5_000;
/** The jobs learned from: the most recent ones, so a Kayako that gets slower or faster during the run is followed. */
const KEEP = 8;
/**
 * A job already ended at its first poll may have ended well before it: it counts as a fifth sooner, so the schedule
 * keeps trying a little earlier until a poll comes too soon, and so learns the jobs' time from both sides.
 */
const SOONER = 0.8;

/** One job followed to its end: its rows, and about how long it took (ms from its acceptance). */
interface Seen {
	rows: number;
	ms: number;
}

/**
 * The upper quartile (linear between ranks): a new job is polled when three in four of the recent ones had ended, so
 * most jobs take one poll. Aiming at the median, every other job took a second; a poll saved is a request the limit
 * gives to the next batch, while a job waited on a little longer delays nothing else (the next batch is sent meanwhile).
 */
function upperQuartile(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const rank = (sorted.length - 1) * 0.75;
	const below = Math.floor(rank);
	const above = Math.min(below + 1, sorted.length - 1);
	return sorted[below]! + (sorted[above]! - sorted[below]!) * (rank - below);
}

/** What the jobs of one Kayako account took this run. Times are ms as the writer's waits count them. */
export class JobTimes {
	readonly #seen: Seen[] = [];

	/**
	 * A job of `rows` rows was seen ended `endedMs` after it was accepted; `runningMs`, when a poll before saw it still
	 * running, is when that was. Its time lies between the two.
	 */
	learn(rows: number, endedMs: number, runningMs?: number): void {
		const ms = runningMs === undefined ? endedMs * SOONER : (runningMs + endedMs) / 2;
		this.#seen.push({ rows: Math.max(1, rows), ms });
		if (this.#seen.length > KEEP) this.#seen.shift();
	}

	/**
	 * When a job of `rows` rows is likely done (ms after its acceptance): Kayako's time per row (the upper quartile of
	 * the jobs seen) times its rows, kept within the shortest and longest job seen, as a job's time is partly a fixed
	 * start and the sizes seen may differ. Before any job has ended: `FIRST_POLL_MS`.
	 */
	likelyDone(rows: number): number {
		if (this.#seen.length === 0) return FIRST_POLL_MS;
		const perRow = upperQuartile(this.#seen.map((seen) => seen.ms / seen.rows));
		const times = this.#seen.map((seen) => seen.ms);
		return Math.round(Math.min(Math.max(perRow * Math.max(1, rows), Math.min(...times)), Math.max(...times)));
	}

	/** The gap after a poll that found a job of `rows` still running: an eighth of its likely time, growing by half each time. */
	nextGap(rows: number, previous?: number): number {
		if (previous !== undefined) return Math.min(Math.round(previous * 1.5), GAP_MAX_MS);
		return Math.min(Math.max(Math.round(this.likelyDone(rows) / 8), GAP_MIN_MS), GAP_MAX_MS);
	}
}

const bySession = new WeakMap<KayakoSession, JobTimes>();

/** The learned job times of this session's Kayako account. */
export function jobTimesOf(session: KayakoSession): JobTimes {
	let times = bySession.get(session);
	if (!times) bySession.set(session, (times = new JobTimes()));
	return times;
}
