// The match step's proposal: source agents to Kayako staff by e-mail, source groups to Kayako teams by name, and what happens to the rest.
import type { KayakoStaffMember } from '../connectors/kayako/staff';
import type { KayakoTeam } from '../connectors/kayako/writer/teams';
import type { SourceId, Team, User, UserRole } from '../model';
import type { MappingChoice } from './options';

export interface SourceAgent {
	id: SourceId;
	name: string;
	email?: string;
	role: UserRole;
	/** Deactivated or deleted in the source: their tickets go to the default agent unless chosen otherwise. */
	active: boolean;
	suspended: boolean;
	teamIds: SourceId[];
}

export interface AgentMatch {
	agent: SourceAgent;
	/** What the step proposes (the saved choice when there is one). */
	choice: MappingChoice;
	/** Why: 'saved' (chosen before), 'email' (same address in Kayako), 'none' (no match found: the pipeline's default). */
	basis: 'saved' | 'email' | 'none';
	/** The Kayako staff member with the same e-mail, even when another choice was saved. */
	emailMatch?: number;
}

export interface TeamMatch {
	team: Team;
	choice: MappingChoice;
	basis: 'saved' | 'name' | 'none';
	nameMatch?: number;
}

const normalized = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

export function sourceAgent(user: User): SourceAgent {
	return {
		id: user.id,
		name: user.name,
		...(user.emails[0] && { email: user.emails[0] }),
		role: user.role,
		active: user.active,
		suspended: user.suspended,
		teamIds: user.teamIds
	};
}

/** A saved choice still counts when what it points at exists; a match to a Kayako user that is gone falls back to the proposal. */
function stillValid(choice: MappingChoice | undefined, kayakoIds: ReadonlySet<number>): choice is MappingChoice {
	if (!choice) return false;
	return choice.action !== 'match' || kayakoIds.has(Number(choice.kayakoId));
}

/** Agents by e-mail (any of the Kayako member's addresses); without one, active agents are created and departed ones go to the default agent. */
export function proposeAgents(agents: readonly User[], staff: readonly KayakoStaffMember[], saved: Record<SourceId, MappingChoice> = {}): AgentMatch[] {
	const byEmail = new Map<string, number>();
	for (const member of staff) for (const email of member.emails) if (!byEmail.has(email)) byEmail.set(email, member.id);
	const ids = new Set(staff.map((member) => member.id));
	return agents.map((user) => {
		const emailMatch = user.emails.map((email) => byEmail.get(email.trim().toLowerCase())).find((id) => id !== undefined);
		const agent = sourceAgent(user);
		const previous = saved[user.id];
		const withMatch = emailMatch === undefined ? {} : { emailMatch };
		if (stillValid(previous, ids)) return { agent, choice: previous, basis: 'saved', ...withMatch };
		if (emailMatch !== undefined) return { agent, choice: { action: 'match', kayakoId: emailMatch }, basis: 'email', ...withMatch };
		return { agent, choice: user.active ? { action: 'create' } : { action: 'default' }, basis: 'none' };
	});
}

/** Groups to teams of the same name (case and spacing ignored); the rest are created, as the pipeline would. */
export function proposeTeams(groups: readonly Team[], teams: readonly KayakoTeam[], saved: Record<SourceId, MappingChoice> = {}): TeamMatch[] {
	const byLegacyId = new Map(teams.filter((team) => team.legacy_id).map((team) => [team.legacy_id as string, team.id]));
	const byName = new Map<string, number>();
	for (const team of teams) if (!byName.has(normalized(team.title))) byName.set(normalized(team.title), team.id);
	const ids = new Set(teams.map((team) => team.id));
	return groups.map((team) => {
		const nameMatch = byLegacyId.get(team.id) ?? byName.get(normalized(team.name));
		const previous = saved[team.id];
		const withMatch = nameMatch === undefined ? {} : { nameMatch };
		if (stillValid(previous, ids)) return { team, choice: previous, basis: 'saved', ...withMatch };
		if (nameMatch !== undefined) return { team, choice: { action: 'match', kayakoId: nameMatch }, basis: 'name', ...withMatch };
		return { team, choice: { action: 'create' }, basis: 'none' };
	});
}
