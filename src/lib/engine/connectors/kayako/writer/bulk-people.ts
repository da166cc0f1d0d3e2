// Customers and organizations through POST /bulk/users and /bulk/organizations: batches of 200, each job kept and followed to its end, what it made read back by legacy id.
import { mapAtOnce } from '../../../at-once';
import { MigrationError, toErrorInfo, type ErrorInfo } from '../../../errors';
import type { KayakoSession } from '../session';
import type { CaseJobs } from './cases';
import { chunks, type WriteContext } from './context';
import type { BulkJobError } from './jobs';
import { followEarlierJobs, keepAndFollow, settleLostSendBy, settlePeriod } from './lost-send';

/** The documented batch size of every bulk endpoint. */
export const BULK_PEOPLE = 200;
/**
 * Batches of one call on their way at once: the next is sent while Kayako runs the last one's job, as the ticket
 * stream does, so a page of customers does not leave the limit idle for a job's few seconds per batch. Each batch
 * keeps its own job with its own pending rows, so a crash follows both.
 */
const BATCHES_AT_ONCE = 2;

/** Where the caller keeps the jobs with its pending rows (the same as for cases, without re-imports). */
export type PeopleJobs = Omit<CaseJobs, 'replacing'>;

/** One bulk endpoint: `users` or `organizations` (the path after bulk/ and the body's key), and how to read its records back by legacy id. */
export interface PeopleKind<T> {
	key: 'users' | 'organizations';
	find(session: KayakoSession, ids: readonly string[]): Promise<Map<string, T>>;
}

export interface PeopleRow {
	sourceId: string;
	body: Record<string, unknown>;
	/**
	 * What the report must say of the record as this row sends it (an address left out, a name filled in, ...). Kept with
	 * its pending row just before the bulk call, so a record found after a kill or a lost answer still says it.
	 */
	note?: string;
}

/**
 * One row's end. `made`: what Kayako holds under the row's legacy id; `fresh` when the job of this call made it (so it
 * holds only what the row said), not an earlier attempt. `rowErrors`: Kayako refused the row (the job names why), so
 * nothing was made. `unknown`: Kayako may still make it (a job still running, a lost answer): nothing may be sent for it
 * now. `refused`: Kayako refused the bulk endpoint itself (403/404): the records may go one by one.
 */
export type PeopleRowEnd<T> = { ok: true; made: T; fresh: boolean } | { ok: false; error: ErrorInfo; rowErrors?: BulkJobError[]; unknown?: boolean; refused?: boolean };

/** Kayako's row errors as one error: the first code and parameter, every message, as a single create would say it. */
export function rowError(errors: readonly BulkJobError[], what: string): MigrationError {
	const first = errors[0];
	const detail = errors.map((error) => `${error.parameter ? `${error.parameter}: ` : ''}${error.message ?? error.code}`).join('; ');
	return new MigrationError({ kind: 'invalid-request', status: 400, code: first?.code, parameter: errors.map((error) => error.parameter).filter(Boolean).join(',') || undefined, message: `Kayako refused ${what}: ${detail}. Correct this in the source helpdesk and run the migration again; the others were not held up.` });
}

/** The jobs an earlier attempt left for some rows, followed to their end; rows whose job outlives the wait are unknown and left out. */
async function waitForEarlierJobs<T>(ctx: Pick<WriteContext, 'session' | 'options'>, rows: readonly PeopleRow[], jobs: PeopleJobs | undefined, ends: Map<string, PeopleRowEnd<T>>): Promise<PeopleRow[]> {
	const unfinished = await followEarlierJobs(ctx, rows.map((row) => row.sourceId), jobs);
	for (const [id, error] of unfinished) ends.set(id, { ok: false, error: error.info, unknown: true });
	return rows.filter((row) => !unfinished.has(row.sourceId));
}

/** Rows an earlier attempt may have sent just before it stopped (no job known): the rest of the settle period passes before they are looked up. */
async function settleEarlierSends<T>(ctx: Pick<WriteContext, 'session' | 'options'>, kind: PeopleKind<T>, rows: readonly PeopleRow[], jobs: PeopleJobs | undefined): Promise<void> {
	const unsure = rows.filter((row) => jobs?.unsure?.has(row.sourceId));
	if (unsure.length === 0) return;
	const left = settlePeriod(ctx.session) - Math.min(...unsure.map((row) => jobs!.unsure!.get(row.sourceId)!));
	if (left > 0) await settleLostSendBy(ctx, unsure.map((row) => row.sourceId), (missing) => kind.find(ctx.session, missing), left);
}

function refused(error: unknown): boolean {
	return error instanceof MigrationError && (error.info.status === 403 || error.info.status === 404);
}

