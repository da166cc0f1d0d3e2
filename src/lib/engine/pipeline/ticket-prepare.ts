// A ticket made ready to send: its comments read, every person, organisation and team it names brought into Kayako first.
import { mapAtOnce } from '../at-once';
import type { SourceId, Ticket, TicketBundle } from '../model';
import type { IdMapKey, IdMapRow } from '../store';
import { keyOf, type RunContext } from './context';
import { contentHash } from './hash';
import { repeatWithinBudget, type StepResult } from './record-step';
import { HeldReferences, type ReferenceResolver } from './references';
import { namedInEvents } from './stand-in-notes';
import { nameOf, personOf } from '../reports/labels';
import { because, plainReason } from '../reports/reasons/because';
import type { PersonRole } from '../reports/reasons/codes';

export interface Prepared {
	bundle: TicketBundle;
	key: IdMapKey;
	hash: string;
	/** What the report says about this ticket's references (a departed agent replaced, ...). */
	notes: string[];
	/** The ticket's id-map row as it was before this attempt wrote to it. */
	row: IdMapRow | undefined;
	/** The ids and names its references resolved to, for the writer when the ticket is sent. */
	held: HeldReferences;
}

/** What a ticket's content hash covers: the ticket and which comments it has. */
export function hashed(ticket: Ticket, commentIds: string[]): unknown {
	return { ticket, comments: commentIds };
}

export function partsOf(prepared: Prepared): string[] {
	return prepared.bundle.comments.map((comment) => comment.id);
}

export function noteOf(prepared: Prepared, writerNote?: string): string | undefined {
	return [...prepared.notes, writerNote].filter(Boolean).join(' ') || undefined;
}

export function count(context: RunContext, outcome: StepResult['outcome']): void {
	context.progress.count('tickets', outcome);
	context.report();
}

/** Reads the comments, brings every referenced user, organisation and team into Kayako, and notes substitutions. */
async function prepare(context: RunContext, resolver: ReferenceResolver, ticket: Ticket): Promise<Prepared> {
	const comments = await context.source.comments(ticket.id, context.control.signal);
	const notes: string[] = [];
	const held = new HeldReferences();
	const missing = new Map<SourceId, PersonRole[]>();
	const person = async (role: PersonRole | undefined, id: SourceId | undefined): Promise<void> => {
		if (id === undefined) return;
		const kayakoId = await resolver.ensure('users', id, held);
		if (kayakoId === undefined && role && !missing.get(id)?.includes(role)) missing.set(id, [...(missing.get(id) ?? []), role]);
	};
	await person('requester', ticket.requesterId);
	await person(undefined, ticket.submitterId);
	await person('assignee', ticket.assigneeId);
	await resolver.ensure('organizations', ticket.organizationId, held);
	if (ticket.teamId && (await resolver.ensure('teams', ticket.teamId, held)) === undefined) notes.push(because('group-not-migrated', { id: ticket.teamId, name: await nameOf(context.run.id, context.store, context.run.migrationId, 'teams', ticket.teamId) }));
	const authors = new Set(comments.map((comment) => comment.authorId).filter((id): id is SourceId => id !== undefined));
	for (const author of authors) await person('comment-author', author);
	for (const follower of ticket.followerIds) await resolver.ensure('users', follower, held);
	// Posts by people who did not move, and event notes, name people: the writer needs their names now.
	await resolver.people.learn([...missing.keys(), ...namedInEvents(comments)], held);
	// One sentence per person, naming every part they had on the ticket.
	for (const [id, roles] of missing) notes.push(because('person-not-migrated', { person: await personOf(context.run.id, context.store, context.run.migrationId, id), roles, standIn: context.options.defaultAgentId !== undefined }));
	for (const fieldId of Object.keys(ticket.fields)) await resolver.lookup('fields', fieldId, held);
	const key = keyOf(context, 'tickets', ticket.id);
	return {
		bundle: { ticket, comments },
		key,
		row: await context.store.getIdMapRow(key),
		hash: contentHash(hashed(ticket, comments.map((comment) => comment.id))),
		notes: [...new Set(notes)],
		held
	};
}

/**
 * `prepare` within the record's budget: a passing failure (a garbled answer, a 503) is tried again; what still
 * fails then fails this ticket alone, with its reason, and the run goes on. Fatal errors (login, proxy, storage, cancel) stop the run.
 */
export async function prepareOrFail(context: RunContext, resolver: ReferenceResolver, ticket: Ticket): Promise<Prepared | undefined> {
	const result = await repeatWithinBudget(context, () => prepare(context, resolver, ticket));
	if (result.ok) return result.value;
	const reason = because('prepare-failed', { detail: result.reason });
	await context.store.markFailed(context.run.id, [{ ...keyOf(context, 'tickets', ticket.id), reason }]);
	await context.log('warn', `tickets ${ticket.id} failed: ${plainReason(reason)}`, { kind: 'tickets', sourceId: ticket.id });
	count(context, 'failed');
	return undefined;
}

/**
 * Prepares tickets `pool` at a time (their requests wait in the HTTP limiter's queue, which follows the helpdesk's
 * answers; the pool bounds what is held at once). Before each ticket `gate` runs: the place to pause or stop.
 * `ready` gets each prepared ticket as it is done; one that could not be prepared is failed with its reason.
 */
export async function preparePooled(context: RunContext, resolver: ReferenceResolver, tickets: readonly Ticket[], gate: () => Promise<void>, ready: (prepared: Prepared) => Promise<void>): Promise<void> {
	// A fatal error (cancel, login, storage) stops the pool: no other ticket is taken, the running ones are waited for.
	await mapAtOnce(tickets, context.options.ticketPool, async (ticket) => {
		await gate();
		const prepared = await prepareOrFail(context, resolver, ticket);
		if (prepared) await ready(prepared);
	});
}
