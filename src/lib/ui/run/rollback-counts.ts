// The kinds of a rollback's counts in the order a support lead reads them, without the kinds it left alone.
export const ROLLBACK_SHOWN_ORDER = ['tickets', 'users', 'organizations', 'teams', 'fields', 'articles', 'kb-sections', 'kb-categories'] as const;

/** [kind, count] for every kind with a count above zero. */
export function countsByKind(counts: Partial<Record<string, number>>): [string, number][] {
	return ROLLBACK_SHOWN_ORDER.map((kind): [string, number] => [kind, counts[kind] ?? 0]).filter(([, count]) => count > 0);
}
