// Users and their e-mail identities: create (single and bulk), update, mass update, delete; agents may create only customers.
import { jsonReply } from '../../common/reply';
import type { Router } from '../../common/router';
import { isAdmin, isStaff, type Handler, type RequestContext } from '../context';
import { collectionReply, deletedReply, filterByIds, resourceReply } from '../envelope';
import { errorReply, fieldDuplicate, fieldInvalid, fieldRequired, forbidden, notFound, validationReply, type KayakoError } from '../errors';
import { startBulkJob, type BulkKind, type BulkRowEnv } from '../jobs';
import { addEmailIdentity, createUser, deleteUser, type NewUser } from '../mutate/people';
import { boolean, existingId, idList, integer, list, text } from '../input';
import type { RoleType, UserRecord } from '../records';
import { findUserByEmail, roleTypeOf, type AccountState } from '../state';
import { avatarOf } from '../validate/avatar';
import { checkFieldValues } from '../validate/field-values';
import { registerUserNoteRoutes } from './user-notes';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkEmail(state: AccountState, errors: KayakoError[], email: string, seen?: Set<string>): boolean {
	if (!EMAIL.test(email)) {
		errors.push(fieldInvalid('email', `"${email}" is not an e-mail address`));
		return false;
	}
	const key = `email:${email.toLowerCase()}`;
	if (findUserByEmail(state, email) || seen?.has(key)) {
		errors.push(fieldDuplicate('email', email));
		return false;
	}
	seen?.add(key);
	return true;
}

function checkTeams(state: AccountState, errors: KayakoError[], value: unknown): number[] | undefined {
	const teamIds = idList(value);
	if (teamIds === undefined) return undefined;
	const bad = teamIds.filter((id) => Number.isNaN(id) || !state.teams.has(id));
	if (bad.length > 0) {
		errors.push(fieldInvalid('team_ids', `no team with id ${bad.join(', ')}`));
		return undefined;
	}
	return teamIds;
}

function customerRoleId(state: AccountState): number {
	for (const role of state.roles.values()) if (role.type === 'CUSTOMER') return role.id;
	return 4;
}

/** Creation rules shared by POST /users and bulk rows. Undefined `denied` means the actor may create this role. */
export function prepareUser(env: Pick<BulkRowEnv, 'state' | 'actorRole'> & { seen?: Set<string> }, body: Record<string, unknown>): { errors: KayakoError[]; denied?: string; input?: NewUser } {
	const { state } = env;
	const errors: KayakoError[] = [];
	const fullName = text(body.full_name)?.trim();
	if (!fullName) errors.push(fieldRequired('full_name'));
	const roleId = existingId(errors, 'role_id', body.role_id, (id) => state.roles.has(id)) ?? (body.role_id === undefined ? customerRoleId(state) : undefined);
	const roleType: RoleType = roleId === undefined ? 'CUSTOMER' : (state.roles.get(roleId)?.type ?? 'CUSTOMER');
	if (env.actorRole === 'COLLABORATOR' || env.actorRole === 'CUSTOMER') return { errors, denied: 'Collaborators and customers cannot create users' };
	if (env.actorRole === 'AGENT' && roleType !== 'CUSTOMER') return { errors, denied: 'Agents can create only customers' };
	if (roleType === 'OWNER') return { errors, denied: 'An owner cannot be created through the API' };
	const email = text(body.email)?.trim();
	const staff = isStaff(roleType);
	if (email) checkEmail(state, errors, email, env.seen);
	else if (staff) errors.push(fieldRequired('email'));
	const teamIds = checkTeams(state, errors, body.team_ids);
	if (staff && body.team_ids === undefined) errors.push(fieldRequired('team_ids'));
	const fieldValues = checkFieldValues(state, 'user', body.field_values, errors);
	const isEnabled = body.is_enabled === undefined ? undefined : boolean(body.is_enabled);
	if (body.is_enabled !== undefined && isEnabled === undefined) errors.push(fieldInvalid('is_enabled', 'must be true or false'));
	if (errors.length > 0 || !fullName || roleId === undefined) return { errors };
	return {
		errors,
		input: {
			full_name: fullName,
			role_id: roleId,
			emails: email ? [email] : [],
			legacy_id: text(body.legacy_id) ?? null,
			designation: text(body.designation) ?? null,
			team_ids: teamIds ?? [],
			password: text(body.password) ?? null,
			// organization_id is not a create parameter in the docs; it is set with PUT /users/:id.
			...(isEnabled !== undefined && { is_enabled: isEnabled }),
			...(fieldValues && { field_values: fieldValues }),
			tags: list(body.tags) ?? [],
			...(text(body.time_zone) !== undefined && { time_zone: text(body.time_zone) })
		}
	};
}

