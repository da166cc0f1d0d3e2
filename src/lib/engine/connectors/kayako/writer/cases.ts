// Importing tickets as Kayako cases: attachments first, then POST /bulk/cases in batches of 200, follow the job to its end, map by legacy id.
import { mapAtOnce } from '../../../at-once';
import { MigrationError, toErrorInfo, type ErrorInfo } from '../../../errors';
import type { TicketBundle } from '../../../model';
import { chunks, noteOfWarnings, type WriteContext, type WriteWarning } from './context';
import { buildCase, type PreparedCase } from './case-payload';
import { createCaseOneByOne } from './case-fallback';
import { wordsOf } from './worded';
import { findCasesByLegacyIds, LEGACY_IDS_BEFORE_SEND } from './case-lookup';
import { uploadTicketFiles, type UploadedFile } from './files';
import type { BulkJobError } from './jobs';
import { followEarlierJobs, keepAndFollow, settleLostSend, settlePeriod } from './lost-send';
import { referenceData, type ReferenceData } from './reference-data';

export type CaseOutcome =
	| { ok: true; id: number; warnings: WriteWarning[]; matched?: boolean; fallback?: boolean }
	| { ok: false; error: ErrorInfo; warnings: WriteWarning[]; id?: number; unknown?: boolean };

/** How the caller keeps the bulk jobs with its records, so that a job Kayako accepted is never followed by a second send. */
export interface CaseJobs {
	/** Jobs an earlier attempt started and that may not have ended: source ticket id -> job id. */
	readonly started: ReadonlyMap<string, number>;
	/** Kayako accepted a job for these tickets; called before the wait, so the caller can keep its id. */
	accepted(jobId: number, sourceIds: readonly string[]): Promise<void>;
	/**
	 * Just before the bulk call: what the report must say of each ticket (a file left out, ...; '' for nothing), ticket id -> note. Kept
	 * with the pending rows, so a case found after a crash or a lost answer still says what was left out of it.
	 */
	sending?(notes: ReadonlyMap<string, string>): Promise<void>;
	/** The job has ended (or Kayako no longer knows it): what it made can be looked up now. */
	ended(jobId: number): void;
	/** Tickets an earlier attempt was sending when it stopped, with no job known: how many ms ago. */
	readonly unsure?: ReadonlyMap<string, number>;
	/** How long to follow one job; default `JOB_WAIT_MS`. */
	readonly maxWaitMs?: number;
	/**
	 * A delta's re-import: ticket -> the case it replaces. That case (and trashed ones) is not taken for the ticket's
	 * case when looking for what was made, so the ticket is imported anew, and only its new case is found after a lost answer.
	 */
	readonly replacing?: ReadonlyMap<string, number>;
}

/** The documented batch size of POST /bulk/cases. */
export const BULK_CASES = 200;

interface Batch {
	prepared: PreparedCase[];
	files: Map<string, Map<string, UploadedFile[]>>;
}

/**
 * Tickets whose attachments are uploaded at once. The uploads wait in the HTTP limiter's queue, whose concurrency follows
 * Kayako's answers; this bounds the attachments held in memory (each up to a few MB) while they go.
 */
export const UPLOAD_POOL = 6;

async function prepareOne(ctx: WriteContext, bundle: TicketBundle, data: ReferenceData): Promise<{ prepared: PreparedCase; files: Map<string, UploadedFile[]> } | { failed: CaseOutcome }> {
	const { ticket } = bundle;
	const requesterId = (ticket.requesterId ? ctx.resolve('users', ticket.requesterId) : undefined) ?? ctx.options.defaultRequesterId;
	if (requesterId === undefined) {
		return { failed: { ok: false, warnings: [], error: { kind: 'invalid-input', message: `Ticket ${ticket.id} has no migrated requester (${ticket.requesterId ?? 'none'}) and no default requester is set.` } } };
	}
	const files = new Map<string, UploadedFile[]>();
	const warnings: WriteWarning[] = [];
	try {
		// All the ticket's files together: small ones share a POST /files.
		const uploaded = await uploadTicketFiles(ctx, ticket.id, bundle.comments);
		for (const [commentId, uploadedFiles] of uploaded.files) files.set(commentId, uploadedFiles);
		warnings.push(...uploaded.warnings);
	} catch (error) {
		return { failed: { ok: false, warnings, error: toErrorInfo(error) } };
	}
	const prepared = buildCase(ctx, bundle, requesterId, data, files);
	prepared.warnings.unshift(...warnings);
	return { prepared, files };
}

