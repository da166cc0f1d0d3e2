// One record, once: written as pending before the create, reconciled against Kayako after a crash or a lost answer, retried within a budget.
import { MigrationError, toErrorInfo, type ErrorInfo } from '../errors';
import type { RecordKind, SourceId } from '../model';
import type { IdMapKey, IdMapRow, KayakoId } from '../store';
import { keyOf, type RunContext } from './context';
import { contentHash } from './hash';
import { noteUse } from './record-use';
import { noteSeen } from '../reports/labels';
import { because, plainReason } from '../reports/reasons/because';
import type { Outcome } from './progress';
import type { Written } from './target';

/** Failures worth another try: the helpdesk was busy or the network hiccupped. Anything else fails the record at once. */
const TRANSIENT = new Set<ErrorInfo['kind']>(['server-error', 'network', 'timeout', 'rate-limited', 'unknown-outcome', 'malformed-response']);

/** Failures that stop the whole run: no point creating the next record either. */
const FATAL = new Set<ErrorInfo['kind']>(['auth-failed', 'auth-expired', 'auth-locked', 'proxy-unreachable', 'proxy-refused', 'account-unknown', 'cancelled', 'storage-full', 'storage-unavailable']);

/** A failure another attempt in this run cannot mend (Kayako still runs the job that may create the record): the next run tries. */
export class NotThisRun extends MigrationError {}

export function isTransient(error: unknown): boolean {
	return error instanceof MigrationError && TRANSIENT.has(error.kind) && !(error instanceof NotThisRun);
}

export function isFatal(error: unknown): boolean {
	return error instanceof MigrationError && FATAL.has(error.kind);
}

export interface StepResult {
	outcome: Outcome;
	kayakoId?: KayakoId;
	reason?: string;
	/** Migrated earlier in this same run (lazily, as a reference): counted then, not again. */
	counted?: boolean;
}

/**
 * Brings one source record into Kayako unless the id map says it is there already. `create` is called at
 * most once per attempt, and never again once Kayako holds the record.
 */
export async function migrateRecord(
	context: RunContext,
	kind: RecordKind,
	sourceId: SourceId,
	record: unknown,
	create: () => Promise<Written>,
	update?: (kayakoId: KayakoId) => Promise<Written>
): Promise<StepResult> {
	noteSeen(context.run.id, kind, sourceId, record);
	const key = keyOf(context, kind, sourceId);
	const row = await context.store.getIdMapRow(key);
	const hash = contentHash(record);
	if (isMigrated(row)) {
		const changed = context.run.kind === 'delta' && update && row.contentHash !== hash && row.runId !== context.run.id;
		if (!changed) {
			await noteUse(context, row);
			return { outcome: 'already', kayakoId: row.kayakoId, counted: row.runId === context.run.id };
		}
		return updateRecord(context, key, row.kayakoId, hash, () => update(row.kayakoId));
	}
	// Refused earlier in this run: a second try now would be refused the same way. A later run tries again.
	if (row?.status === 'failed' && row.runId === context.run.id) return { outcome: 'failed', reason: row.reason, counted: true };
	const found = row?.status === 'pending' ? await reconcile(context, kind, sourceId, record) : undefined;
	if (found !== undefined) {
		await context.store.markMigrated(context.run.id, [{ ...key, kayakoId: found, contentHash: hash }]);
		return { outcome: 'migrated', kayakoId: found };
	}

	let lastError: unknown;
	for (let attempt = 1; attempt <= context.options.attemptsPerRecord; attempt++) {
		await context.control.checkpoint();
		await context.store.markPending(context.run.id, [key]);
		try {
			const written = await create();
			await context.store.markMigrated(context.run.id, [{ ...key, kayakoId: written.kayakoId, contentHash: hash, matched: written.matched, note: written.note }]);
			return { outcome: 'migrated', kayakoId: written.kayakoId, reason: written.note };
		} catch (error) {
			lastError = error;
			if (isFatal(error)) throw error;
			if (!isTransient(error)) break;
			// The create may have run even though we heard nothing: ask Kayako before trying again.
			const made = await reconcile(context, kind, sourceId, record);
			if (made !== undefined) {
				await context.store.markMigrated(context.run.id, [{ ...key, kayakoId: made, contentHash: hash }]);
				return { outcome: 'migrated', kayakoId: made };
			}
		}
	}
	const reason = reasonOf(lastError);
	await context.store.markFailed(context.run.id, [{ ...key, reason }]);
	await context.log('warn', `${kind} ${sourceId} failed: ${plainReason(reason)}`, { kind, sourceId });
	return { outcome: 'failed', reason };
}

/** Delta: an update is idempotent, so it is simply tried again within the budget; a failure leaves the earlier migration standing. */
async function updateRecord(context: RunContext, key: IdMapKey, kayakoId: KayakoId, hash: string, update: () => Promise<Written>): Promise<StepResult> {
	let lastError: unknown;
	for (let attempt = 1; attempt <= context.options.attemptsPerRecord; attempt++) {
		await context.control.checkpoint();
		try {
			const written = await update();
			await context.store.markMigrated(context.run.id, [{ ...key, kayakoId, contentHash: hash, note: written.note }]);
			return { outcome: 'migrated', kayakoId };
		} catch (error) {
			lastError = error;
			if (isFatal(error)) throw error;
			if (!isTransient(error)) break;
		}
	}
	const reason = because('update-failed', { detail: reasonOf(lastError) });
	await context.store.markFailed(context.run.id, [{ ...key, reason }]);
	return { outcome: 'failed', kayakoId, reason };
}

/**
 * Work on a record that is already in Kayako and safe to repeat (a second pass, a disable): tried again on what may
 * pass within the record's budget; a refusal comes back as the error, for the log, while the run goes on.
 */
export async function repeatWithinBudget<T>(context: RunContext, work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; reason: string }> {
	let lastError: unknown;
	for (let attempt = 1; attempt <= context.options.attemptsPerRecord; attempt++) {
		await context.control.checkpoint();
		try {
			return { ok: true, value: await work() };
		} catch (error) {
			lastError = error;
			if (isFatal(error)) throw error;
			if (!isTransient(error)) break;
		}
	}
	return { ok: false, reason: reasonOf(lastError) };
}

/**
 * Marks the record skipped. Skipped by this run already (a page read again after a crash, the fields walked whole
 * again): counted then. A caller that has just read the record's row passes it as `known`, saving a second read.
 */
export async function skipRecord(context: RunContext, kind: RecordKind, sourceId: SourceId, reason: string, known?: { row: IdMapRow | undefined }): Promise<StepResult> {
	const key = keyOf(context, kind, sourceId);
	const row = known ? known.row : await context.store.getIdMapRow(key);
	await context.store.markSkipped(context.run.id, [{ ...key, reason }]);
	return { outcome: 'skipped', reason, ...(row?.status === 'skipped' && row.runId === context.run.id && { counted: true }) };
}

/** Kayako's id of the record when an earlier, unanswered create did make it. */
export async function reconcile(context: RunContext, kind: RecordKind, sourceId: SourceId, record?: unknown): Promise<KayakoId | undefined> {
	const found = await context.target.findExisting(kind, [{ sourceId, record }]);
	return found.get(sourceId);
}

export function reasonOf(error: unknown): string {
	const info = toErrorInfo(error);
	const code = info.code ? ` (${info.code})` : '';
	return `${info.message}${code}`;
}

export function isMigrated(row: IdMapRow | undefined): row is IdMapRow & { kayakoId: KayakoId } {
	return row?.status === 'migrated' && row.kayakoId !== undefined;
}
