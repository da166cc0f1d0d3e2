// Ticket fields (system ones and one custom field of every type) and the custom fields of users and organizations.
import { DAY_MS, ID, type AccountPlan } from '../plan';
import { isoSeconds } from './time';

export type CustomFieldType = 'text' | 'textarea' | 'checkbox' | 'date' | 'integer' | 'decimal' | 'regexp' | 'partialcreditcard' | 'multiselect' | 'tagger' | 'lookup';
export const CUSTOM_FIELD_TYPES: readonly CustomFieldType[] = ['text', 'textarea', 'checkbox', 'date', 'integer', 'decimal', 'regexp', 'partialcreditcard', 'multiselect', 'tagger', 'lookup'];

export interface FieldOption {
	id: number;
	name: string;
	raw_name: string;
	value: string;
	position: number;
	default: boolean;
}

export interface TicketFieldRecord {
	id: number;
	type: string;
	title: string;
	raw_title: string;
	description: string;
	raw_description: string;
	agent_description: string;
	title_in_portal: string;
	raw_title_in_portal: string;
	position: number;
	active: boolean;
	required: boolean;
	required_in_portal: boolean;
	visible_in_portal: boolean;
	editable_in_portal: boolean;
	collapsed_for_agents: boolean;
	removable: boolean;
	agent_can_edit: boolean;
	tag: string | null;
	regexp_for_validation: string | null;
	sub_type_id?: number;
	custom_field_options?: FieldOption[];
	system_field_options?: { name: string; value: string }[];
	relationship_target_type?: string;
	relationship_filter?: Record<string, unknown>;
	created_at: string;
	updated_at: string;
}

function option(fieldId: number, position: number, name: string, value: string): FieldOption {
	return { id: ID.ticketFieldOption + (fieldId - ID.ticketField) * 100 + position, name, raw_name: name, value, position, default: false };
}

const SYSTEM_FIELDS: readonly { type: string; title: string; options?: [string, string][] }[] = [
	{ type: 'subject', title: 'Subject' },
	{ type: 'description', title: 'Description' },
	{ type: 'status', title: 'Status', options: [['Open', 'open'], ['Pending', 'pending'], ['On-hold', 'hold'], ['Solved', 'solved']] },
	{ type: 'tickettype', title: 'Type', options: [['Question', 'question'], ['Incident', 'incident'], ['Problem', 'problem'], ['Task', 'task']] },
	{ type: 'priority', title: 'Priority', options: [['Low', 'low'], ['Normal', 'normal'], ['High', 'high'], ['Urgent', 'urgent']] },
	{ type: 'group', title: 'Group' },
	{ type: 'assignee', title: 'Assignee' },
	{ type: 'custom_status', title: 'Ticket status' }
];

const CUSTOM_TITLES: Record<CustomFieldType, string> = {
	text: 'Order number',
	textarea: 'Steps to reproduce',
	checkbox: 'Escalated to engineering',
	date: 'Contract renewal date',
	integer: 'Affected seats',
	decimal: 'Refund amount (€)',
	regexp: 'Serial number',
	partialcreditcard: 'Card on file',
	multiselect: 'Products affected',
	tagger: 'Product line',
	lookup: 'Account manager'
};

export const MULTISELECT_OPTIONS: readonly [string, string][] = [['Web app', 'product_web'], ['iOS app', 'product_ios'], ['Android app', 'product_android'], ['Public API', 'product_api'], ['Billing', 'product_billing']];
export const TAGGER_OPTIONS: readonly [string, string][] = [['Hardware', 'line_hardware'], ['Software', 'line_software'], ['Services', 'line_services'], ['Übersetzung — 翻訳', 'line_translation']];

export function ticketFieldId(position: number): number {
	return ID.ticketField + position;
}

/** Custom field ids in CUSTOM_FIELD_TYPES order; the system fields come first. */
export function customTicketFieldId(type: CustomFieldType): number {
	return ticketFieldId(SYSTEM_FIELDS.length + CUSTOM_FIELD_TYPES.indexOf(type));
}

/** A custom text field that was retired: old tickets still carry its value. */
export function retiredTicketFieldId(): number {
	return ticketFieldId(SYSTEM_FIELDS.length + CUSTOM_FIELD_TYPES.length);
}

