// What the runner prints around a rollback: before it, what will be deleted and what stays because a later run uses it; after it, what went.
import type { RollbackPreview } from '../../src/lib/engine/pipeline/rollback-plan';
import type { EntityCounters } from '../../src/lib/engine/store';

type Counts = Partial<Record<string, number>>;

function listed(counts: Counts): string {
	const parts = Object.entries(counts).filter(([, count]) => (count ?? 0) > 0).map(([kind, count]) => `${count} ${kind}`);
	return parts.length > 0 ? parts.join(', ') : 'nothing';
}

export function previewLines(preview: RollbackPreview): string[] {
	return [`Rollback: deleting in Kayako ${listed(preview.deletes)}.`, `Kept, because a later run uses them (they become that run's): ${listed(preview.keeps)}.`];
}

/** The rollback run counts `migrated` for a record deleted, `skipped` for one kept, `failed` for one that could not be deleted. */
export function outcomeLines(counters: Record<string, EntityCounters>): string[] {
	const pick = (column: 'migrated' | 'skipped' | 'failed') => Object.fromEntries(Object.entries(counters).map(([kind, each]) => [kind, each[column]]));
	const lines = [`Deleted in Kayako: ${listed(pick('migrated'))}.`, `Kept for later runs: ${listed(pick('skipped'))}.`];
	const failed = pick('failed');
	if (Object.values(failed).some((count) => count > 0)) lines.push(`Could not be deleted (run the rollback again): ${listed(failed)}.`);
	return lines;
}
