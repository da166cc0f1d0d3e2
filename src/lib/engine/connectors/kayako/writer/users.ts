// Users: customers and staff (role from /roles, teams), matched by e-mail when Kayako already has them, never duplicated.
import { because } from '../../../reports/reasons/because';
import { MigrationError } from '../../../errors';
import type { User } from '../../../model';
import type { KayakoSession } from '../session';
import { chunks, listAll, type WriteContext, type WriteWarning, type Written } from './context';
import { convertFieldValues } from './field-values';
import { referenceData, roleIdFor, type ReferenceData } from './reference-data';
import { addAvatar } from './user-avatar';
import { addSocialNote } from './user-social';

interface KayakoUser {
	id: number;
	legacy_id: string | null;
	emails?: ({ email?: string } | { id: number })[];
}

/** Kayako refused the address itself (not an e-mail address): the user can still come, without it. */
export function isInvalidEmail(error: unknown): boolean {
	return error instanceof MigrationError && error.info.code === 'FIELD_INVALID' && (error.info.parameter ?? '').split(',').includes('email');
}

export function isDuplicateEmail(error: unknown): boolean {
	return error instanceof MigrationError && error.info.code === 'FIELD_DUPLICATE' && (error.info.parameter ?? '').split(',').includes('email');
}

/** Kayako's users read once: by e-mail address (lower-cased) and by the source id this tool left in `legacy_id`. */
export interface KnownUsers {
	byEmail: Map<string, number>;
	byLegacyId: Map<string, number>;
}

/** One pass over the users with their identities gives both indexes (the API documents neither an e-mail nor a `legacy_ids` filter on users). */
export async function loadKnownUsers(session: KayakoSession): Promise<KnownUsers> {
	const known: KnownUsers = { byEmail: new Map(), byLegacyId: new Map() };
	const users = await listAll<KayakoUser>(session, 'users.json', { include: 'identity_email', fields: 'id,legacy_id,emails' });
	for (const user of users) {
		if (user.legacy_id && !known.byLegacyId.has(user.legacy_id)) known.byLegacyId.set(user.legacy_id, user.id);
		for (const identity of user.emails ?? []) if ('email' in identity && identity.email) known.byEmail.set(identity.email.toLowerCase(), user.id);
	}
	return known;
}

/** Every Kayako user's e-mail addresses (lower-cased) -> user id; one pass over the users with their identities. */
export async function loadUsersByEmail(session: KayakoSession): Promise<Map<string, number>> {
	return (await loadKnownUsers(session)).byEmail;
}

/**
 * The Kayako user who has this e-mail address. The API documents no e-mail filter on users,
 * so this reads every user once; call `loadUsersByEmail` yourself to look up many.
 */
export async function findUserByEmail(session: KayakoSession, email: string): Promise<number | undefined> {
	return (await loadUsersByEmail(session)).get(email.trim().toLowerCase());
}

/** Reconciliation after a crash: source id -> Kayako id of the users that already exist. */
export async function findUsersByLegacyIds(session: KayakoSession, ids: readonly string[]): Promise<Map<string, number>> {
	const found = new Map<string, number>();
	for (const chunk of chunks(ids, 100)) {
		for (const user of await listAll<KayakoUser>(session, 'users.json', { legacy_ids: chunk.join(','), fields: 'id,legacy_id' })) if (user.legacy_id) found.set(user.legacy_id, user.id);
	}
	return found;
}

function teamIds(ctx: Pick<WriteContext, 'resolve'>, user: User): number[] {
	return user.teamIds.map((id) => ctx.resolve('teams', id)).filter((id): id is number => id !== undefined);
}

/** The user's e-mail addresses as Kayako holds them now (lower-cased). */
async function emailsOf(session: KayakoSession, kayakoId: number): Promise<Set<string>> {
	const identities = await listAll<{ email?: string }>(session, 'identities/emails.json', { user_id: kayakoId });
	return new Set(identities.map((identity) => identity.email?.trim().toLowerCase()).filter((email): email is string => !!email));
}

