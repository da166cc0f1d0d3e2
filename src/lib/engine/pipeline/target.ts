// The port the pipeline writes through: canonical records in, Kayako ids out. The Kayako writer implements it.
import type { ErrorInfo } from '../errors';
import type { Article, FieldDefinition, KbCategory, KbSection, Organization, RecordKind, SourceId, Team, TicketBundle, User } from '../model';
import type { KayakoId } from '../store';
import type { TicketJobs } from './ticket-jobs';

/** The kinds a record can reference, resolved by the pipeline before the writer is called. */
export type ReferenceKind = 'teams' | 'fields' | 'organizations' | 'users' | 'kb-categories' | 'kb-sections' | 'articles';

/** What the writer may ask about records migrated before: every reference it needs is resolved already. */
export interface References {
	kayakoId(kind: ReferenceKind, sourceId: SourceId): KayakoId | undefined;
	/** A user the pipeline chose to stand in for a departed agent or a deleted requester. */
	readonly defaultAgentId?: KayakoId;
	/** A source user's name and e-mail, for what the writer writes about them (bylines, event notes); undefined when unknown. */
	person?(sourceId: SourceId): { name?: string; email?: string } | undefined;
}

export interface Written {
	kayakoId: KayakoId;
	/** The record existed in Kayako already and was matched (e.g. a user by e-mail); rollback leaves it alone. */
	matched?: boolean;
	/** Something the report should mention, e.g. a value that did not fit its field. */
	note?: string;
}

export type BatchOutcome = ({ ok: true } & Written) | { ok: false; error: ErrorInfo };

/** A record of a bulk create of people: `made` when the target holds it but a step after the create failed (finished again one by one). */
export type PeopleOutcome = BatchOutcome | { ok: false; error: ErrorInfo; made: KayakoId };

/** What an earlier attempt left of a ticket's re-import: the case it replaces, the job the target accepted, or how long ago it sent. */
export interface OpenReimport {
	oldKayakoId: KayakoId;
	jobId?: number;
	agoMs?: number;
}

/** A delta's re-import of changed tickets: the new case is found and checked before the old one goes to the trash. */
export interface ReimportTarget {
	/** The new case of each ticket, waiting for its job or the rest of a settle period first; the old case never counts. */
	find(open: ReadonlyMap<SourceId, OpenReimport>): Promise<{ found: Map<SourceId, KayakoId>; unfinished: Set<SourceId> }>;
	/** Does the case hold at least this many posts (all it was sent with)? */
	complete(kayakoId: KayakoId, posts: number): Promise<boolean>;
	/** Moves a case to the target's trash, from where it can be restored. */
	trash(kayakoId: KayakoId): Promise<void>;
	/** Takes a case back out of the trash: a rollback of the re-import. */
	restore(kayakoId: KayakoId): Promise<void>;
}

export interface TargetWriter {
	team(team: Team, refs: References): Promise<Written>;
	field(field: FieldDefinition, refs: References): Promise<Written>;
	organization(organization: Organization, refs: References): Promise<Written>;
	user(user: User, refs: References): Promise<Written>;
	/**
	 * Creates the tickets with all their comments in as few requests as the target allows; one outcome per ticket id.
	 * `jobs`: where the bulk jobs are kept, so a job the target accepted is waited for instead of sending again.
	 */
	tickets(bundles: TicketBundle[], refs: References, jobs?: TicketJobs): Promise<Map<SourceId, BatchOutcome>>;
	/**
	 * Customers (never staff) and organizations in as few requests as the target allows, each with every step of its
	 * create done; one outcome per source id. `jobs`: where the bulk jobs are kept, as for tickets. Targets without
	 * bulk creates leave these out, and the pipeline creates one at a time.
	 */
	customers?(users: User[], refs: References, jobs: TicketJobs): Promise<Map<SourceId, PeopleOutcome>>;
	organizations?(organizations: Organization[], refs: References, jobs: TicketJobs): Promise<Map<SourceId, PeopleOutcome>>;
	kbCategory(category: KbCategory, refs: References): Promise<Written>;
	kbSection(section: KbSection, refs: References): Promise<Written>;
	article(article: Article, refs: References): Promise<Written>;

	/**
	 * The steps of a user's create after the first request (organization, extra e-mail addresses), for a user found in
	 * Kayako after its create answer was lost or a crash cut the create short. Each step is safe to repeat.
	 */
	finish?(kind: 'users', kayakoId: KayakoId, record: User, refs: References): Promise<Written>;

	/** Delta: brings a record migrated before up to date (changed fields, status, name, ...). */
	update(kind: 'organizations' | 'users' | 'articles', kayakoId: KayakoId, record: Organization | User | Article, refs: References): Promise<Written>;
	/** Delta: appends the comments that are new since the ticket was migrated, and updates its changed properties. */
	updateTicket(kayakoId: KayakoId, bundle: TicketBundle, newComments: TicketBundle['comments'], refs: References): Promise<Written>;
	/** Delta, when the user chose re-import: the ticket is imported anew with `tickets` (its jobs name the case it replaces), then this. */
	reimport?: ReimportTarget;

	/**
	 * The second pass for links between articles, once every article is in: points the article's links to the
	 * given source addresses at those articles' new addresses. Says whether anything changed; a second call changes nothing.
	 */
	relinkArticle(kayakoId: KayakoId, links: ReadonlyMap<string, KayakoId>): Promise<boolean>;
	/** Disables a user the tool created enabled (an inactive source user), once their tickets and posts are in. */
	disableUser(kayakoId: KayakoId): Promise<void>;

	/** A record an earlier run migrated, shown to the writer again (fields: so it knows their keys and options). */
	adopt?(kind: 'fields', record: FieldDefinition, kayakoId: KayakoId): Promise<void>;
	/** A source field the user matched to an existing target field: nothing is created; values go there, options as mapped. */
	matchField?(record: FieldDefinition, kayakoId: KayakoId, options?: Readonly<Record<string, number>>): Promise<void>;

	/**
	 * The records of these source ids that a create before a crash or a lost answer did make: looked up in
	 * the target by the marker the writer leaves (legacy_id, e-mail, name). Asked before any create is retried.
	 */
	findExisting(kind: RecordKind, records: { sourceId: SourceId; record?: unknown }[]): Promise<Map<SourceId, KayakoId>>;
	/**
	 * Before a record's first create: the Kayako record this tool made before with this source id (another migration,
	 * a state started afresh), by the marker it leaves. Kinds the target cannot look up answer undefined.
	 */
	findMadeBefore?(kind: RecordKind, sourceId: SourceId): Promise<KayakoId | undefined>;
	/** Deletes what the tool created, for rollback; a record that is gone already is not an error. */
	remove(kind: RecordKind, kayakoId: KayakoId): Promise<void>;
}
