// What a migrated case or user in the sandbox Kayako points at that Kayako no longer holds: a rollback must leave none.
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';

/** One line per reference to a missing user, team, organisation or field, naming the case or user by its source id. */
export function danglingReferences(view: KayakoAccountView): string[] {
	const users = new Set(view.users.map((user) => user.id));
	const teams = new Set(view.teams.map((team) => team.id));
	const organizations = new Set(view.organizations.map((org) => org.id));
	const fieldKeys = new Set(view.fields.map((field) => field.key));
	const dangling: string[] = [];
	for (const kase of view.cases.filter((each) => each.legacy_id && each.state !== 'TRASH')) {
		const name = `case of ticket ${kase.legacy_id}`;
		if (!users.has(kase.requester_id)) dangling.push(`${name}: requester ${kase.requester_id}`);
		if (kase.assigned_agent_id !== null && !users.has(kase.assigned_agent_id)) dangling.push(`${name}: agent ${kase.assigned_agent_id}`);
		if (kase.assigned_team_id !== null && !teams.has(kase.assigned_team_id)) dangling.push(`${name}: team ${kase.assigned_team_id}`);
		for (const key of Object.keys(kase.field_values)) if (!fieldKeys.has(key)) dangling.push(`${name}: field ${key}`);
		for (const post of kase.posts) if (!users.has(post.creator_id)) dangling.push(`${name}: author ${post.creator_id} of post ${post.id}`);
	}
	for (const user of view.users.filter((each) => each.legacy_id)) {
		if (user.organization_id !== null && !organizations.has(user.organization_id)) dangling.push(`user ${user.legacy_id}: organization ${user.organization_id}`);
		for (const team of user.team_ids) if (!teams.has(team)) dangling.push(`user ${user.legacy_id}: team ${team}`);
	}
	return dangling;
}
