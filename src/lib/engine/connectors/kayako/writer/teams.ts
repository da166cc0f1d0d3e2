// Teams: list them for matching by title, create the missing ones with the source id as legacy_id.
import type { Team } from '../../../model';
import type { KayakoSession } from '../session';
import { chunks, listAll, type WriteContext, type Written } from './context';

export interface KayakoTeam {
	id: number;
	title: string;
	legacy_id: string | null;
}

export function listTeams(session: KayakoSession): Promise<KayakoTeam[]> {
	return listAll<KayakoTeam>(session, 'teams.json');
}

/** Creates the team, unless one with the same title exists (given `existing` from `listTeams`): then it is matched. */
export async function createTeam(ctx: Pick<WriteContext, 'session'>, team: Team, existing: readonly KayakoTeam[] = []): Promise<Written> {
	const wanted = team.name.trim().toLowerCase();
	const match = existing.find((each) => each.legacy_id === team.id) ?? existing.find((each) => each.title.trim().toLowerCase() === wanted);
	if (match) return { id: match.id, warnings: [], matched: true };
	const envelope = await ctx.session.request<KayakoTeam>({ method: 'POST', path: 'teams.json', json: { title: team.name.trim() || `Team ${team.id}`, legacy_id: team.id } });
	return { id: envelope.data.id, warnings: [] };
}

/** Reconciliation after a crash: which of these source teams already exist in Kayako. */
export async function findTeamsByLegacyIds(session: KayakoSession, ids: readonly string[]): Promise<Map<string, number>> {
	const found = new Map<string, number>();
	for (const chunk of chunks(ids, 100)) {
		for (const team of await listAll<KayakoTeam>(session, 'teams.json', { legacy_ids: chunk.join(',') })) if (team.legacy_id) found.set(team.legacy_id, team.id);
	}
	return found;
}