export function ticketFields(plan: AccountPlan): TicketFieldRecord[] {
	const stamp = isoSeconds(plan.historyStart);
	const base = (position: number, type: string, title: string, removable: boolean): TicketFieldRecord => ({
		id: ticketFieldId(position),
		type,
		title,
		raw_title: title,
		description: removable ? `${title} (custom field)` : `${title} of the ticket`,
		raw_description: removable ? `${title} (custom field)` : `${title} of the ticket`,
		agent_description: '',
		title_in_portal: title,
		raw_title_in_portal: title,
		position,
		active: true,
		required: type === 'subject',
		required_in_portal: type === 'subject' || type === 'description',
		visible_in_portal: !removable || position % 2 === 0,
		editable_in_portal: !removable,
		collapsed_for_agents: false,
		removable,
		agent_can_edit: true,
		tag: null,
		regexp_for_validation: null,
		created_at: stamp,
		updated_at: stamp
	});
	const system = SYSTEM_FIELDS.map((field, position) => {
		const record = base(position, field.type, field.title, false);
		// As in real accounts: Type and Priority are built in, yet an admin may remove them.
		if (field.type === 'tickettype' || field.type === 'priority') record.removable = true;
		if (field.options) record.system_field_options = field.options.map(([name, value]) => ({ name, value }));
		if (field.type === 'status' || field.type === 'priority') record.sub_type_id = 0;
		return record;
	});
	const custom = CUSTOM_FIELD_TYPES.map((type, offset) => {
		const position = SYSTEM_FIELDS.length + offset;
		const record = base(position, type, CUSTOM_TITLES[type], true);
		if (type === 'checkbox') record.tag = 'escalated';
		if (type === 'regexp') record.regexp_for_validation = '^SN-[0-9]{6}$';
		if (type === 'multiselect') record.custom_field_options = MULTISELECT_OPTIONS.map(([name, value], index) => option(record.id, index, name, value));
		if (type === 'tagger') record.custom_field_options = TAGGER_OPTIONS.map(([name, value], index) => option(record.id, index, name, value));
		if (type === 'lookup') {
			record.relationship_target_type = 'zen:user';
			record.relationship_filter = { all: [{ field: 'role', operator: 'is', value: 'Agent' }] };
		}
		return record;
	});
	// An inactive custom field: old tickets still carry its value, and a migration must decide what to do with it.
	const retired = { ...base(SYSTEM_FIELDS.length + CUSTOM_FIELD_TYPES.length, 'text', 'Legacy reference (retired)', true), active: false };
	return [...system, ...custom, retired];
}

export interface ProfileFieldRecord {
	id: number;
	key: string;
	type: string;
	title: string;
	raw_title: string;
	description: string;
	raw_description: string;
	position: number;
	active: boolean;
	system: boolean;
	regexp_for_validation: string | null;
	tag?: string;
	custom_field_options?: FieldOption[];
	created_at: string;
	updated_at: string;
}

type ProfileFieldSpec = [key: string, type: string, title: string, options?: [string, string][]];

const USER_FIELD_SPECS: readonly ProfileFieldSpec[] = [
	['plan', 'dropdown', 'Plan', [['Free', 'plan_free'], ['Pro', 'plan_pro'], ['Enterprise', 'plan_enterprise']]],
	['vip', 'checkbox', 'VIP customer'],
	['customer_since', 'date', 'Customer since'],
	['seats', 'integer', 'Seats'],
	['lifetime_value', 'decimal', 'Lifetime value'],
	['bio', 'textarea', 'About'],
	['member_code', 'regexp', 'Member code'],
	['nickname', 'text', 'Nickname']
];

// Organization field values are typed string-or-number in the OpenAPI description, so no checkbox here.
const ORGANIZATION_FIELD_SPECS: readonly ProfileFieldSpec[] = [
	['tier', 'dropdown', 'Support tier', [['Bronze', 'tier_bronze'], ['Silver', 'tier_silver'], ['Gold', 'tier_gold']]],
	['region', 'text', 'Region'],
	['contract_start', 'date', 'Contract start'],
	['seats_purchased', 'integer', 'Seats purchased'],
	['annual_revenue', 'decimal', 'Annual revenue'],
	['account_summary', 'textarea', 'Account summary']
];

function profileFields(plan: AccountPlan, base: number, specs: readonly ProfileFieldSpec[]): ProfileFieldRecord[] {
	const stamp = isoSeconds(plan.historyStart + DAY_MS);
	return specs.map(([key, type, title, options], position) => {
		const id = base + position;
		const record: ProfileFieldRecord = {
			id,
			key,
			type,
			title,
			raw_title: title,
			description: `${title} (custom field)`,
			raw_description: `${title} (custom field)`,
			position,
			active: true,
			system: false,
			regexp_for_validation: type === 'regexp' ? '^[A-Z]{2}-[0-9]{4}$' : null,
			created_at: stamp,
			updated_at: stamp
		};
		if (type === 'checkbox') record.tag = key;
		if (options) record.custom_field_options = options.map(([name, value], index) => ({ id: id * 100 + index, name, raw_name: name, value, position: index, default: index === 0 }));
		return record;
	});
}

export function userFields(plan: AccountPlan): ProfileFieldRecord[] {
	return profileFields(plan, ID.userField, USER_FIELD_SPECS);
}

export function organizationFields(plan: AccountPlan): ProfileFieldRecord[] {
	return profileFields(plan, ID.organizationField, ORGANIZATION_FIELD_SPECS);
}
