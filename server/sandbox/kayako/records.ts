// The records one Kayako account holds, as the sandbox stores them (times are epoch milliseconds).
export type RoleType = 'OWNER' | 'ADMIN' | 'AGENT' | 'COLLABORATOR' | 'CUSTOMER';
export type FieldFamily = 'case' | 'user' | 'organization';
export type FieldType =
	| 'TEXT' | 'TEXTAREA' | 'CHECKBOX' | 'RADIO' | 'SELECT' | 'DATE' | 'FILE' | 'NUMERIC' | 'DECIMAL' | 'YESNO' | 'CASCADINGSELECT' | 'REGEX'
	| 'SUBJECT' | 'MESSAGE' | 'PRIORITY' | 'STATUS' | 'TYPE' | 'TEAM' | 'ASSIGNEE';
export type PostChannel = 'MAIL' | 'NOTE';

interface Timestamps {
	created_at: number;
	updated_at: number;
}

export interface RoleRecord extends Timestamps {
	id: number;
	title: string;
	type: RoleType;
	is_system: boolean;
	agent_case_access: string | null;
}

export interface UserRecord extends Timestamps {
	id: number;
	uuid: string;
	full_name: string;
	legacy_id: string | null;
	designation: string | null;
	is_enabled: boolean;
	is_mfa_enabled: boolean;
	role_id: number;
	organization_id: number | null;
	team_ids: number[];
	email_ids: number[];
	/** Only seeded staff can log in; users created through the API get a password only when one is sent. */
	password: string | null;
	agent_case_access: string | null;
	organization_case_access: string | null;
	locale_id: number;
	time_zone: string;
	field_values: Record<string, string>;
	tags: string[];
	/** The picture sent as `avatar` on PUT /users/:id; none until one is sent (the resource then shows a generated one). */
	avatar?: UserAvatar;
}

export interface UserAvatar {
	bytes: Buffer;
	content_type: string;
	name: string;
	updated_at: number;
}

/** A note on a user (`POST /users/:id/notes`): what an agent wrote about the person, shown on their profile. */
export interface UserNoteRecord extends Timestamps {
	id: number;
	user_id: number;
	contents: string;
	is_html: boolean;
	creator_id: number;
}

export interface EmailIdentityRecord extends Timestamps {
	id: number;
	user_id: number;
	email: string;
	is_primary: boolean;
	is_validated: boolean;
	is_notification_enabled: boolean;
}

export interface OrganizationRecord extends Timestamps {
	id: number;
	name: string;
	legacy_id: string | null;
	is_shared: boolean;
	is_validated: boolean | null;
	domain_ids: number[];
	field_values: Record<string, string>;
	tags: string[];
}

export interface DomainIdentityRecord extends Timestamps {
	id: number;
	organization_id: number;
	domain: string;
	is_primary: boolean;
	is_validated: boolean;
}

export interface TeamRecord extends Timestamps {
	id: number;
	title: string;
	legacy_id: string | null;
	businesshour_id: number;
}

export interface LocaleStringRecord extends Timestamps {
	id: number;
	locale: string;
	translation: string | null;
}

export interface FieldOptionRecord extends Timestamps {
	id: number;
	field_id: number;
	value_ids: number[];
	tag: string;
	sort_order: number;
}

export interface FieldRecord extends Timestamps {
	id: number;
	family: FieldFamily;
	fielduuid: string;
	title: string;
	type: FieldType;
	key: string;
	is_required_for_agents: boolean;
	is_required_on_resolution: boolean;
	is_visible_to_customers: boolean;
	customer_title_ids: number[];
	is_customer_editable: boolean;
	is_required_for_customers: boolean;
	description_ids: number[];
	regular_expression: string | null;
	sort_order: number;
	is_enabled: boolean;
	is_system: boolean;
	option_ids: number[];
}

export interface StatusRecord extends Timestamps {
	id: number;
	label: string;
	type: 'NEW' | 'OPEN' | 'PENDING' | 'COMPLETED' | 'CLOSED' | 'CUSTOM';
	sort_order: number;
	is_sla_active: boolean;
	is_deleted: boolean;
}

export interface PriorityRecord extends Timestamps {
	id: number;
	label: string;
	level: number;
}

