// Zendesk Support and Help Center API shapes, as far as the connector reads them (the official OpenAPI names in comments).

/** `via` on tickets and comments (ViaObject). */
export interface ZendeskVia {
	channel?: string | number | null;
	/** `from`/`to`: `{address, name}` for e-mail, `{username, profile_url, name}` for Twitter, `{facebook_id, profile_url, name}` for Facebook, `{}` otherwise. */
	source?: { from?: Record<string, unknown> | null; to?: Record<string, unknown> | null; rel?: string | null } | null;
}

/** TicketObject, plus the `status: "deleted"` the incremental export uses for deleted tickets. */
export interface ZendeskTicket {
	id: number;
	subject?: string | null;
	raw_subject?: string | null;
	status?: string | null;
	priority?: string | null;
	type?: string | null;
	requester_id?: number | null;
	submitter_id?: number | null;
	assignee_id?: number | null;
	organization_id?: number | null;
	group_id?: number | null;
	collaborator_ids?: number[] | null;
	email_cc_ids?: number[] | null;
	follower_ids?: number[] | null;
	tags?: string[] | null;
	custom_fields?: { id: number; value: unknown }[] | null;
	via?: ZendeskVia | null;
	recipient?: string | null;
	due_at?: string | null;
	brand_id?: number | null;
	custom_status_id?: number | null;
	created_at: string;
	updated_at: string;
	/** The export's own clock: when anything about the ticket last changed, system updates included (Unix seconds). */
	generated_timestamp?: number | null;
	/** Embedded by `include=metric_sets`; null for a deleted ticket. */
	metric_set?: ZendeskTicketMetricSet | null;
}

/** TicketMetricObject, as far as a migration reads it. Real answers carry null for times that have not happened. */
export interface ZendeskTicketMetricSet {
	ticket_id?: number | null;
	solved_at?: string | null;
}

/** AttachmentObject. */
export interface ZendeskAttachment {
	id: number;
	file_name: string;
	content_url: string;
	content_type?: string | null;
	size?: number | null;
	inline?: boolean | null;
}

/** TicketCommentObject. */
export interface ZendeskComment {
	id: number;
	author_id?: number | null;
	public?: boolean | null;
	body?: string | null;
	html_body?: string | null;
	plain_body?: string | null;
	created_at: string;
	via?: ZendeskVia | null;
	attachments?: ZendeskAttachment[] | null;
}

/** AuditObject: one save of a ticket, with what it changed as events. */
export interface ZendeskAudit {
	id: number;
	ticket_id?: number | null;
	/** -1 when Zendesk itself made the change (a trigger or automation). */
	author_id?: number | null;
	created_at: string;
	events?: ZendeskAuditEvent[] | null;
}

/** One event of an audit; `Change` events name the field and carry the value before and after. */
export interface ZendeskAuditEvent {
	id: number;
	type: string;
	/** `status`, `assignee_id`, `group_id`, or a custom field's id as text. */
	field_name?: string | null;
	value?: unknown;
	previous_value?: unknown;
}

/** UserObject. */
export interface ZendeskUser {
	id: number;
	name?: string | null;
	email?: string | null;
	role?: string | null;
	/** 0 custom agent, 1 light agent, 2 chat agent, 3 contributor, 4 admin, 5 billing admin. */
	role_type?: number | null;
	active?: boolean | null;
	suspended?: boolean | null;
	phone?: string | null;
	organization_id?: number | null;
	tags?: string[] | null;
	user_fields?: Record<string, unknown> | null;
	locale?: string | null;
	iana_time_zone?: string | null;
	time_zone?: string | null;
	notes?: string | null;
	/** An attachment object; null without a picture. */
	photo?: { content_url?: string | null } | null;
	created_at?: string | null;
	updated_at?: string | null;
}

/** UserIdentityObject. */
export interface ZendeskIdentity {
	id: number;
	type: string;
	value: string;
	primary?: boolean | null;
}

/** OrganizationObject. */
export interface ZendeskOrganization {
	id: number;
	name: string;
	domain_names?: string[] | null;
	tags?: string[] | null;
	notes?: string | null;
	details?: string | null;
	organization_fields?: Record<string, unknown> | null;
	created_at?: string | null;
	updated_at?: string | null;
}

/** GroupObject. */
export interface ZendeskGroup {
	id: number;
	name: string;
	deleted?: boolean | null;
	created_at?: string | null;
}

/** GroupMembershipObject. */
export interface ZendeskGroupMembership {
	id: number;
	user_id: number;
	group_id: number;
}

export interface ZendeskFieldOption {
	id?: number;
	name: string;
	value: string;
}

/** TicketFieldObject. */
export interface ZendeskTicketField {
	id: number;
	type: string;
	title: string;
	description?: string | null;
	active?: boolean | null;
	removable?: boolean | null;
	regexp_for_validation?: string | null;
	custom_field_options?: ZendeskFieldOption[] | null;
	system_field_options?: ZendeskFieldOption[] | null;
}

/** UserFieldObject and OrganizationFieldObject. */
export interface ZendeskProfileField {
	id: number;
	key: string;
	type: string;
	title: string;
	description?: string | null;
	active?: boolean | null;
	system?: boolean | null;
	regexp_for_validation?: string | null;
	custom_field_options?: ZendeskFieldOption[] | null;
}

export interface ZendeskBrand {
	id: number;
	name: string;
}

/** One of the account's support addresses (`/api/v2/recipient_addresses`). */
export interface ZendeskSupportAddress {
	id: number;
	email?: string | null;
	default?: boolean | null;
}

export interface ZendeskCustomStatus {
	id: number;
	agent_label: string;
}

/** Help Center CategoryObject. */
export interface ZendeskCategory {
	id: number;
	name: string;
	description?: string | null;
	locale: string;
	position?: number | null;
}

/** Help Center SectionObject. */
export interface ZendeskSection extends ZendeskCategory {
	category_id: number;
}

/** Help Center ArticleObject. */
export interface ZendeskArticle {
	id: number;
	section_id: number;
	title: string;
	body?: string | null;
	author_id?: number | null;
	draft?: boolean | null;
	locale: string;
	label_names?: string[] | null;
	position?: number | null;
	html_url?: string | null;
	created_at?: string | null;
	updated_at?: string | null;
}

/** Help Center ArticleAttachmentObject. */
export interface ZendeskArticleAttachment {
	id: number;
	file_name: string;
	content_url: string;
	content_type?: string | null;
	size?: number | null;
	inline?: boolean | null;
}

/** The answer of a cursor-based incremental export (tickets, users). */
export interface CursorExportBody {
	after_cursor?: string | null;
	end_of_stream?: boolean;
}

/** The envelope of a cursor-paginated list (`page[size]`). */
export interface CursorListBody {
	meta?: { has_more?: boolean; after_cursor?: string | null } | null;
	links?: { next?: string | null } | null;
}

/** One ticket update in the ticket-events export; with `include=comment_events`, its comment is a `Comment` child event. */
export interface ZendeskTicketEvent {
	id: number;
	ticket_id?: number | null;
	created_at: string;
	timestamp?: number | null;
	child_events?: (Record<string, unknown> & { event_type?: string })[] | null;
}

/** A time-based page of the ticket-events export. */
export interface ZendeskTicketEventsPage {
	ticket_events: ZendeskTicketEvent[];
	end_time?: number | null;
	end_of_stream?: boolean | null;
	next_page?: string | null;
	count?: number | null;
}
