// Deleted users (list, show, count): the soft-deleted users that /users/{id} still shows with active false.
import { jsonReply } from '../../common/reply';
import type { ZendeskAccount } from '../account';
import { userKind, type UserRecord } from '../generator/people';
import { isoSeconds } from '../generator/time';
import { apiUrl } from '../generator/urls';
import { recordNotFound } from '../http/errors';
import { numberParam, type RequestContext, type RouteSpec } from '../http/context';
import { paginate } from '../http/pagination';
import { userCount, userIndex, type AccountPlan } from '../plan';

/** Former agents and deleted end users: deleted, but not yet permanently, so both endpoints still know them. */
export function isDeletedUserIndex(plan: AccountPlan, index: number): boolean {
	const kind = userKind(plan, index);
	return kind === 'former-agent' || kind === 'deleted-end-user';
}

function deletedIndexes(plan: AccountPlan): number[] {
	return Array.from({ length: userCount(plan) }, (_, index) => index).filter((index) => isDeletedUserIndex(plan, index));
}

/** DeletedUserObject: a short form of the user, `url` under deleted_users. */
function presentDeletedUser(baseUrl: string, user: UserRecord): Record<string, unknown> {
	return {
		id: user.id,
		url: apiUrl(baseUrl, `deleted_users/${user.id}`),
		name: user.name,
		email: user.email,
		created_at: user.created_at,
		updated_at: user.updated_at,
		time_zone: user.time_zone,
		phone: user.phone,
		shared_phone_number: null,
		photo: user.photo,
		locale_id: user.locale_id,
		locale: user.locale,
		organization_id: user.organization_id,
		role: user.role,
		active: false
	};
}

function deletedUserAt(account: ZendeskAccount, id: number | undefined): UserRecord | undefined {
	const index = id === undefined ? undefined : userIndex(account.plan, id);
	return index !== undefined && isDeletedUserIndex(account.plan, index) ? account.user(index) : undefined;
}

function listDeletedUsers(context: RequestContext) {
	const page = paginate(context, deletedIndexes(context.account.plan), { keyOf: (index) => [index] });
	if (!page.ok) return page.reply;
	return jsonReply(200, { deleted_users: page.items.map((index) => presentDeletedUser(context.baseUrl, context.account.user(index))), ...page.envelope });
}

function showDeletedUser(context: RequestContext) {
	const user = deletedUserAt(context.account, numberParam(context, 'id'));
	return user ? jsonReply(200, { deleted_user: presentDeletedUser(context.baseUrl, user) }) : recordNotFound();
}

function countDeletedUsers(context: RequestContext) {
	return jsonReply(200, { count: { value: deletedIndexes(context.account.plan).length, refreshed_at: isoSeconds(context.account.clock.now()) } });
}

export const deletedUserRoutes: Record<string, RouteSpec> = {
	'/api/v2/deleted_users': { handler: listDeletedUsers, access: 'agent', counter: 'support', list: true },
	'/api/v2/deleted_users/count': { handler: countDeletedUsers, access: 'agent', counter: 'support' },
	'/api/v2/deleted_users/:id': { handler: showDeletedUser, access: 'agent', counter: 'support' }
};
