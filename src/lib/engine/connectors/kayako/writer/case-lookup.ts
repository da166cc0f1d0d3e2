// The reconciliation read: which source tickets already exist as Kayako cases (GET /cases?legacy_ids=), so nothing is created twice.
import type { KayakoSession } from '../session';
import { chunks, listAll } from './context';

/**
 * Legacy ids per look-up. Kayako documents `?legacy_ids=` without a maximum, and pages at 100 rows (its largest
 * `limit` is undocumented too; the sandbox clamps at 100): a look-up after a job, where each id has a case, needs one
 * page per 100 ids whatever the chunk, so a longer list would save only on ids not found, at the risk of an
 * undocumented URL limit. Kept at what our reference asks.
 */
const LEGACY_IDS_PER_LOOKUP = 100;
/**
 * Legacy ids per look-up before a batch is sent: most have no case yet, so a batch's 200 ids take one request (one
 * page of what is found; more pages only when more is). About 1,400 characters of URL with Zendesk's ids, well
 * under what servers and proxies accept (8 KB and more).
 */
export const LEGACY_IDS_BEFORE_SEND = 200;

interface CaseSeen {
	id: number;
	legacy_id: string | null;
	state?: string | null;
}

/**
 * Source ticket id -> Kayako case id, for the ids that exist (trashed cases too: they were created). When a ticket has
 * a live case and a trashed one (a delta re-imported it), the live one is named.
 * `replacing`: a ticket being re-imported -> its old case; that case and trashed ones do not count, so only the
 * new case a re-import made is found.
 */
export async function findCasesByLegacyIds(session: KayakoSession, ids: readonly string[], replacing?: ReadonlyMap<string, number>, perLookup = LEGACY_IDS_PER_LOOKUP): Promise<Map<string, number>> {
	const found = new Map<string, number>();
	const trashed = new Set<string>();
	for (const chunk of chunks([...new Set(ids)], perLookup)) {
		const cases = await listAll<CaseSeen>(session, 'cases.json', { legacy_ids: chunk.join(','), fields: 'id,legacy_id,state' });
		for (const kase of cases) {
			const legacyId = kase.legacy_id;
			if (!legacyId) continue;
			const inTrash = kase.state === 'TRASH';
			if (replacing?.has(legacyId) && (inTrash || replacing.get(legacyId) === kase.id)) continue;
			if (found.has(legacyId) && !(trashed.has(legacyId) && !inTrash)) continue;
			found.set(legacyId, kase.id);
			if (inTrash) trashed.add(legacyId);
			else trashed.delete(legacyId);
		}
	}
	return found;
}