/** Adds the addresses after the primary that the user does not have yet; one another Kayako user owns is left out with a warning. */
async function addExtraEmails(session: KayakoSession, user: User, kayakoId: number, has: ReadonlySet<string>, warnings: WriteWarning[]): Promise<void> {
	for (const email of user.emails.slice(1)) {
		if (has.has(email.trim().toLowerCase())) continue;
		try {
			await session.request({ method: 'POST', path: 'identities/emails.json', json: { user_id: kayakoId, email, is_primary: false } });
		} catch (error) {
			if (!(error instanceof MigrationError) || error.info.kind !== 'invalid-request') throw error;
			warnings.push({ sourceId: user.id, message: because('extra-address-refused', { email, detail: error.info.helpdeskMessage ?? error.message }) });
		}
	}
}

/** What Kayako holds of a user, as read back by legacy id after a bulk create: its organization and its addresses (lower-cased). */
export interface HeldUser {
	id: number;
	organizationId: number | null;
	emails: Set<string>;
}

interface KayakoUserHeld extends KayakoUser {
	organization?: { id: number } | number | null;
}

/** The users Kayako holds under these legacy ids, with their organization and addresses: one read per 100, no request per user. */
export async function readUsersByLegacyIds(session: KayakoSession, ids: readonly string[]): Promise<Map<string, HeldUser>> {
	const found = new Map<string, HeldUser>();
	for (const chunk of chunks(ids, 100)) {
		const users = await listAll<KayakoUserHeld>(session, 'users.json', { legacy_ids: chunk.join(','), include: 'identity_email', fields: 'id,legacy_id,organization,emails' });
		for (const user of users) {
			if (!user.legacy_id || found.has(user.legacy_id)) continue;
			const organization = user.organization;
			const emails = (user.emails ?? []).map((identity) => ('email' in identity ? identity.email?.trim().toLowerCase() : undefined)).filter((email): email is string => !!email);
			found.set(user.legacy_id, { id: user.id, organizationId: typeof organization === 'number' ? organization : (organization?.id ?? null), emails: new Set(emails) });
		}
	}
	return found;
}

/**
 * The steps of a user's create after the first request: the organization (PUT, as the API documents it only on update),
 * the extra e-mail addresses, the source picture as avatar and the social note. Each is safe to repeat: a user found again after a lost answer or a crash is finished
 * with this, and an address it has already is not added twice. `fresh`: the user was created just now and has only
 * its primary address, so Kayako need not be asked. `held`: what Kayako was read to hold of the user (after a bulk
 * create): the organization is set only when it did not take, and only the missing addresses are added.
 */
export async function finishUser(ctx: Pick<WriteContext, 'session' | 'resolve'> & Partial<Pick<WriteContext, 'options' | 'download'>>, user: User, kayakoId: number, fresh = false, held?: HeldUser): Promise<WriteWarning[]> {
	const warnings: WriteWarning[] = [];
	const organizationId = user.organizationId ? ctx.resolve('organizations', user.organizationId) : undefined;
	if (organizationId !== undefined && held?.organizationId !== organizationId) await ctx.session.request({ method: 'PUT', path: `users/${kayakoId}.json`, json: { organization_id: organizationId } });
	else if (organizationId === undefined && user.organizationId) warnings.push({ sourceId: user.id, message: because('organization-not-migrated', { id: user.organizationId }) });
	if (user.emails.length > 1) {
		const primary = user.emails[0]!.trim().toLowerCase();
		const has = held ? held.emails : fresh ? new Set([primary]) : await emailsOf(ctx.session, kayakoId);
		await addExtraEmails(ctx.session, user, kayakoId, has, warnings);
	}
	const avatar = await addAvatar(ctx, user, kayakoId, fresh, warnings);
	await addSocialNote(ctx.session, user, kayakoId, fresh, warnings, ctx.options?.words, avatar);
	return warnings;
}

/** The Kayako role of the user's kind; a role Kayako lacks fails the user with a sentence saying so. */
function roleIdOf(data: ReferenceData, user: User): number {
	const roleId = roleIdFor(data, user.role);
	if (roleId === undefined) throw new MigrationError({ kind: 'invalid-request', message: `Kayako has no role for "${user.role}" users; user ${user.id} was not created.` });
	return roleId;
}

