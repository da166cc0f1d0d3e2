// Users (me, list, show, show_many, identities), organizations, groups and both kinds of memberships.
import { jsonReply } from '../../common/reply';
import { realIdentities } from '../generator/real-profile';
import { endUserOrganizationIndex, groupMemberships, generateIdentities, generateOrganization, organizationMembership, userKind, type UserRecord } from '../generator/people';
import { groups } from '../generator/catalog';
import { recordNotFound, invalidValue } from '../http/errors';
import { numberParam, type RequestContext, type RouteSpec } from '../http/context';
import { paginate } from '../http/pagination';
import { ID, userCount, userIndex } from '../plan';
import { withUrl } from '../present';

/** What Zendesk answers on /users/me to a caller it does not know (no credentials, or a wrong password). */
function anonymousUser(): Record<string, unknown> {
	return {
		id: null,
		url: null,
		name: 'Anonymous user',
		email: 'invalid@example.com',
		created_at: null,
		updated_at: null,
		time_zone: 'Eastern Time (US & Canada)',
		iana_time_zone: 'America/New_York',
		phone: null,
		shared_phone_number: null,
		photo: null,
		locale_id: 1,
		locale: 'en-US',
		organization_id: null,
		role: 'end-user',
		verified: false,
		authenticity_token: 'sandbox-anonymous-authenticity-token'
	};
}

function me(context: RequestContext) {
	const principal = context.principal;
	if (principal.kind !== 'user') return jsonReply(200, { user: anonymousUser() });
	const user = context.account.user(principal.userIndex);
	return jsonReply(200, { user: { ...withUrl(context.baseUrl, 'users', user), authenticity_token: `sandbox-${user.id}-authenticity-token` } });
}

const ROLES = ['end-user', 'agent', 'admin'];

function listUsers(context: RequestContext) {
	const { account, query } = context;
	const roles = [...query.getAll('role'), ...query.getAll('role[]')];
	if (roles.some((role) => !ROLES.includes(role))) return invalidValue('role must be one of end-user, agent, admin');
	// Deleted users are not listed; they come back through show, show_many, the incremental export and /deleted_users.
	const indexes = Array.from({ length: userCount(account.plan) }, (_, index) => index).filter((index) => {
		const kind = userKind(account.plan, index);
		if (kind === 'former-agent' || kind === 'deleted-end-user') return false;
		if (roles.length === 0) return true;
		const role = kind === 'admin' ? 'admin' : index < account.plan.agents ? 'agent' : 'end-user';
		return roles.includes(role);
	});
	const page = paginate(context, indexes, { keyOf: (index) => [index] });
	if (!page.ok) return page.reply;
	return jsonReply(200, { users: page.items.map((index) => withUrl(context.baseUrl, 'users', account.user(index))), ...page.envelope });
}

function userAt(context: RequestContext): UserRecord | undefined {
	const id = numberParam(context, 'id');
	const index = id === undefined ? undefined : userIndex(context.account.plan, id);
	return index === undefined ? undefined : context.account.user(index);
}

function showUser(context: RequestContext) {
	const user = userAt(context);
	return user ? jsonReply(200, { user: withUrl(context.baseUrl, 'users', user) }) : recordNotFound();
}

function showManyUsers(context: RequestContext) {
	const raw = context.query.get('ids');
	if (!raw) return invalidValue('ids is required');
	const ids = raw.split(',').map((part) => Number(part.trim()));
	if (ids.length > 100 || ids.some((id) => !Number.isInteger(id))) return invalidValue('ids must be a comma-separated list of at most 100 user ids');
	const users = ids.map((id) => userIndex(context.account.plan, id)).filter((index): index is number => index !== undefined).map((index) => withUrl(context.baseUrl, 'users', context.account.user(index)));
	return jsonReply(200, { users, next_page: null, previous_page: null, count: users.length });
}

