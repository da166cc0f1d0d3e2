// A source page of customers or organizations in one bulk create: what needs no create is decided one by one, the rest is marked pending, sent together with its job kept, and marked.
import { MigrationError } from '../errors';
import type { Organization, SourceId, User } from '../model';
import { noteSeen } from '../reports/labels';
import { plainReason } from '../reports/reasons/because';
import type { KayakoId } from '../store';
import { keyOf, type RunContext } from './context';
import { beforeUserCreate, isAgent, migrateOrganization, migrateUser, settle } from './entities';
import { contentHash } from './hash';
import { matchMadeBefore } from './made-before';
import { isFatal, isMigrated, isTransient, reasonOf, type StepResult } from './record-step';
import type { ReferenceResolver } from './references';
import type { PeopleOutcome, References } from './target';
import { StoredTicketJobs, type TicketJobs } from './ticket-jobs';

type PeopleKind = 'users' | 'organizations';
type Send<T> = (records: T[], refs: References, jobs: TicketJobs) => Promise<Map<SourceId, PeopleOutcome>>;

/**
 * Whether the record may go into a bulk create: not when it is migrated (already, or a delta's update) or failed
 * earlier in this run; those take the one-by-one step, which sends nothing for them or updates.
 */
async function toCreate(context: RunContext, kind: PeopleKind, sourceId: SourceId): Promise<boolean> {
	const row = await context.store.getIdMapRow(keyOf(context, kind, sourceId));
	return !isMigrated(row) && !(row?.status === 'failed' && row.runId === context.run.id);
}

/** The users stream's page: customers to create go to the target together; staff, and anyone already decided, one by one as before. */
export async function migrateUserPage(context: RunContext, resolver: ReferenceResolver, users: readonly User[], neededByTicket = false): Promise<void> {
	const send = context.target.customers?.bind(context.target);
	const batch: User[] = [];
	for (const user of users) {
		await context.control.checkpoint();
		if (!send || isAgent(user) || !(await toCreate(context, 'users', user.id))) {
			await migrateUser(context, resolver, user, neededByTicket);
			continue;
		}
		resolver.people.remember(user);
		const before = await beforeUserCreate(context, resolver, user, neededByTicket);
		if ('decided' in before) settle(context, resolver, 'users', user.id, before.decided);
		else batch.push(user);
	}
	if (send) await createTogether(context, resolver, 'users', batch, send, (user) => migrateUser(context, resolver, user, neededByTicket));
}

/**
 * A user a ticket needs now, created on the spot. A customer whose pending row keeps a bulk job of an earlier run goes
 * the batch's way, which follows that job to its end first: the one-at-a-time step looks the user up once and, with
 * the job still running, would create the user a second time.
 */
export async function migrateNeededUser(context: RunContext, resolver: ReferenceResolver, user: User): Promise<KayakoId | undefined> {
	const key = keyOf(context, 'users', user.id);
	const row = await context.store.getIdMapRow(key);
	if (!context.target.customers || isAgent(user) || row?.status !== 'pending' || row.jobId === undefined) return (await migrateUser(context, resolver, user, true)).kayakoId;
	await migrateUserPage(context, resolver, [user], true);
	const after = await context.store.getIdMapRow(key);
	return isMigrated(after) ? after.kayakoId : undefined;
}

/** The organizations stream's page: those to create go to the target together. */
export async function migrateOrganizationPage(context: RunContext, resolver: ReferenceResolver, organizations: readonly Organization[]): Promise<void> {
	const send = context.target.organizations?.bind(context.target);
	const batch: Organization[] = [];
	for (const organization of organizations) {
		await context.control.checkpoint();
		if (!send || !(await toCreate(context, 'organizations', organization.id))) {
			await migrateOrganization(context, resolver, organization);
			continue;
		}
		noteSeen(context.run.id, 'organizations', organization.id, organization);
		const made = await matchMadeBefore(context, 'organizations', organization.id, organization);
		if (made) settle(context, resolver, 'organizations', organization.id, made);
		else batch.push(organization);
	}
	if (send) await createTogether(context, resolver, 'organizations', batch, send, (organization) => migrateOrganization(context, resolver, organization));
}

/**
 * The bulk create: every row pending before the send, the target's jobs kept with them (a crash waits for the same job),
 * each outcome marked. A record Kayako may still create (its job outlived the wait) fails for this run and keeps the
 * job; one whose outcome is in doubt, or that Kayako holds with a step left undone, goes alone: the one-by-one step
 * looks its pending row up in Kayako before anything is sent again, and finishes what it finds.
 */
async function createTogether<T extends { id: SourceId }>(context: RunContext, resolver: ReferenceResolver, kind: PeopleKind, records: T[], send: Send<T>, alone: (record: T) => Promise<StepResult>): Promise<void> {
	if (records.length === 0) return;
	const keys = records.map((record) => keyOf(context, kind, record.id));
	const jobs = await StoredTicketJobs.of(context, keys, true);
	await context.store.markPending(context.run.id, keys);
	let outcomes: Map<SourceId, PeopleOutcome>;
	try {
		outcomes = await send(records, resolver.references(context.options.defaultAgentId), jobs);
	} catch (error) {
		if (isFatal(error)) throw error;
		// The batch as a whole failed: one by one, each looked up first, so one bad record cannot sink the others.
		for (const record of records) {
			if (jobs.unfinished(record.id) !== undefined) await fail(context, resolver, kind, record.id, error);
			else await alone(record);
		}
		return;
	}
	for (const [index, record] of records.entries()) {
		const outcome = outcomes.get(record.id);
		if (outcome?.ok) {
			await context.store.markMigrated(context.run.id, [{ ...keys[index]!, kayakoId: outcome.kayakoId, contentHash: contentHash(record), matched: outcome.matched, note: outcome.note }]);
			settle(context, resolver, kind, record.id, { outcome: 'migrated', kayakoId: outcome.kayakoId, reason: outcome.note });
			continue;
		}
		const error = new MigrationError(outcome?.error ?? { kind: 'malformed-response', message: `Kayako answered the batch without a result for ${kind === 'users' ? 'user' : 'organization'} ${record.id}.` });
		if (isFatal(error)) throw error;
		const made = outcome !== undefined && 'made' in outcome;
		if (jobs.unfinished(record.id) === undefined && (made || isTransient(error))) await alone(record);
		else await fail(context, resolver, kind, record.id, error);
	}
}

async function fail(context: RunContext, resolver: ReferenceResolver, kind: PeopleKind, sourceId: SourceId, error: unknown): Promise<void> {
	const reason = reasonOf(error);
	await context.store.markFailed(context.run.id, [{ ...keyOf(context, kind, sourceId), reason }]);
	await context.log('warn', `${kind} ${sourceId} failed: ${plainReason(reason)}`, { kind, sourceId });
	settle(context, resolver, kind, sourceId, { outcome: 'failed', reason });
}
