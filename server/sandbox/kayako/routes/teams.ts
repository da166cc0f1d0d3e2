// Teams and their members: only administrators create or change teams; bulk create answers with a job.
import type { Router } from '../../common/router';
import { isAdmin, isStaff, type Handler } from '../context';
import { collectionReply, deletedReply, filterByIds, resourceReply } from '../envelope';
import { fieldInvalid, fieldRequired, forbidden, notFound, validationReply, type KayakoError } from '../errors';
import { idList, integer, text } from '../input';
import { startBulkJob, type BulkKind } from '../jobs';
import { createTeam } from '../mutate/people';
import { roleTypeOf, type AccountState } from '../state';

function prepareTeam(body: Record<string, unknown>): { errors: KayakoError[]; input?: { title: string; legacy_id: string | null } } {
	const title = text(body.title)?.trim();
	if (!title) return { errors: [fieldRequired('title')] };
	return { errors: [], input: { title, legacy_id: text(body.legacy_id) ?? null } };
}

function agentIds(state: AccountState, value: unknown, errors: KayakoError[]): number[] | undefined {
	const ids = idList(value);
	if (!ids || ids.length === 0) {
		errors.push(fieldRequired('agent_ids'));
		return undefined;
	}
	const bad = ids.filter((id) => {
		const user = state.users.get(id);
		return !user || !isStaff(roleTypeOf(state, user));
	});
	if (bad.length > 0) {
		errors.push(fieldInvalid('agent_ids', `no agent with id ${bad.join(', ')}`));
		return undefined;
	}
	return ids;
}

const createOne: Handler = (context) => {
	if (!isAdmin(context)) return forbidden('Only administrators can create teams');
	const prepared = prepareTeam(context.body);
	if (!prepared.input) return validationReply(prepared.errors);
	return resourceReply(context, 'team', createTeam(context.state, prepared.input, context.now).id, 201);
};

const updateOne: Handler = (context) => {
	const team = context.state.teams.get(Number(context.params.id));
	if (!team) return notFound();
	if (!isAdmin(context)) return forbidden('Only administrators can change teams');
	const title = text(context.body.title);
	if (context.body.title !== undefined && !title?.trim()) return validationReply([fieldInvalid('title', 'must not be empty')]);
	if (title) team.title = title.trim();
	if (context.body.legacy_id !== undefined) team.legacy_id = text(context.body.legacy_id) ?? null;
	team.updated_at = context.now;
	return resourceReply(context, 'team', team.id);
};

const deleteOne: Handler = (context) => {
	const team = context.state.teams.get(Number(context.params.id));
	if (!team) return notFound();
	if (!isAdmin(context)) return forbidden('Only administrators can delete teams');
	for (const user of context.state.users.values()) user.team_ids = user.team_ids.filter((id) => id !== team.id);
	context.state.teams.delete(team.id);
	return deletedReply();
};

const members: Handler = (context) => {
	const id = Number(context.params.id);
	if (!context.state.teams.has(id)) return notFound();
	return collectionReply(context, 'user', [...context.state.users.values()].filter((user) => user.team_ids.includes(id)).map((user) => user.id));
};

const addMembers: Handler = (context) => {
	const team = context.state.teams.get(Number(context.params.id));
	if (!team) return notFound();
	if (!isAdmin(context)) return forbidden('Only administrators can change team members');
	const errors: KayakoError[] = [];
	const ids = agentIds(context.state, context.body.agent_ids, errors);
	if (!ids) return validationReply(errors);
	for (const userId of ids) {
		const user = context.state.users.get(userId);
		if (user && !user.team_ids.includes(team.id)) user.team_ids.push(team.id);
	}
	return members(context);
};

const removeMember: Handler = (context) => {
	const team = context.state.teams.get(Number(context.params.id));
	if (!team) return notFound();
	if (!isAdmin(context)) return forbidden('Only administrators can change team members');
	const userId = integer(context.query.get('agent_id') ?? undefined);
	const user = userId === undefined || Number.isNaN(userId) ? undefined : context.state.users.get(userId);
	if (!user) return validationReply([fieldInvalid('agent_id', 'no such agent')]);
	user.team_ids = user.team_ids.filter((id) => id !== team.id);
	return deletedReply();
};

export const TEAM_BULK: BulkKind = {
	key: 'teams',
	prepare(row, env) {
		if (env.actorRole !== 'ADMIN' && env.actorRole !== 'OWNER') return { errors: [{ code: 'PERMISSIONS_DENIED', message: 'Only administrators can create teams' }], create() {} };
		const prepared = prepareTeam(row);
		const input = prepared.input;
		return { errors: prepared.errors, create: () => input && createTeam(env.state, input, env.now) };
	}
};

export function registerTeamRoutes(router: Router<Handler>): void {
	router
		.add('GET', '/teams', (context) => collectionReply(context, 'team', filterByIds(context.state.teams.values(), context.query).map((team) => team.id).sort((a, b) => a - b)))
		.add('POST', '/teams', createOne)
		.add('GET', '/teams/:id', (context) => resourceReply(context, 'team', Number(context.params.id)))
		.add('PUT', '/teams/:id', updateOne)
		.add('DELETE', '/teams/:id', deleteOne)
		.add('GET', '/teams/:id/members', members)
		.add('POST', '/teams/:id/members', addMembers)
		.add('DELETE', '/teams/:id/members', removeMember)
		.add('POST', '/bulk/teams', (context) => {
			if (!isAdmin(context)) return forbidden('Only administrators can create teams');
			return startBulkJob(context, 'teams', TEAM_BULK);
		});
}