function identities(context: RequestContext) {
	const id = numberParam(context, 'id');
	const index = id === undefined ? undefined : userIndex(context.account.plan, id);
	if (index === undefined) return recordNotFound();
	const plan = context.account.plan;
	const identities = plan.profile === 'real' ? realIdentities(plan, index, context.account.user(index), generateIdentities(plan, index)) : generateIdentities(plan, index);
	const page = paginate(context, identities, { keyOf: (identity) => [identity.id] });
	if (!page.ok) return page.reply;
	return jsonReply(200, { identities: page.items.map((identity) => ({ url: `${context.baseUrl}/api/v2/users/${identity.user_id}/identities/${identity.id}.json`, ...identity })), ...page.envelope });
}

function listOrganizations(context: RequestContext) {
	const plan = context.account.plan;
	const page = paginate(context, Array.from({ length: plan.organizations }, (_, index) => index), { keyOf: (index) => [index] });
	if (!page.ok) return page.reply;
	return jsonReply(200, { organizations: page.items.map((index) => withUrl(context.baseUrl, 'organizations', generateOrganization(plan, index))), ...page.envelope });
}

function showOrganization(context: RequestContext) {
	const id = numberParam(context, 'id');
	const index = id === undefined ? -1 : id - ID.organization;
	if (index < 0 || index >= context.account.plan.organizations) return recordNotFound();
	return jsonReply(200, { organization: withUrl(context.baseUrl, 'organizations', generateOrganization(context.account.plan, index)) });
}

function listOrganizationMemberships(context: RequestContext) {
	const plan = context.account.plan;
	// Membership ids follow user indexes, so the page is chosen before any organization is generated.
	const members = Array.from({ length: userCount(plan) }, (_, index) => index).filter((index) => endUserOrganizationIndex(plan, index) !== undefined);
	const page = paginate(context, members, { keyOf: (index) => [ID.organizationMembership + index] });
	if (!page.ok) return page.reply;
	const memberships = page.items.map((index) => organizationMembership(plan, index)).filter((membership) => membership !== undefined);
	return jsonReply(200, { organization_memberships: memberships.map((membership) => withUrl(context.baseUrl, 'organization_memberships', membership)), ...page.envelope });
}

function listGroups(context: RequestContext) {
	const excludeDeleted = context.query.get('exclude_deleted') === 'true';
	const page = paginate(context, groups(context.account.plan).filter((group) => !excludeDeleted || !group.deleted), { keyOf: (group) => [group.id] });
	if (!page.ok) return page.reply;
	return jsonReply(200, { groups: page.items.map((group) => withUrl(context.baseUrl, 'groups', group)), ...page.envelope });
}

function showGroup(context: RequestContext) {
	const id = numberParam(context, 'id');
	const group = groups(context.account.plan).find((candidate) => candidate.id === id);
	return group ? jsonReply(200, { group: withUrl(context.baseUrl, 'groups', group) }) : recordNotFound();
}

function listGroupMemberships(context: RequestContext) {
	const page = paginate(context, groupMemberships(context.account.plan), { keyOf: (membership) => [membership.id] });
	if (!page.ok) return page.reply;
	return jsonReply(200, { group_memberships: page.items.map((membership) => withUrl(context.baseUrl, 'group_memberships', membership)), ...page.envelope });
}

export const peopleRoutes: Record<string, RouteSpec> = {
	'/api/v2/users/me': { handler: me, access: 'public', counter: 'support' },
	'/api/v2/users': { handler: listUsers, access: 'agent', counter: 'support', list: true },
	'/api/v2/users/show_many': { handler: showManyUsers, access: 'agent', counter: 'support', list: true },
	'/api/v2/users/:id': { handler: showUser, access: 'agent', counter: 'support' },
	'/api/v2/users/:id/identities': { handler: identities, access: 'agent', counter: 'support', list: true },
	'/api/v2/organizations': { handler: listOrganizations, access: 'agent', counter: 'support', list: true },
	'/api/v2/organizations/:id': { handler: showOrganization, access: 'agent', counter: 'support' },
	'/api/v2/organization_memberships': { handler: listOrganizationMemberships, access: 'agent', counter: 'support', list: true },
	'/api/v2/groups': { handler: listGroups, access: 'agent', counter: 'support', list: true },
	'/api/v2/groups/:id': { handler: showGroup, access: 'agent', counter: 'support' },
	'/api/v2/group_memberships': { handler: listGroupMemberships, access: 'agent', counter: 'support', list: true }
};
