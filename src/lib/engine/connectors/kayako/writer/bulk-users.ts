// Customers in bulk: rows of POST /bulk/users, read back by legacy id, then only what did not take (organization, extra addresses) is set.
import { mapAtOnce } from '../../../at-once';
import { because } from '../../../reports/reasons/because';
import { MigrationError, toErrorInfo, type ErrorInfo } from '../../../errors';
import type { User } from '../../../model';
import { createInBulk, laterRound, rowError, type PeopleJobs, type PeopleKind, type PeopleRow, type PeopleRowEnd } from './bulk-people';
import { noteOfWarnings, type WriteContext, type WriteWarning } from './context';
import { referenceData, roleIdFor } from './reference-data';
import { createUser, findUserByEmail, finishUser, isDuplicateEmail, isInvalidEmail, readUsersByLegacyIds, userRow, type HeldUser } from './users';

type Ctx = Pick<WriteContext, 'session' | 'resolve' | 'fieldTarget' | 'options'> & Partial<Pick<WriteContext, 'download'>>;

/** One customer's end: in Kayako (created or matched by e-mail), or why not. `made`: Kayako holds the user, but a step after the create failed. */
export type BulkUserEnd = { ok: true; id: number; warnings: WriteWarning[]; matched?: boolean } | { ok: false; error: ErrorInfo; made?: number };

const USERS: PeopleKind<HeldUser> = { key: 'users', find: readUsersByLegacyIds };

function matchedEnd(user: User, id: number): BulkUserEnd {
	return { ok: true, id, matched: true, warnings: [{ sourceId: user.id, message: because('matched-existing-user', { email: user.emails[0]?.trim() ?? '' }) }] };
}

/** The row as Kayako refused it, as the single create's error, so the same rules apply (an address refused, an address taken). */
function refusal(end: PeopleRowEnd<HeldUser>): MigrationError | undefined {
	return !end.ok && end.rowErrors ? rowError(end.rowErrors, 'the user') : undefined;
}

/**
 * Creates customers (never staff: they need their role and teams, one by one) with POST /bulk/users, with their
 * organization in the row when it is in Kayako already. Whether Kayako applies `organization_id` on a bulk create is
 * not documented: each user is read back by legacy id, and only a user whose organization did not take gets the PUT,
 * only missing addresses are added. A customer whose primary address Kayako has already is matched, not created.
 * A row refused for its address is sent again without it (the report names the address), as POST /users does.
 */
export async function createCustomersInBulk(ctx: Ctx, users: readonly User[], knownEmails: Map<string, number>, jobs?: PeopleJobs): Promise<Map<string, BulkUserEnd>> {
	const out = new Map<string, BulkUserEnd>();
	const roleId = roleIdFor(await referenceData(ctx.session), 'customer');
	if (roleId === undefined) throw new MigrationError({ kind: 'invalid-request', message: 'Kayako has no role for customers; no customer was created. Check the roles in Kayako (Admin > Roles).' });
	const rows: PeopleRow[] = [];
	const warnings = new Map<string, WriteWarning[]>();
	for (const user of users) {
		// A user an earlier attempt sent is ours if Kayako has it: looked up by legacy id, not matched by its address.
		const sentBefore = jobs?.started.has(user.id) || jobs?.unsure?.has(user.id);
		const known = sentBefore ? undefined : knownEmails.get(user.emails[0]?.trim().toLowerCase() ?? '');
		if (known !== undefined) {
			out.set(user.id, matchedEnd(user, known));
			continue;
		}
		const row = userRow(ctx, user, roleId);
		const organizationId = user.organizationId ? ctx.resolve('organizations', user.organizationId) : undefined;
		if (organizationId !== undefined) row.body.organization_id = organizationId;
		warnings.set(user.id, row.warnings);
		rows.push({ sourceId: user.id, body: row.body, note: noteOfWarnings(row.warnings) });
	}
	const ends = await createInBulk(ctx, USERS, rows, jobs);
	// Sent again without the address Kayako refused: the user and their tickets still come.
	const again = rows.filter((row) => isInvalidEmail(refusal(ends.get(row.sourceId)!)));
	for (const row of again) warnings.get(row.sourceId)!.push({ sourceId: row.sourceId, message: because('address-refused', { email: String(row.body.email) }) });
	const withoutEmail = again.map((row) => ({ sourceId: row.sourceId, body: Object.fromEntries(Object.entries(row.body).filter(([key]) => key !== 'email')), note: noteOfWarnings(warnings.get(row.sourceId)!) }));
	if (withoutEmail.length > 0) for (const [sourceId, end] of await createInBulk(ctx, USERS, withoutEmail, laterRound(jobs))) ends.set(sourceId, end);

	const toFinish = users.filter((user) => ends.has(user.id));
	const finished = await mapAtOnce(toFinish, FINISHING_AT_ONCE, (user) => finishEnd(ctx, user, ends.get(user.id)!, warnings.get(user.id) ?? [], knownEmails));
	for (const [index, user] of toFinish.entries()) out.set(user.id, finished[index]!);
	return out;
}

/** How many users are finished at once: each user's steps stay in order; the HTTP layer's limiter keeps Kayako's pace. */
const FINISHING_AT_ONCE = 8;

async function finishEnd(ctx: Ctx, user: User, end: PeopleRowEnd<HeldUser>, warnings: WriteWarning[], knownEmails: Map<string, number>): Promise<BulkUserEnd> {
	const primary = user.emails[0]?.trim();
	if (!end.ok) {
		// Kayako does not take the bulk endpoint from this account: the single create, which finishes the user itself.
		if (end.refused) return single(ctx, user, knownEmails);
		// An address another Kayako user has: that user is the customer, as POST /users would find.
		if (primary && isDuplicateEmail(refusal(end))) {
			const existing = await findUserByEmail(ctx.session, primary);
			if (existing !== undefined) {
				knownEmails.set(primary.toLowerCase(), existing);
				return matchedEnd(user, existing);
			}
		}
		return { ok: false, error: end.error };
	}
	const held = end.made;
	if (primary) knownEmails.set(primary.toLowerCase(), held.id);
	try {
		warnings.push(...(await finishUser(ctx, user, held.id, end.fresh, held)));
	} catch (error) {
		if (!(error instanceof MigrationError)) throw error;
		return { ok: false, error: error.info, made: held.id };
	}
	return { ok: true, id: held.id, warnings };
}

async function single(ctx: Ctx, user: User, knownEmails: Map<string, number>): Promise<BulkUserEnd> {
	try {
		const written = await createUser(ctx, user, knownEmails);
		return { ok: true, id: written.id, warnings: written.warnings, ...(written.matched && { matched: true }) };
	} catch (error) {
		if (!(error instanceof MigrationError)) throw error;
		return { ok: false, error: toErrorInfo(error) };
	}
}