async function sendBatch<T>(ctx: Pick<WriteContext, 'session' | 'options'>, kind: PeopleKind<T>, rows: readonly PeopleRow[], jobs: PeopleJobs | undefined, ends: Map<string, PeopleRowEnd<T>>): Promise<void> {
	const ids = rows.map((row) => row.sourceId);
	await jobs?.sending?.(new Map(rows.map((row) => [row.sourceId, row.note ?? ''])));
	let jobId: number;
	try {
		jobId = (await ctx.session.request<{ id: number }>({ method: 'POST', path: `bulk/${kind.key}.json`, searchParams: { partial_import: 'true' }, json: { [kind.key]: rows.map((row) => row.body) } })).data.id;
	} catch (error) {
		const unknown = error instanceof MigrationError && (error.info.kind === 'unknown-outcome' || error.info.kind === 'timeout');
		if (!unknown) {
			for (const id of ids) ends.set(id, { ok: false, error: toErrorInfo(error), refused: refused(error) });
			return;
		}
		// The answer is lost: Kayako may have accepted a job we cannot name. Look for its records over the settle period.
		const found = await settleLostSendBy(ctx, ids, (missing) => kind.find(ctx.session, missing));
		for (const id of ids) {
			const made = found.get(id);
			ends.set(id, made !== undefined ? { ok: true, made, fresh: true } : { ok: false, error: toErrorInfo(error), unknown: true });
		}
		return;
	}
	const followed = await keepAndFollow(ctx, jobId, ids, jobs);
	if ('unfinished' in followed) {
		for (const id of ids) ends.set(id, { ok: false, error: followed.unfinished.info, unknown: true });
		return;
	}
	const jobErrors = followed.job?.errors ?? [];
	const made = await kind.find(ctx.session, ids);
	for (const [index, row] of rows.entries()) {
		const found = made.get(row.sourceId);
		if (found !== undefined) {
			ends.set(row.sourceId, { ok: true, made: found, fresh: true });
			continue;
		}
		const errors = jobErrors.filter((error) => error.index === index || (error.index === undefined && error.legacy_id === row.sourceId));
		if (errors.length > 0) ends.set(row.sourceId, { ok: false, error: rowError(errors, `${kind.key === 'users' ? 'user' : 'organization'} ${row.sourceId}`).info, rowErrors: errors });
		else ends.set(row.sourceId, { ok: false, error: { kind: 'unknown-outcome', message: `Kayako's bulk job ${jobId} finished without error, but ${kind.key === 'users' ? 'user' : 'organization'} ${row.sourceId} is not among what it made.` }, unknown: true });
	}
}

/**
 * Creates the rows in batches of 200 with `partial_import`, two batches at a time, so one bad row costs only itself.
 * Before a row is sent, a job an earlier attempt started for it is followed to its end, a send a crash cut short is
 * given its settle period, and a row Kayako holds already (by legacy id) is taken, not sent again. After each job,
 * what it made is read back by legacy id: the job alone is never trusted. Returns one end per row.
 */
export async function createInBulk<T>(ctx: Pick<WriteContext, 'session' | 'options'>, kind: PeopleKind<T>, rows: readonly PeopleRow[], jobs?: PeopleJobs): Promise<Map<string, PeopleRowEnd<T>>> {
	const ends = new Map<string, PeopleRowEnd<T>>();
	await mapAtOnce(chunks(rows, BULK_PEOPLE), BATCHES_AT_ONCE, async (chunk) => {
		const group = await waitForEarlierJobs(ctx, chunk, jobs, ends);
		await settleEarlierSends(ctx, kind, group, jobs);
		// Only rows an earlier attempt sent can be in Kayako already: rows never sent need no lookup.
		const earlier = group.filter((row) => jobs?.started.has(row.sourceId) || jobs?.unsure?.has(row.sourceId)).map((row) => row.sourceId);
		const existing = earlier.length > 0 ? await kind.find(ctx.session, earlier) : new Map<string, T>();
		for (const [sourceId, made] of existing) ends.set(sourceId, { ok: true, made, fresh: false });
		const toSend = group.filter((row) => !existing.has(row.sourceId));
		if (toSend.length > 0) await sendBatch(ctx, kind, toSend, jobs, ends);
	});
	return ends;
}

/** For a second round in the same call (rows sent again without a refused value): the earlier jobs are followed already. */
export function laterRound(jobs: PeopleJobs | undefined): PeopleJobs | undefined {
	return jobs && { started: new Map(), unsure: new Map(), accepted: (jobId, ids) => jobs.accepted(jobId, ids), ended: (jobId) => jobs.ended(jobId), sending: jobs.sending && ((notes) => jobs.sending!(notes)), maxWaitMs: jobs.maxWaitMs };
}
