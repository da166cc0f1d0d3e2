// What the runner prints after a delta: per entity what it added and updated, comments appended, tickets imported again (old -> new case).
import type { DeltaSummary } from '../../src/lib/engine/store';

/** E.g. "Delta: tickets: 3 new, 5 updated (12 comments appended), 2 imported again under a new case number." */
export function deltaLines(summary: DeltaSummary | undefined): string[] {
	if (!summary) return [];
	const parts = Object.entries(summary.entities)
		.filter(([, counts]) => counts.added + counts.updated + (counts.reimported ?? 0) > 0)
		.map(([kind, counts]) => {
			const extra = [counts.commentsAppended ? ` (${counts.commentsAppended} comments appended)` : '', counts.reimported ? `, ${counts.reimported} imported again under a new case number` : ''].join('');
			return `${kind}: ${counts.added} new, ${counts.updated} updated${extra}`;
		});
	const lines = [`Delta: ${parts.length > 0 ? parts.join('; ') : 'nothing had changed'}.`];
	for (const each of summary.reimported) lines.push(`  ticket ${each.sourceId}: case ${each.oldKayakoId} -> case ${each.newKayakoId} (the old case is in Kayako's trash)`);
	return lines;
}