const createOne: Handler = (context) => {
	const prepared = prepareUser({ state: context.state, actorRole: context.actorRole }, context.body);
	if (prepared.denied) return forbidden(prepared.denied);
	if (!prepared.input) return validationReply(prepared.errors);
	const user = createUser(context.state, prepared.input, context.now);
	return resourceReply(context, 'user', user.id, 201);
};

function applyUpdate(context: RequestContext, user: UserRecord, body: Record<string, unknown>, errors: KayakoError[]): void {
	const state = context.state;
	const changes: (() => void)[] = [];
	if (body.role_id !== undefined) {
		const roleId = existingId(errors, 'role_id', body.role_id, (id) => state.roles.has(id));
		const target = roleId === undefined ? undefined : state.roles.get(roleId);
		if (target && target.type !== 'CUSTOMER' && !isAdmin(context)) errors.push({ code: 'PERMISSIONS_DENIED', parameter: 'role_id', message: 'Only administrators can give a user a staff role' });
		else if (roleId !== undefined) changes.push(() => (user.role_id = roleId));
	}
	const fullName = text(body.full_name);
	if (body.full_name !== undefined && !fullName?.trim()) errors.push(fieldInvalid('full_name', 'must not be empty'));
	else if (fullName) changes.push(() => (user.full_name = fullName.trim()));
	if (body.designation !== undefined) changes.push(() => (user.designation = text(body.designation) ?? null));
	if (body.legacy_id !== undefined) changes.push(() => (user.legacy_id = text(body.legacy_id) ?? null));
	if (body.time_zone !== undefined) changes.push(() => (user.time_zone = text(body.time_zone) ?? 'UTC'));
	if (body.organization_id !== undefined) {
		if (body.organization_id === null || body.organization_id === '') changes.push(() => (user.organization_id = null));
		else {
			const organizationId = existingId(errors, 'organization_id', body.organization_id, (id) => state.organizations.has(id));
			if (organizationId !== undefined) changes.push(() => (user.organization_id = organizationId));
		}
	}
	if (body.team_ids !== undefined) {
		const teamIds = checkTeams(state, errors, body.team_ids);
		if (teamIds) changes.push(() => (user.team_ids = teamIds));
	}
	if (body.tags !== undefined) changes.push(() => (user.tags = list(body.tags) ?? []));
	if (body.is_enabled !== undefined) {
		const enabled = boolean(body.is_enabled);
		if (enabled === undefined) errors.push(fieldInvalid('is_enabled', 'must be true or false'));
		else changes.push(() => (user.is_enabled = enabled));
	}
	const fieldValues = checkFieldValues(state, 'user', body.field_values, errors);
	if (fieldValues) changes.push(() => (user.field_values = { ...user.field_values, ...fieldValues }));
	if (errors.length > 0) return;
	for (const change of changes) change();
	user.updated_at = context.now;
}

const updateOne: Handler = (context) => {
	const user = context.state.users.get(Number(context.params.id));
	if (!user) return notFound();
	if (!isStaff(context.actorRole) || context.actorRole === 'COLLABORATOR') return forbidden();
	if (roleTypeOf(context.state, user) !== 'CUSTOMER' && !isAdmin(context) && user.id !== context.actor.id) return forbidden('Only administrators can change staff users');
	const avatar = avatarOf(context);
	if (avatar && !('bytes' in avatar)) return avatar;
	const errors: KayakoError[] = [];
	applyUpdate(context, user, context.body, errors);
	if (errors.some((error) => error.code === 'PERMISSIONS_DENIED')) return forbidden(errors.find((error) => error.code === 'PERMISSIONS_DENIED')?.message);
	if (errors.length > 0) return validationReply(errors);
	if (avatar) {
		user.avatar = avatar;
		user.updated_at = context.now;
	}
	return resourceReply(context, 'user', user.id);
};

/** PUT /users?ids=: the documented mass update of locale, tags, time zone and is_enabled. */
const updateMany: Handler = (context) => {
	const wanted = idList(context.query.get('ids') ?? undefined);
	if (!wanted) return validationReply([fieldRequired('ids')]);
	const users = wanted.map((id) => context.state.users.get(id));
	if (users.some((user) => user === undefined)) return notFound();
	if (!isAdmin(context)) return forbidden('Only administrators can update users in bulk');
	const allowed: Record<string, unknown> = {};
	for (const key of ['tags', 'time_zone', 'is_enabled'] as const) if (context.body[key] !== undefined) allowed[key] = context.body[key];
	const errors: KayakoError[] = [];
	for (const user of users) if (user) applyUpdate(context, user, allowed, errors);
	if (errors.length > 0) return validationReply(errors);
	return collectionReply(context, 'user', wanted);
};

