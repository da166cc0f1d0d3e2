// The canonical records: every source maps into these, and the Kayako writer reads nothing else.

/** The entities a migration moves, in dependency order. */
export const ENTITIES = ['teams', 'fields', 'organizations', 'users', 'tickets', 'articles'] as const;
export type Entity = (typeof ENTITIES)[number];

/** Entity kinds a record id can belong to; KB categories and sections ride along with articles. */
export type RecordKind = Entity | 'kb-categories' | 'kb-sections';

/** A source's id as text, whatever the source uses (Zendesk numbers, Help Scout strings). */
export type SourceId = string;

export type FieldValue = string | number | boolean | null | string[];

/** Custom field values keyed by the source field's id. */
export type FieldValues = Record<SourceId, FieldValue>;

export interface Organization {
	id: SourceId;
	name: string;
	domains: string[];
	tags: string[];
	notes?: string;
	fields: FieldValues;
	createdAt?: string;
	updatedAt?: string;
}

export type UserRole = 'customer' | 'agent' | 'admin' | 'light-agent';

export interface User {
	id: SourceId;
	name: string;
	role: UserRole;
	/** False for deactivated agents and deleted users; they are kept so their tickets keep an author. */
	active: boolean;
	suspended: boolean;
	/** The first is the primary address. */
	emails: string[];
	phones: string[];
	organizationId?: SourceId;
	/** For agents: the groups (teams) they belong to. */
	teamIds: SourceId[];
	tags: string[];
	fields: FieldValues;
	locale?: string;
	timeZone?: string;
	notes?: string;
	/** Identities on a social network (Zendesk's Twitter and Facebook users, most of whom have no e-mail). */
	socialProfiles?: SocialProfile[];
	/** The address of the user's picture in the source. */
	photoUrl?: string;
	createdAt?: string;
	updatedAt?: string;
}

export interface SocialProfile {
	network: 'twitter' | 'facebook';
	/** The Twitter screen name, or the Facebook user id. */
	handle: string;
	/** The public profile page. */
	url: string;
}

/** How a ticket or comment came in: the channel, and who sent it to whom, in readable words (an address, a handle). */
export interface Via {
	channel: string;
	from?: string;
	to?: string;
}

export interface Team {
	id: SourceId;
	name: string;
	createdAt?: string;
}

export type FieldEntity = 'ticket' | 'user' | 'organization';

export type FieldType =
	| 'text'
	| 'textarea'
	| 'checkbox'
	| 'date'
	| 'integer'
	| 'decimal'
	| 'regexp'
	| 'dropdown'
	| 'multiselect'
	| 'lookup';

export interface FieldOption {
	/** The value the source stores on records (Zendesk's tag, for example). */
	value: string;
	label: string;
}

export interface FieldDefinition {
	id: SourceId;
	entity: FieldEntity;
	title: string;
	/** The source's own key, when it has one (Zendesk's user/organization field `key`). */
	key?: string;
	type: FieldType;
	options: FieldOption[];
	description?: string;
	active: boolean;
	/** The source's system fields (subject, status, ...) are not custom fields and are never created in Kayako. */
	system: boolean;
	/** For `regexp` fields. */
	pattern?: string;
}

export type TicketStatus = 'new' | 'open' | 'pending' | 'on-hold' | 'solved' | 'closed';
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';
export type TicketType = 'question' | 'incident' | 'problem' | 'task';

export interface Ticket {
	id: SourceId;
	subject: string;
	status: TicketStatus;
	/** The source's own status name, for mapping custom statuses. */
	statusLabel?: string;
	priority?: TicketPriority;
	type?: TicketType;
	requesterId?: SourceId;
	submitterId?: SourceId;
	assigneeId?: SourceId;
	teamId?: SourceId;
	organizationId?: SourceId;
	tags: string[];
	fields: FieldValues;
	/** Addresses copied on the ticket, and the users following it. */
	ccEmails: string[];
	followerIds: SourceId[];
	createdAt: string;
	updatedAt: string;
	solvedAt?: string;
	brand?: string;
	/** Where it came from: email, web, api, chat, ... in the source's words. */
	channel?: string;
	/** The source's web address of the ticket, for the reports. */
	url?: string;
	/** When a task is due (Zendesk's `due_at`). */
	dueAt?: string;
	/** The support address the ticket was sent to (Zendesk's `recipient`), when it is not the account's default one. */
	recipient?: string;
	/** How the ticket came in, with sender and receiver (an address, a Twitter handle, a Facebook profile). */
	via?: Via;
	/** Deleted in the source (in its trash): not moved, and a case moved earlier is closed. */
	deleted?: boolean;
	/** What the source had to interpret on the way (an unknown status read as Open, ...), one sentence each, for the report. */
	notes?: string[];
}

export interface Attachment {
	id: SourceId;
	fileName: string;
	contentType: string;
	size: number;
	/** Where the bytes are fetched (through the proxy). */
	url: string;
	/** Shown inside the body as an image rather than listed below it. */
	inline: boolean;
}

export interface Comment {
	id: SourceId;
	ticketId: SourceId;
	authorId?: SourceId;
	/** Who wrote it when no user did (the helpdesk itself, e.g. Zendesk's system actor): named, never looked up. */
	authorName?: string;
	public: boolean;
	html: string;
	plain: string;
	createdAt: string;
	attachments: Attachment[];
	/** Set on comments built from ticket events (status, assignee, field changes). */
	event?: boolean;
	/** How the comment came in (a tweet, a Facebook message, a mail), with its sender. */
	via?: Via;
	/** An event comment's changes, which the writer words in the migration's language with people's names. */
	changes?: EventChange[];
}

/** One change of a ticket event. Values: status names (status), source user ids (assignee), group ids (group), shown text (field). */
export interface EventChange {
	kind: 'status' | 'assignee' | 'group' | 'field';
	/** The custom field's title, or its id when the source has no title for it (kind field). */
	label?: string;
	before?: string;
	after?: string;
	/** Group names by id, as the source knows them (kind group). */
	names?: Record<string, string>;
}

export interface KbCategory {
	id: SourceId;
	title: string;
	description?: string;
	locale: string;
	position?: number;
}

export interface KbSection {
	id: SourceId;
	categoryId: SourceId;
	title: string;
	description?: string;
	locale: string;
	position?: number;
}

export interface Article {
	id: SourceId;
	sectionId: SourceId;
	title: string;
	html: string;
	authorId?: SourceId;
	draft: boolean;
	locale: string;
	tags: string[];
	attachments: Attachment[];
	createdAt?: string;
	updatedAt?: string;
	/** The source's public address, so links between migrated articles can be rewritten. */
	url?: string;
	position?: number;
}

/** A ticket with everything that hangs off it, as the writer needs it in one go. */
export interface TicketBundle {
	ticket: Ticket;
	comments: Comment[];
}
