// The reconciliation read: which source tickets already exist as Kayako cases (GET /cases?legacy_ids=), so nothing is created twice.
import type { KayakoSession } from '../session';
import { chunks, listAll } from './context';

/** Source ticket id -> Kayako case id, for the ids that exist (trashed cases too: they were created). */
export async function findCasesByLegacyIds(session: KayakoSession, ids: readonly string[]): Promise<Map<string, number>> {
	const found = new Map<string, number>();
	for (const chunk of chunks([...new Set(ids)], 100)) {
		const cases = await listAll<{ id: number; legacy_id: string | null }>(session, 'cases.json', { legacy_ids: chunk.join(','), fields: 'id,legacy_id' });
		for (const kase of cases) if (kase.legacy_id && !found.has(kase.legacy_id)) found.set(kase.legacy_id, kase.id);
	}
	return found;
}
