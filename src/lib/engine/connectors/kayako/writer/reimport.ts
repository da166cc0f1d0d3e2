// A delta's re-import of a changed ticket: find the new case an earlier attempt made, check it holds every post, trash the old case.
import { MigrationError } from '../../../errors';
import { findCasesByLegacyIds } from './case-lookup';
import type { WriteContext } from './context';
import { JobUnfinished, waitForJob } from './jobs';
import { settleLostSend, settlePeriod } from './lost-send';
import { readCasePosts } from './post-markers';
import { sendWithoutData } from './rollback';

/** What an earlier attempt left of a re-import it had started: the job Kayako accepted, or how long ago it sent without one. */
export interface OpenReimport {
	oldCaseId: number;
	jobId?: number;
	agoMs?: number;
}

/**
 * The new case of each ticket whose re-import an earlier attempt started (a crash, a lost answer): its job is followed
 * to its end, or the rest of the settle period is waited out, before the lookup by legacy id. The old case and
 * trashed ones do not count. A ticket whose job outlives the wait is left out of the answer and named in `unfinished`.
 */
export async function findReplacements(ctx: WriteContext, open: ReadonlyMap<string, OpenReimport>): Promise<{ found: Map<string, number>; unfinished: Set<string> }> {
	const replacing = new Map([...open].map(([sourceId, each]) => [sourceId, each.oldCaseId]));
	const unfinished = new Set<string>();
	for (const jobId of new Set([...open.values()].map((each) => each.jobId).filter((id): id is number => id !== undefined))) {
		try {
			await waitForJob(ctx.session, jobId, { sleep: ctx.options.sleep });
		} catch (error) {
			if (!(error instanceof JobUnfinished)) throw error;
			for (const [sourceId, each] of open) if (each.jobId === jobId) unfinished.add(sourceId);
		}
	}
	const unsure = [...open].filter(([sourceId, each]) => !unfinished.has(sourceId) && each.jobId === undefined && each.agoMs !== undefined);
	const left = settlePeriod(ctx.session) - Math.min(...unsure.map(([, each]) => each.agoMs ?? 0));
	if (unsure.length > 0 && left > 0) await settleLostSend(ctx, unsure.map(([sourceId]) => sourceId), left, replacing);
	const ids = [...open.keys()].filter((sourceId) => !unfinished.has(sourceId));
	const found = ids.length > 0 ? await findCasesByLegacyIds(ctx.session, ids, replacing) : new Map<string, number>();
	return { found, unfinished };
}

/** Does the case hold at least this many posts? A re-imported case is complete when it holds every post it was sent with. */
export async function caseHoldsPosts(ctx: WriteContext, caseId: number, posts: number): Promise<boolean> {
	return (await readCasePosts(ctx.session, caseId)).count >= posts;
}

/**
 * Moves a case to Kayako's trash (PUT /cases/trash.json?ids=, as documented): it leaves the agents' views and can be
 * restored. A case already in the trash is trashed again without harm; one that is gone counts as trashed.
 */
export async function trashCase(ctx: WriteContext, caseId: number): Promise<void> {
	try {
		await sendWithoutData(ctx.session, { method: 'PUT', path: 'cases/trash.json', searchParams: { ids: String(caseId) } });
	} catch (error) {
		if (error instanceof MigrationError && error.info.status === 404) return;
		throw error;
	}
}

/** Takes a case back out of the trash (PUT /cases/:id/restore.json, as documented): a rollback of a re-import gives the old case back. */
export async function restoreCase(ctx: WriteContext, caseId: number): Promise<void> {
	await ctx.session.request({ method: 'PUT', path: `cases/${caseId}/restore.json` });
}