/** The body of a user's create, the same for POST /users and a row of POST /bulk/users; warnings for values that did not fit. */
export function userRow(ctx: Pick<WriteContext, 'resolve' | 'fieldTarget'>, user: User, roleId: number): { body: Record<string, unknown>; warnings: WriteWarning[] } {
	const primary = user.emails[0]?.trim();
	const staff = user.role !== 'customer';
	const { fieldValues, warnings } = convertFieldValues(user.id, user.fields, ctx.fieldTarget, 'user');
	const teams = teamIds(ctx, user);
	if (staff && teams.length === 0) throw new MigrationError({ kind: 'invalid-request', message: `Kayako needs at least one team for the staff member ${user.name} (${user.id}); none of their groups was migrated.` });
	const body: Record<string, unknown> = {
		full_name: user.name.trim() || primary || `User ${user.id}`,
		role_id: roleId,
		legacy_id: user.id,
		...(primary && { email: primary }),
		...(staff && { team_ids: teams.join(',') }),
		...(user.timeZone && { time_zone: user.timeZone }),
		...(user.tags.length > 0 && { tags: user.tags.join(',') }),
		...(Object.keys(fieldValues).length > 0 && { field_values: fieldValues })
	};
	return { body, warnings };
}

/**
 * Creates the user, or matches the existing Kayako user with the same primary e-mail (Kayako keeps an address unique).
 * A matched user is not changed. The organization and extra addresses follow the create (`finishUser`).
 * Deactivated users are created enabled: disable them after their tickets are imported (`disableUser`).
 */
export async function createUser(ctx: Pick<WriteContext, 'session' | 'resolve' | 'fieldTarget'> & Partial<Pick<WriteContext, 'options' | 'download'>>, user: User, knownEmails?: Map<string, number>): Promise<Written> {
	const primary = user.emails[0]?.trim();
	const known = primary ? knownEmails?.get(primary.toLowerCase()) : undefined;
	if (known !== undefined) return { id: known, warnings: [{ sourceId: user.id, message: because('matched-existing-user', { email: primary ?? '' }) }], matched: true };
	const { body, warnings } = userRow(ctx, user, roleIdOf(await referenceData(ctx.session), user));
	let id: number;
	try {
		id = await postUser(ctx, body, primary, warnings, user.id);
	} catch (error) {
		const existing = primary && isDuplicateEmail(error) ? await findUserByEmail(ctx.session, primary) : undefined;
		if (existing === undefined) throw error;
		knownEmails?.set(primary!.toLowerCase(), existing);
		return { id: existing, warnings: [{ sourceId: user.id, message: because('matched-existing-user', { email: primary ?? '' }) }], matched: true };
	}
	if (primary) knownEmails?.set(primary.toLowerCase(), id);
	warnings.push(...(await finishUser(ctx, user, id, true)));
	return { id, warnings };
}

/**
 * POST /users; an address Kayako refuses as not an e-mail address (junk an old import left) does not cost the user and
 * their tickets: the user is created without it, and the report names the address.
 */
async function postUser(ctx: Pick<WriteContext, 'session'>, body: Record<string, unknown>, primary: string | undefined, warnings: WriteWarning[], sourceId: string): Promise<number> {
	try {
		return (await ctx.session.request<{ id: number }>({ method: 'POST', path: 'users.json', json: body })).data.id;
	} catch (error) {
		if (!primary || !isInvalidEmail(error)) throw error;
		const { email: _refused, ...withoutEmail } = body;
		warnings.push({ sourceId, message: because('address-refused', { email: primary }) });
		return (await ctx.session.request<{ id: number }>({ method: 'POST', path: 'users.json', json: withoutEmail })).data.id;
	}
}

/** For departed agents, after their tickets are in: whether a disabled user may author imported posts is undocumented. */
export async function disableUser(session: KayakoSession, id: number): Promise<void> {
	await session.request({ method: 'PUT', path: `users/${id}.json`, json: { is_enabled: false } });
}