/** Uploads the tickets' attachments `UPLOAD_POOL` tickets at a time and builds their rows, in the order given. */
async function prepareBatch(ctx: WriteContext, bundles: readonly TicketBundle[], data: ReferenceData, outcomes: Map<string, CaseOutcome>): Promise<Batch> {
	const results = await mapAtOnce(bundles, UPLOAD_POOL, (bundle) => prepareOne(ctx, bundle, data));
	const batch: Batch = { prepared: [], files: new Map() };
	for (const [index, result] of results.entries()) {
		const id = bundles[index]!.ticket.id;
		if ('failed' in result) {
			outcomes.set(id, result.failed);
			continue;
		}
		batch.prepared.push(result.prepared);
		batch.files.set(id, result.files);
	}
	return batch;
}

function refused(error: unknown): boolean {
	return error instanceof MigrationError && (error.info.status === 403 || error.info.status === 404);
}

/** Kayako may refuse customers (or anyone) as post authors in bulk; then the case goes in one post at a time. */
function authorRefused(errors: readonly BulkJobError[]): boolean {
	return errors.some((error) => /(^|\.)creator_id$/.test(error.parameter ?? ''));
}

function rowError(errors: readonly BulkJobError[], sourceId: string): ErrorInfo {
	const first = errors[0];
	const detail = errors.map((error) => `${error.parameter ? `${error.parameter}: ` : ''}${error.message ?? error.code}`).join('; ');
	return { kind: 'invalid-request', code: first?.code, parameter: first?.parameter, message: `Kayako refused ticket ${sourceId}: ${detail}` };
}

async function oneByOne(ctx: WriteContext, batch: Batch, prepared: PreparedCase): Promise<CaseOutcome> {
	return createCaseOneByOne(ctx.session, prepared, batch.files.get(prepared.sourceId) ?? new Map(), ctx.options.inlineImages, wordsOf(ctx));
}

function outcomesFor(batch: Batch, outcomes: Map<string, CaseOutcome>, outcome: (prepared: PreparedCase) => CaseOutcome): void {
	for (const prepared of batch.prepared) outcomes.set(prepared.sourceId, outcome(prepared));
}

async function importBatch(ctx: WriteContext, batch: Batch, outcomes: Map<string, CaseOutcome>, jobs: CaseJobs | undefined): Promise<void> {
	const { session } = ctx;
	const ids = batch.prepared.map((each) => each.sourceId);
	await jobs?.sending?.(new Map(batch.prepared.map((prepared) => [prepared.sourceId, noteOfWarnings(prepared.warnings) ?? ''])));
	let jobId: number;
	try {
		jobId = (await session.request<{ id: number }>({ method: 'POST', path: 'bulk/cases.json', searchParams: { partial_import: 'true' }, json: { cases: batch.prepared.map((each) => each.row) } })).data.id;
	} catch (error) {
		if (refused(error)) {
			for (const prepared of batch.prepared) outcomes.set(prepared.sourceId, await oneByOne(ctx, batch, prepared));
			return;
		}
		const unknown = error instanceof MigrationError && (error.info.kind === 'unknown-outcome' || error.info.kind === 'timeout');
		if (!unknown) {
			outcomesFor(batch, outcomes, (prepared) => ({ ok: false, warnings: prepared.warnings, error: toErrorInfo(error) }));
			return;
		}
		// The answer is lost: Kayako may have accepted a job we cannot name. Look for its cases over the settle period.
		const found = await settleLostSend(ctx, ids, undefined, jobs?.replacing);
		outcomesFor(batch, outcomes, (prepared) => {
			const id = found.get(prepared.sourceId);
			return id !== undefined ? { ok: true, id, warnings: prepared.warnings } : { ok: false, warnings: prepared.warnings, error: toErrorInfo(error), unknown: true };
		});
		return;
	}
	const followed = await keepAndFollow(ctx, jobId, ids, jobs);
	if ('unfinished' in followed) {
		outcomesFor(batch, outcomes, (prepared) => ({ ok: false, warnings: prepared.warnings, error: followed.unfinished.info, unknown: true }));
		return;
	}
	const jobErrors = followed.job?.errors ?? [];
	const created = await findCasesByLegacyIds(session, ids, jobs?.replacing);
	for (const [index, prepared] of batch.prepared.entries()) {
		const id = created.get(prepared.sourceId);
		if (id !== undefined) {
			outcomes.set(prepared.sourceId, { ok: true, id, warnings: prepared.warnings });
			continue;
		}
		const errors = jobErrors.filter((error) => error.index === index || (error.index === undefined && error.legacy_id === prepared.sourceId));
		if (authorRefused(errors)) outcomes.set(prepared.sourceId, await oneByOne(ctx, batch, prepared));
		else if (errors.length > 0) outcomes.set(prepared.sourceId, { ok: false, warnings: prepared.warnings, error: rowError(errors, prepared.sourceId) });
		else outcomes.set(prepared.sourceId, { ok: false, warnings: prepared.warnings, error: { kind: 'unknown-outcome', message: `Kayako's bulk job ${jobId} finished without error, but ticket ${prepared.sourceId} is not among its cases.` }, unknown: true });
	}
}

