// The account's fixed reference data: groups, custom statuses, ticket forms and brands (fields live in ./fields).
import { DAY_MS, ID, groupId, type AccountPlan } from '../plan';
import { ticketFields } from './fields';
import { SANDBOX_DOMAIN } from './people';
import { isoSeconds } from './time';

export * from './fields';

export interface GroupRecord {
	id: number;
	name: string;
	description: string;
	default: boolean;
	deleted: boolean;
	is_public: boolean;
	created_at: string;
	updated_at: string;
}

const GROUP_NAMES = ['Support', 'Billing', 'Technical Support — Tier 2', 'Kundenservice DACH', 'Former team (deleted)'];

/** The last group is deleted: old tickets still point at it. */
export function groups(plan: AccountPlan): GroupRecord[] {
	return GROUP_NAMES.slice(0, plan.groups).map((name, index) => ({
		id: groupId(index),
		name,
		description: `${name} group`,
		default: index === 0,
		deleted: index === plan.groups - 1,
		is_public: true,
		created_at: isoSeconds(plan.historyStart + index * 3_600_000),
		updated_at: isoSeconds(plan.historyStart + DAY_MS * (index + 1))
	}));
}

export const ACTIVE_GROUP_COUNT = (plan: AccountPlan): number => plan.groups - 1;

export interface CustomStatusRecord {
	id: number;
	status_category: 'new' | 'open' | 'pending' | 'hold' | 'solved';
	agent_label: string;
	raw_agent_label: string;
	end_user_label: string;
	raw_end_user_label: string;
	description: string;
	raw_description: string;
	end_user_description: string;
	raw_end_user_description: string;
	active: boolean;
	default: boolean;
	created_at: string;
	updated_at: string;
}

const STATUS_SPECS: readonly [CustomStatusRecord['status_category'], string, boolean][] = [
	['new', 'New', true],
	['open', 'Open', true],
	['pending', 'Pending', true],
	['hold', 'On-hold', true],
	['solved', 'Solved', true],
	['open', 'Waiting for engineering', false],
	['pending', 'Awaiting customer reply', false]
];

export function customStatuses(plan: AccountPlan): CustomStatusRecord[] {
	const stamp = isoSeconds(plan.historyStart);
	return STATUS_SPECS.map(([category, label, isDefault], index) => ({
		id: ID.customStatus + index,
		status_category: category,
		agent_label: label,
		raw_agent_label: label,
		end_user_label: isDefault ? label : 'In progress',
		raw_end_user_label: isDefault ? label : 'In progress',
		description: `${label} tickets`,
		raw_description: `${label} tickets`,
		end_user_description: '',
		raw_end_user_description: '',
		active: true,
		default: isDefault,
		created_at: stamp,
		updated_at: stamp
	}));
}

/** The default custom status of a status category; closed tickets carry the solved one, as in Zendesk. */
export function defaultStatusId(category: string): number {
	const index = STATUS_SPECS.findIndex(([name, , isDefault]) => isDefault && name === (category === 'closed' ? 'solved' : category));
	return ID.customStatus + Math.max(0, index);
}

export interface TicketFormRecord {
	id: number;
	name: string;
	raw_name: string;
	display_name: string;
	raw_display_name: string;
	position: number;
	active: boolean;
	default: boolean;
	end_user_visible: boolean;
	in_all_brands: boolean;
	restricted_brand_ids: number[];
	ticket_field_ids: number[];
	agent_conditions: unknown[];
	end_user_conditions: unknown[];
	created_at: string;
	updated_at: string;
}

export function ticketForms(plan: AccountPlan): TicketFormRecord[] {
	const fields = ticketFields(plan).filter((field) => field.active);
	const stamp = isoSeconds(plan.historyStart);
	const form = (index: number, name: string, fieldIds: number[]): TicketFormRecord => ({
		id: ID.ticketForm + index,
		name,
		raw_name: name,
		display_name: name,
		raw_display_name: name,
		position: index,
		active: true,
		default: index === 0,
		end_user_visible: true,
		in_all_brands: index === 0,
		restricted_brand_ids: index === 0 ? [] : [ID.brand + 1],
		ticket_field_ids: fieldIds,
		agent_conditions: [],
		end_user_conditions: [],
		created_at: stamp,
		updated_at: stamp
	});
	return [form(0, 'Default ticket form', fields.map((field) => field.id)), form(1, 'Hardware return (RMA)', fields.filter((field) => field.position < 8 || field.position % 2 === 0).map((field) => field.id))];
}

export interface BrandRecord {
	id: number;
	name: string;
	subdomain: string;
	brand_url: string;
	host_mapping: string;
	active: boolean;
	default: boolean;
	is_deleted: boolean;
	has_help_center: boolean;
	help_center_state: 'enabled' | 'disabled' | 'restricted';
	signature_template: string;
	ticket_form_ids: number[];
	created_at: string;
	updated_at: string;
}

export function brands(plan: AccountPlan, baseUrl: string): BrandRecord[] {
	const stamp = isoSeconds(plan.historyStart);
	return [
		['Acme Support', 'acme', true],
		['Acme Hardware', 'acme-hardware', false]
	].map(([name, subdomain, isDefault], index) => ({
		id: ID.brand + index,
		name: name as string,
		subdomain: subdomain as string,
		brand_url: index === 0 ? baseUrl : `${baseUrl}/brands/${subdomain as string}`,
		host_mapping: '',
		active: true,
		default: isDefault as boolean,
		is_deleted: false,
		has_help_center: index === 0,
		help_center_state: index === 0 ? 'enabled' : 'disabled',
		signature_template: '{{agent.signature}}',
		ticket_form_ids: index === 0 ? [ID.ticketForm, ID.ticketForm + 1] : [ID.ticketForm + 1],
		created_at: stamp,
		updated_at: stamp
	}));
}

/** The account's support addresses (`/api/v2/recipient_addresses`): the default one most mail goes to, and one more. */
export const SUPPORT_ADDRESSES = [`support@${SANDBOX_DOMAIN}`, `billing@${SANDBOX_DOMAIN}`] as const;

export function supportAddresses(plan: AccountPlan): Record<string, unknown>[] {
	const stamp = isoSeconds(plan.historyStart);
	return SUPPORT_ADDRESSES.map((email, index) => ({
		id: ID.brand + 500 + index,
		brand_id: ID.brand,
		default: index === 0,
		email,
		name: index === 0 ? 'Acme Support' : 'Acme Billing',
		forwarding_status: 'verified',
		spf_status: 'verified',
		cname_status: 'verified',
		dns_results: 'verified',
		domain_verification_status: 'verified',
		created_at: stamp,
		updated_at: stamp
	}));
}
