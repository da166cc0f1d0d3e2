// Records whose create takes several requests (a user: the create, then its organization, its extra e-mail addresses,
// its avatar and its social note): migrated only when every step is done. A record found in Kayako after a lost answer
// or a crash has its remaining steps run again (each is safe to repeat) before it counts as migrated.
// Only users take several requests. An organization is one POST (a second only when the first was refused for a domain
// another organization owns); a team, category or section is one POST; an article uploads its files and then is one
// POST that names them, so an article found again has its attachments.
import type { RecordKind, SourceId } from '../model';
import type { IdMapKey, KayakoId } from '../store';
import { keyOf, type RunContext } from './context';
import { because, plainReason } from '../reports/reasons/because';
import { contentHash } from './hash';
import { isFatal, isMigrated, isTransient, migrateRecord, reasonOf, reconcile, repeatWithinBudget, type StepResult } from './record-step';
import type { Written } from './target';

/** The steps after the first request, for a record Kayako holds already; safe to repeat. */
export type FinishSteps = (kayakoId: KayakoId) => Promise<Written>;

/**
 * `migrateRecord` for a record whose create goes on after its first request. A record Kayako holds already, found after
 * a crash (a row left pending) or after an answer lost on the way (the create or one of its later steps may have run),
 * has its remaining steps run here before it counts as migrated. Migrated rows (and delta updates) go to `migrateRecord`.
 */
export async function migrateInSteps(
	context: RunContext,
	kind: RecordKind,
	sourceId: SourceId,
	record: unknown,
	create: () => Promise<Written>,
	finish: FinishSteps,
	update?: (kayakoId: KayakoId) => Promise<Written>
): Promise<StepResult> {
	const key = keyOf(context, kind, sourceId);
	const row = await context.store.getIdMapRow(key);
	const failedNow = row?.status === 'failed' && row.runId === context.run.id;
	if (isMigrated(row) || failedNow) return migrateRecord(context, kind, sourceId, record, create, update);
	const pending = row?.status === 'pending' ? await reconcile(context, kind, sourceId, record) : undefined;
	if (pending !== undefined) return finishFound(context, key, record, pending, finish);

	let lastError: unknown;
	for (let attempt = 1; attempt <= context.options.attemptsPerRecord; attempt++) {
		await context.control.checkpoint();
		await context.store.markPending(context.run.id, [key]);
		try {
			const written = await create();
			await context.store.markMigrated(context.run.id, [{ ...key, kayakoId: written.kayakoId, contentHash: contentHash(record), matched: written.matched, note: written.note }]);
			return { outcome: 'migrated', kayakoId: written.kayakoId, reason: written.note };
		} catch (error) {
			lastError = error;
			if (isFatal(error)) throw error;
			if (!isTransient(error)) break;
			const made = await reconcile(context, kind, sourceId, record);
			if (made !== undefined) return finishFound(context, key, record, made, finish);
		}
	}
	return fail(context, key, reasonOf(lastError));
}

/** Kayako has the record: its remaining steps, then migrated (ours, not matched); steps that keep failing fail the record. */
async function finishFound(context: RunContext, key: IdMapKey, record: unknown, kayakoId: KayakoId, finish: FinishSteps): Promise<StepResult> {
	const done = await repeatWithinBudget(context, () => finish(kayakoId));
	if (!done.ok) return fail(context, key, because('follow-up-failed', { detail: done.reason }));
	await context.store.markMigrated(context.run.id, [{ ...key, kayakoId, contentHash: contentHash(record), note: done.value.note }]);
	return { outcome: 'migrated', kayakoId, reason: done.value.note };
}

async function fail(context: RunContext, key: IdMapKey, reason: string): Promise<StepResult> {
	await context.store.markFailed(context.run.id, [{ ...key, reason }]);
	await context.log('warn', `${key.entity} ${key.sourceId} failed: ${plainReason(reason)}`, { kind: key.entity, sourceId: key.sourceId });
	return { outcome: 'failed', reason };
}