/** Tickets an earlier attempt may have sent just before it stopped: the rest of the settle period passes before they are looked up. */
async function settleEarlierSends(ctx: WriteContext, group: readonly TicketBundle[], jobs: CaseJobs | undefined): Promise<void> {
	const agos = group.map((bundle) => jobs?.unsure?.get(bundle.ticket.id)).filter((ago): ago is number => ago !== undefined);
	if (agos.length === 0) return;
	const left = settlePeriod(ctx.session) - Math.min(...agos);
	if (left > 0) await settleLostSend(ctx, group.filter((bundle) => jobs?.unsure?.has(bundle.ticket.id)).map((bundle) => bundle.ticket.id), left, jobs?.replacing);
}

/**
 * The jobs an earlier attempt left for some of these tickets: each is followed to its end before they are looked
 * up. Tickets whose job outlives the wait get an unfinished outcome and are neither looked up nor sent.
 */
async function waitForEarlierJobs(ctx: WriteContext, group: readonly TicketBundle[], jobs: CaseJobs | undefined, outcomes: Map<string, CaseOutcome>): Promise<TicketBundle[]> {
	const unfinished = await followEarlierJobs(ctx, group.map((bundle) => bundle.ticket.id), jobs);
	for (const [id, error] of unfinished) outcomes.set(id, { ok: false, warnings: [], error: error.info, unknown: true });
	return group.filter((bundle) => !unfinished.has(bundle.ticket.id));
}

/**
 * Imports tickets with all their posts, keeping authors, dates and public/private. Tickets already in Kayako
 * (same legacy id) are matched, not imported again, so a batch can be rerun after a crash. A job an earlier
 * attempt started for a ticket (`jobs.started`) is followed to its end before anything else is done for it.
 * Returns one outcome per source ticket id.
 */
export async function importCases(ctx: WriteContext, bundles: readonly TicketBundle[], jobs?: CaseJobs): Promise<Map<string, CaseOutcome>> {
	const outcomes = new Map<string, CaseOutcome>();
	const data = await referenceData(ctx.session);
	for (const chunk of chunks(bundles, BULK_CASES)) {
		const group = await waitForEarlierJobs(ctx, chunk, jobs, outcomes);
		await settleEarlierSends(ctx, group, jobs);
		const existing = await findCasesByLegacyIds(ctx.session, group.map((bundle) => bundle.ticket.id), jobs?.replacing, LEGACY_IDS_BEFORE_SEND);
		for (const [sourceId, id] of existing) outcomes.set(sourceId, { ok: true, id, warnings: [], matched: true });
		// Uploading per batch keeps every file well inside its three hours.
		const batch = await prepareBatch(ctx, group.filter((bundle) => !existing.has(bundle.ticket.id)), data, outcomes);
		if (batch.prepared.length > 0) await importBatch(ctx, batch, outcomes, jobs);
	}
	return outcomes;
}