export interface CaseTypeRecord extends Timestamps {
	id: number;
	label: string;
	type: 'QUESTION' | 'TASK' | 'PROBLEM' | 'INCIDENT' | 'CUSTOM';
}

export interface BrandRecord extends Timestamps {
	id: number;
	name: string;
	sub_domain: string;
	alias: string | null;
	is_default: boolean;
	is_enabled: boolean;
	locale_id: number;
}

export interface MailboxRecord extends Timestamps {
	id: number;
	uuid: string;
	address: string;
	brand_id: number;
	is_default: boolean;
}

export interface ChannelRecord {
	uuid: string;
	type: PostChannel;
	mailbox_id: number | null;
}

export interface CaseRecord extends Timestamps {
	id: number;
	legacy_id: string | null;
	subject: string;
	requester_id: number;
	creator_id: number;
	channel_uuid: string;
	brand_id: number;
	status_id: number;
	priority_id: number | null;
	type_id: number | null;
	assigned_team_id: number | null;
	assigned_agent_id: number | null;
	state: 'ACTIVE' | 'TRASH';
	tags: string[];
	field_values: Record<string, string>;
}

export interface PostRecord extends Timestamps {
	id: number;
	uuid: string;
	case_id: number;
	/** The id of the underlying note or case_message; Kayako numbers those apart from posts. */
	original_id: number;
	client_id: string;
	subject: string;
	contents: string;
	creator_id: number;
	channel: PostChannel;
	attachment_ids: number[];
	/** How the post arrived: single create, reply, or bulk import. */
	via: 'create' | 'reply' | 'bulk' | 'seed';
}

export interface AttachmentRecord {
	id: number;
	/** Where it hangs under the API, e.g. `cases/3/notes/3/attachments/1`; its url and download live below it. */
	path: string;
	name: string;
	size: number;
	type: string;
	/** Never written to: an attachment shares the buffer of the file it was made from. */
	bytes: Buffer;
	created_at: number;
}

export interface FileRecord {
	id: number;
	name: string;
	size: number;
	content_type: string;
	bytes: Buffer;
	created_at: number;
	expiry_at: number;
}

export interface CategoryRecord extends Timestamps {
	id: number;
	legacy_id: string | null;
	brand_id: number;
	title_ids: number[];
	description_ids: number[];
	display_order: number;
}

export interface SectionRecord extends Timestamps {
	id: number;
	legacy_id: string | null;
	category_id: number;
	title_ids: number[];
	description_ids: number[];
	visibility: 'PUBLIC' | 'AUTHORIZED' | 'AGENTS';
	article_order_by: 'LATEST' | 'POPULAR';
	display_order: number;
}

export interface ArticleRecord extends Timestamps {
	id: number;
	legacy_id: string | null;
	section_id: number;
	title_ids: number[];
	content_ids: number[];
	author_id: number;
	creator_id: number;
	status: 'PUBLISHED' | 'DRAFT' | 'PENDINGAPPROVAL';
	keywords: string;
	tags: string[];
	is_featured: boolean;
	allow_comments: boolean;
	attachment_ids: number[];
}

export interface TriggerRecord extends Timestamps {
	id: number;
	title: string;
	description: string;
	is_enabled: boolean;
	execution_order: number;
	predicate_collections: unknown[];
	actions: unknown[];
}

export interface SettingRecord {
	id: number;
	category: string;
	name: string;
	is_protected: boolean;
	value: string;
}

export interface TimeLogRecord extends Timestamps {
	id: number;
	case_id: number;
	agent_id: number;
	creator_id: number;
	log_type: 'VIEWED' | 'WORKED' | 'BILLED';
	time_spent: number;
}

export interface JobError {
	index: number;
	legacy_id: string | null;
	code: string;
	parameter?: string;
	message: string;
}

export interface JobRecord {
	id: number;
	kind: string;
	rows: Record<string, unknown>[];
	partial_import: boolean;
	actor_id: number;
	created_at: number;
	processing_at: number;
	done_at: number;
	settled: boolean;
	status_when_done: 'COMPLETED' | 'FAILED';
	created_count: number;
	errors: JobError[];
}

/** A post the real service would have e-mailed to the requester; a silent migration leaves none. */
export interface MailedRecord {
	case_id: number;
	post_id: number;
	requester_id: number;
	email: string | null;
	via: 'create' | 'reply';
	at: number;
}
