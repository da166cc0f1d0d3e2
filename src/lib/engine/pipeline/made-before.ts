// Records this tool made in Kayako before (another migration, or this one with its state started afresh): found by the
// marker it leaves (legacy_id) before anything is created, and matched, so nothing is made twice and a rollback leaves them.
import type { RecordKind, SourceId } from '../model';
import { keyOf, type RunContext } from './context';
import type { FinishSteps } from './follow-up-steps';
import { contentHash } from './hash';
import { repeatWithinBudget, type StepResult } from './record-step';
import { noteSeen } from '../reports/labels';
import { because, plainReason } from '../reports/reasons/because';

/**
 * Looks the record up in Kayako when this migration has not sent it yet (no row), or sent it in an earlier run that
 * failed or skipped it. A pending row is left to reconciliation (the create was ours); a migrated one needs no look.
 * Found: marked migrated as matched (the report says so; a rollback does not delete it), after `finish` for a record
 * whose create takes several requests. Undefined: not found, so the caller creates it.
 */
export async function matchMadeBefore(context: RunContext, kind: RecordKind, sourceId: SourceId, record: unknown, finish?: FinishSteps): Promise<StepResult | undefined> {
	const lookup = context.target.findMadeBefore?.bind(context.target);
	if (!lookup) return undefined;
	noteSeen(context.run.id, kind, sourceId, record);
	const key = keyOf(context, kind, sourceId);
	const row = await context.store.getIdMapRow(key);
	if (row && (row.status === 'pending' || row.status === 'migrated' || row.runId === context.run.id)) return undefined;
	const found = await repeatWithinBudget(context, () => lookup(kind, sourceId));
	if (!found.ok) return fail(context, kind, sourceId, because('check-made-before-failed', { detail: found.reason }));
	const kayakoId = found.value;
	if (kayakoId === undefined) return undefined;
	let note = because('matched-made-before', { sourceId });
	if (finish) {
		const done = await repeatWithinBudget(context, () => finish(kayakoId));
		if (!done.ok) return fail(context, kind, sourceId, because('made-before-unfinished', { detail: done.reason }));
		if (done.value.note) note = `${note} ${done.value.note}`;
	}
	await context.store.markMigrated(context.run.id, [{ ...key, kayakoId, matched: true, contentHash: contentHash(record), note }]);
	return { outcome: 'migrated', kayakoId, reason: note };
}

async function fail(context: RunContext, kind: RecordKind, sourceId: SourceId, reason: string): Promise<StepResult> {
	await context.store.markFailed(context.run.id, [{ ...keyOf(context, kind, sourceId), reason }]);
	await context.log('warn', `${kind} ${sourceId} failed: ${plainReason(reason)}`, { kind, sourceId });
	return { outcome: 'failed', reason };
}
