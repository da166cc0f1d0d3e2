// The match step: the source's agents and groups beside Kayako's staff and teams, with a proposed match for each.
import { listKayakoStaff, type KayakoStaffMember } from '../connectors/kayako/staff';
import { listTeams } from '../connectors/kayako/writer/teams';
import type { Team } from '../model';
import { proposeAgents, proposeTeams, type AgentMatch, type TeamMatch } from '../pipeline/matching';
import { pipelineOptionsFrom } from '../pipeline/settings';
import { asResult, type CommandDeps } from './deps';
import { kayakoSession } from './kayako-session';
import { requireMigration } from './migrations';
import { sourceSession } from './source-session';

export interface MatchCandidates {
	agents: AgentMatch[];
	teams: TeamMatch[];
	kayakoStaff: KayakoStaffMember[];
	kayakoTeams: { id: number; title: string }[];
	/** The saved default agent, or else the Kayako administrator the migration logs in as. */
	defaultAgentId?: number;
}

export function matchCommands(deps: CommandDeps) {
	return {
		matchCandidates: (migrationId: string) =>
			asResult<MatchCandidates>(async () => {
				const settings = await requireMigration(deps, migrationId);
				const source = sourceSession(deps, settings);
				const session = kayakoSession(deps, settings);
				const readGroups = async () => {
					const groups: Team[] = [];
					for await (const page of source.teams()) groups.push(...page.records);
					return groups;
				};
				const [agents, groups, staff, kayakoTeams] = await Promise.all([source.staff(), readGroups(), listKayakoStaff(session), listTeams(session)]);
				const saved = pipelineOptionsFrom(settings);
				const savedDefault = Number(saved.defaultAgentId);
				const administrator = staff.find((member) => member.emails.includes(settings.target.email.trim().toLowerCase()));
				const defaultAgentId = staff.some((member) => member.id === savedDefault) ? savedDefault : administrator?.id;
				const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
				return {
					agents: proposeAgents([...agents].sort(byName), staff, saved.agents),
					teams: proposeTeams([...groups].sort(byName), kayakoTeams, saved.teams),
					kayakoStaff: staff,
					kayakoTeams: kayakoTeams.map((team) => ({ id: team.id, title: team.title })).sort((a, b) => a.title.localeCompare(b.title)),
					...(defaultAgentId !== undefined && { defaultAgentId })
				};
			})
	};
}
