// Importing tickets as Kayako cases: attachments first, then POST /bulk/cases in batches of 200, wait for the job, map by legacy id.
import { MigrationError, toErrorInfo, type ErrorInfo } from '../../../errors';
import type { TicketBundle } from '../../../model';
import { chunks, type WriteContext, type WriteWarning } from './context';
import { buildCase, type PreparedCase } from './case-payload';
import { createCaseOneByOne } from './case-fallback';
import { findCasesByLegacyIds } from './case-lookup';
import { uploadAttachments, type UploadedFile } from './files';
import { waitForJob, type BulkJobError } from './jobs';
import { referenceData, type ReferenceData } from './reference-data';

export type CaseOutcome =
	| { ok: true; id: number; warnings: WriteWarning[]; matched?: boolean; fallback?: boolean }
	| { ok: false; error: ErrorInfo; warnings: WriteWarning[]; id?: number; unknown?: boolean };

/** The documented batch size of POST /bulk/cases. */
export const BULK_CASES = 200;

interface Batch {
	prepared: PreparedCase[];
	files: Map<string, Map<string, UploadedFile[]>>;
}

async function prepareBatch(ctx: WriteContext, bundles: readonly TicketBundle[], data: ReferenceData, outcomes: Map<string, CaseOutcome>): Promise<Batch> {
	const batch: Batch = { prepared: [], files: new Map() };
	for (const bundle of bundles) {
		const { ticket } = bundle;
		const requesterId = (ticket.requesterId ? ctx.resolve('users', ticket.requesterId) : undefined) ?? ctx.options.defaultRequesterId;
		if (requesterId === undefined) {
			outcomes.set(ticket.id, { ok: false, warnings: [], error: { kind: 'invalid-input', message: `Ticket ${ticket.id} has no migrated requester (${ticket.requesterId ?? 'none'}) and no default requester is set.` } });
			continue;
		}
		const files = new Map<string, UploadedFile[]>();
		const warnings: WriteWarning[] = [];
		try {
			for (const comment of bundle.comments) {
				const uploaded = await uploadAttachments(ctx, ticket.id, comment.attachments);
				files.set(comment.id, uploaded.files);
				warnings.push(...uploaded.warnings);
			}
		} catch (error) {
			outcomes.set(ticket.id, { ok: false, warnings, error: toErrorInfo(error) });
			continue;
		}
		const prepared = buildCase(ctx, bundle, requesterId, data, files);
		prepared.warnings.unshift(...warnings);
		batch.prepared.push(prepared);
		batch.files.set(ticket.id, files);
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
	return createCaseOneByOne(ctx.session, prepared, batch.files.get(prepared.sourceId) ?? new Map(), ctx.options.inlineImages);
}

async function importBatch(ctx: WriteContext, batch: Batch, outcomes: Map<string, CaseOutcome>): Promise<void> {
	const { session } = ctx;
	const ids = batch.prepared.map((each) => each.sourceId);
	let jobErrors: BulkJobError[];
	try {
		const accepted = await session.request<{ id: number }>({ method: 'POST', path: 'bulk/cases.json', searchParams: { partial_import: 'true' }, json: { cases: batch.prepared.map((each) => each.row) } });
		const job = await waitForJob(session, accepted.data.id, { sleep: ctx.options.sleep });
		jobErrors = job.errors;
	} catch (error) {
		if (refused(error)) {
			for (const prepared of batch.prepared) outcomes.set(prepared.sourceId, await oneByOne(ctx, batch, prepared));
			return;
		}
		const unknown = error instanceof MigrationError && (error.info.kind === 'unknown-outcome' || error.info.kind === 'timeout');
		if (!unknown) {
			for (const prepared of batch.prepared) outcomes.set(prepared.sourceId, { ok: false, warnings: prepared.warnings, error: toErrorInfo(error) });
			return;
		}
		// The batch may or may not run: what exists now is created, the rest is looked up again by the next run.
		const found = await findCasesByLegacyIds(session, ids);
		for (const prepared of batch.prepared) {
			const id = found.get(prepared.sourceId);
			outcomes.set(prepared.sourceId, id !== undefined ? { ok: true, id, warnings: prepared.warnings } : { ok: false, warnings: prepared.warnings, error: toErrorInfo(error), unknown: true });
		}
		return;
	}
	const created = await findCasesByLegacyIds(session, ids);
	for (const [index, prepared] of batch.prepared.entries()) {
		const id = created.get(prepared.sourceId);
		if (id !== undefined) {
			outcomes.set(prepared.sourceId, { ok: true, id, warnings: prepared.warnings });
			continue;
		}
		const errors = jobErrors.filter((error) => error.index === index || (error.index === undefined && error.legacy_id === prepared.sourceId));
		if (authorRefused(errors)) outcomes.set(prepared.sourceId, await oneByOne(ctx, batch, prepared));
		else if (errors.length > 0) outcomes.set(prepared.sourceId, { ok: false, warnings: prepared.warnings, error: rowError(errors, prepared.sourceId) });
		else outcomes.set(prepared.sourceId, { ok: false, warnings: prepared.warnings, error: { kind: 'unknown-outcome', message: `Kayako's bulk job finished without error, but ticket ${prepared.sourceId} is not among its cases.` }, unknown: true });
	}
}

/**
 * Imports tickets with all their posts, keeping authors, dates and public/private. Tickets already in Kayako
 * (same legacy id) are matched, not imported again, so a batch can be rerun after a crash.
 * Returns one outcome per source ticket id.
 */
export async function importCases(ctx: WriteContext, bundles: readonly TicketBundle[]): Promise<Map<string, CaseOutcome>> {
	const outcomes = new Map<string, CaseOutcome>();
	const data = await referenceData(ctx.session);
	for (const group of chunks(bundles, BULK_CASES)) {
		const existing = await findCasesByLegacyIds(ctx.session, group.map((bundle) => bundle.ticket.id));
		for (const [sourceId, id] of existing) outcomes.set(sourceId, { ok: true, id, warnings: [], matched: true });
		// Uploading per batch keeps every file well inside its three hours.
		const batch = await prepareBatch(ctx, group.filter((bundle) => !existing.has(bundle.ticket.id)), data, outcomes);
		if (batch.prepared.length > 0) await importBatch(ctx, batch, outcomes);
	}
	return outcomes;
}
