// The port every source helpdesk implements: streams of canonical records, page by page, each page resumable.
import type {
	Article,
	Attachment,
	Comment,
	FieldDefinition,
	KbCategory,
	KbSection,
	Organization,
	SourceId,
	Team,
	Ticket,
	User
} from '../model';

/** What one page of a stream holds, and where to pick up after it. */
export interface Page<T> {
	records: T[];
	/** Opaque to the pipeline; handed back to `read*` to resume after this page. Null when the source cannot resume mid-stream. */
	checkpoint: string | null;
	/** True on the last page the source has right now (an incremental export may grow later). */
	done: boolean;
}

export interface ReadOptions {
	/** The checkpoint of the last page that was fully handled. */
	after?: string | null;
	/** Only records created or updated at or after this time (ISO 8601), for delta runs. */
	since?: string;
	signal?: AbortSignal;
}

/** Who the source says we are, for the connect step. */
export interface SourceAccount {
	host: string;
	userName: string;
	email: string;
	role: string;
}

export type CountedEntity = 'tickets' | 'users' | 'organizations' | 'teams' | 'fields' | 'articles';

/** An organisation as a picker shows it. */
export interface NamedOrganization {
	id: SourceId;
	name: string;
}

export interface OrganizationMatches {
	organizations: NamedOrganization[];
	/** How many organizations start with those letters; more than `organizations` holds when the first page could not take them all. */
	total: number;
}

export interface SourceConnector {
	readonly platform: string;
	readonly host: string;
	testConnection(): Promise<SourceAccount>;
	/** How many records the select step will show; undefined when the source cannot tell cheaply. */
	count(entity: CountedEntity, signal?: AbortSignal): Promise<number | undefined>;
	/** Agents, admins and light agents, active, deactivated and deleted (active false), for the match step. */
	staff(signal?: AbortSignal): Promise<User[]>;

	teams(options?: ReadOptions): AsyncIterable<Page<Team>>;
	fields(options?: ReadOptions): AsyncIterable<Page<FieldDefinition>>;
	organizations(options?: ReadOptions): AsyncIterable<Page<Organization>>;
	users(options?: ReadOptions): AsyncIterable<Page<User>>;
	tickets(options?: ReadOptions): AsyncIterable<Page<Ticket>>;
	/** Every comment of one ticket, oldest first. */
	comments(ticketId: SourceId, signal?: AbortSignal): Promise<Comment[]>;

	kbCategories(options?: ReadOptions): AsyncIterable<Page<KbCategory>>;
	kbSections(options?: ReadOptions): AsyncIterable<Page<KbSection>>;
	articles(options?: ReadOptions): AsyncIterable<Page<Article>>;

	/** Single reads, for lazy resolution (a ticket's requester that was not migrated yet) and demo sampling. */
	user(id: SourceId, signal?: AbortSignal): Promise<User | undefined>;
	/**
	 * Several single reads at once, where the helpdesk has such a read (a page of tickets names requesters the users
	 * stage skipped). A user it does not answer is not known to be gone: the caller reads that one with `user`.
	 */
	usersById?(ids: readonly SourceId[], signal?: AbortSignal): Promise<User[]>;
	organization(id: SourceId, signal?: AbortSignal): Promise<Organization | undefined>;
	ticket(id: SourceId, signal?: AbortSignal): Promise<Ticket | undefined>;

	/** The attachment's bytes, fetched when needed and never kept longer than one upload. */
	download(attachment: Attachment, signal?: AbortSignal): Promise<Blob>;
	/** The source's web address of a record, for the reports. */
	link(kind: 'tickets' | 'users' | 'organizations' | 'articles', id: SourceId): string | undefined;
	/** Organisations whose name starts with `prefix`, for the options step; only where the helpdesk offers such a search. */
	searchOrganizations?(prefix: string, signal?: AbortSignal): Promise<OrganizationMatches>;
}