const deleteOne: Handler = (context) => {
	const user = context.state.users.get(Number(context.params.id));
	if (!user) return notFound();
	if (!isAdmin(context)) return forbidden('Only administrators can delete users');
	if (user.id === context.actor.id || roleTypeOf(context.state, user) === 'OWNER') return errorReply(400, 'RESOURCE_ACTION_NOT_AVAILABLE', { message: 'The owner and the signed-in user cannot be deleted' });
	deleteUser(context.state, user);
	return deletedReply();
};

const listUsers: Handler = (context) => {
	let users = filterByIds(context.state.users.values(), context.query);
	const role = context.query.get('role');
	if (role) users = users.filter((user) => roleTypeOf(context.state, user) === role.toUpperCase());
	return collectionReply(context, 'user', users.map((user) => user.id).sort((a, b) => b - a));
};

const listEmails: Handler = (context) => {
	const userId = integer(context.query.get('user_id') ?? undefined);
	const emails = [...context.state.emails.values()].filter((entry) => userId === undefined || entry.user_id === userId);
	return collectionReply(context, 'identity_email', emails.map((entry) => entry.id).sort((a, b) => a - b));
};

const addEmail: Handler = (context) => {
	const errors: KayakoError[] = [];
	const userId = existingId(errors, 'user_id', context.body.user_id, (id) => context.state.users.has(id));
	if (context.body.user_id === undefined) errors.push(fieldRequired('user_id'));
	const email = text(context.body.email)?.trim();
	if (!email) errors.push(fieldRequired('email'));
	else checkEmail(context.state, errors, email);
	const user = userId === undefined ? undefined : context.state.users.get(userId);
	if (errors.length > 0 || !user || !email) return validationReply(errors);
	const id = addEmailIdentity(context.state, user, email, {
		...(boolean(context.body.is_primary) !== undefined && { is_primary: boolean(context.body.is_primary) }),
		...(boolean(context.body.is_validated) !== undefined && { is_validated: boolean(context.body.is_validated) }),
		...(boolean(context.body.is_notification_enabled) !== undefined && { is_notification_enabled: boolean(context.body.is_notification_enabled) })
	}, context.now);
	return resourceReply(context, 'identity_email', id, 201);
};

const deleteEmail: Handler = (context) => {
	const identity = context.state.emails.get(Number(context.params.id));
	if (!identity) return notFound();
	const user = context.state.users.get(identity.user_id);
	if (user) user.email_ids = user.email_ids.filter((id) => id !== identity.id);
	context.state.emails.delete(identity.id);
	return jsonReply(200, { status: 200 });
};

/**
 * A row of POST /bulk/users follows POST /users: one primary `email` (extra addresses are identities, added after),
 * and `organization_id` is ignored, as the docs list it only for update. Whether the real service applies it on a bulk
 * create is not documented; the writer reads each user back and sets only what did not take.
 */
export const USER_BULK: BulkKind = {
	key: 'users',
	prepare(row, env) {
		const prepared = prepareUser(env, row);
		if (prepared.denied) return { errors: [{ code: 'PERMISSIONS_DENIED', message: prepared.denied }], create() {} };
		const input = prepared.input;
		return { errors: prepared.errors, create: () => input && createUser(env.state, input, env.now) };
	}
};

export function registerUserRoutes(router: Router<Handler>): void {
	router
		.add('GET', '/users', listUsers)
		.add('POST', '/users', createOne)
		.add('PUT', '/users', updateMany)
		.add('GET', '/users/:id', (context) => resourceReply(context, 'user', Number(context.params.id)))
		.add('PUT', '/users/:id', updateOne)
		.add('DELETE', '/users/:id', deleteOne)
		.add('POST', '/bulk/users', (context) => startBulkJob(context, 'users', USER_BULK))
		.add('GET', '/identities/emails', listEmails)
		.add('POST', '/identities/emails', addEmail)
		.add('GET', '/identities/emails/:id', (context) => resourceReply(context, 'identity_email', Number(context.params.id)))
		.add('DELETE', '/identities/emails/:id', deleteEmail);
	registerUserNoteRoutes(router);
}
