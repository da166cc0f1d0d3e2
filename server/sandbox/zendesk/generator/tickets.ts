// A generated ticket in full (subject, people, CCs, tags, every custom field type filled) from its shape and the seed.
import { ID, groupId, organizationId, userId, type AccountPlan } from '../plan';
import { CUSTOM_FIELD_TYPES, MULTISELECT_OPTIONS, TAGGER_OPTIONS, customTicketFieldId, defaultStatusId, retiredTicketFieldId, type CustomFieldType } from './catalog';
import { generateComment, ticketLanguage } from './comments';
import { between, pick, unit } from './hash';
import { endUserOrganizationIndex, generateUser } from './people';
import { realTicket, realUser } from './real-profile';
import { subjectIn } from './language';
import { ticketShape, type TicketShape, type TicketStatus } from './ticket-shape';
import { isoSeconds, unixSeconds } from './time';

export type FieldValue = string | number | boolean | string[];

export interface TicketRecord {
	id: number;
	external_id: string | null;
	subject: string;
	raw_subject: string;
	description: string;
	status: TicketStatus;
	priority: 'urgent' | 'high' | 'normal' | 'low' | null;
	type: 'problem' | 'incident' | 'question' | 'task' | null;
	problem_id: number | null;
	has_incidents: boolean;
	due_at: string | null;
	requester_id: number;
	submitter_id: number;
	assignee_id: number | null;
	organization_id: number | null;
	group_id: number | null;
	collaborator_ids: number[];
	email_cc_ids: number[];
	follower_ids: number[];
	followup_ids: number[];
	tags: string[];
	custom_fields: { id: number; value: FieldValue | null }[];
	via: { channel: string; source: { from: Record<string, unknown>; to: Record<string, unknown>; rel: string | null } };
	recipient: string | null;
	brand_id: number;
	ticket_form_id: number;
	custom_status_id: number;
	satisfaction_rating: Record<string, unknown> | null;
	sharing_agreement_ids: number[];
	is_public: boolean;
	allow_channelback: boolean;
	allow_attachments: boolean;
	from_messaging_channel: boolean;
	created_at: string;
	updated_at: string;
	generated_timestamp: number;
}

/** The value each custom field type holds on a generated ticket, as Zendesk returns it. */
export function customFieldValue(plan: AccountPlan, ticketId: number, type: CustomFieldType): FieldValue {
	const s = plan.seed;
	switch (type) {
		case 'text':
			return `ORD-${between(s, 'cf-text', 10000, 99999, ticketId)}`;
		case 'textarea':
			return '1. Open the app\n2. Tap “Export”\n3. Wait — nothing happens 😕';
		case 'checkbox':
			return unit(s, 'cf-checkbox', ticketId) < 0.3;
		case 'date':
			return isoSeconds(plan.historyStart + between(s, 'cf-date', 0, 900, ticketId) * 86_400_000).slice(0, 10);
		case 'integer':
			return String(between(s, 'cf-integer', 1, 5000, ticketId));
		case 'decimal':
			return (between(s, 'cf-decimal', 0, 99999, ticketId) / 100).toFixed(2);
		case 'regexp':
			return `SN-${String(between(s, 'cf-regexp', 0, 999999, ticketId)).padStart(6, '0')}`;
		case 'partialcreditcard':
			return `${'X'.repeat(12)}${String(between(s, 'cf-card', 0, 9999, ticketId)).padStart(4, '0')}`;
		case 'multiselect':
			return MULTISELECT_OPTIONS.filter((_, index) => unit(s, 'cf-multi', ticketId, index) < 0.35).map(([, value]) => value);
		case 'tagger':
			return pick(TAGGER_OPTIONS, s, 'cf-tagger', ticketId)[1];
		case 'lookup':
			return userId(between(s, 'cf-lookup', 0, plan.agents - 1, ticketId));
	}
}

export function customFields(plan: AccountPlan, ticketId: number): { id: number; value: FieldValue }[] {
	const fields = CUSTOM_FIELD_TYPES.map((type) => ({ id: customTicketFieldId(type), value: customFieldValue(plan, ticketId, type) }));
	// The retired text field still holds a value on every fourth ticket.
	if (ticketId % 4 === 0) fields.push({ id: retiredTicketFieldId(), value: `LEG-${ticketId}` });
	return fields;
}

function ccs(plan: AccountPlan, shape: TicketShape): { emailCcs: number[]; followers: number[] } {
	const s = plan.seed;
	const emailCcs = unit(s, 'has-ccs', shape.id) < 0.2 ? [userId(plan.agents + between(s, 'cc', 0, plan.endUsers - 1, shape.id))].filter((id) => id !== userId(shape.requesterIndex)) : [];
	const followers = unit(s, 'has-followers', shape.id) < 0.15 ? [userId(between(s, 'follower', 1, plan.agents - 1, shape.id))] : [];
	return { emailCcs, followers };
}

export function generateTicket(plan: AccountPlan, id: number, baseUrl: string): TicketRecord {
	const ticket = tidyTicket(plan, id, baseUrl);
	if (plan.profile !== 'real') return ticket;
	const shape = ticketShape(plan, id);
	return realTicket(plan, shape, ticket, realUser(plan, shape.requesterIndex, generateUser(plan, shape.requesterIndex)));
}

function tidyTicket(plan: AccountPlan, id: number, baseUrl: string): TicketRecord {
	const shape = ticketShape(plan, id);
	const s = plan.seed;
	const language = ticketLanguage(plan, id);
	const subject = subjectIn(language, s, id);
	const first = generateComment(plan, shape, 0, baseUrl);
	const fields = customFields(plan, id);
	const { emailCcs, followers } = ccs(plan, shape);
	const type = pick(['question', 'incident', 'problem', 'task', null] as const, s, 'type', id);
	const orgIndex = endUserOrganizationIndex(plan, shape.requesterIndex);
	const optionTags = fields.flatMap((field) => {
		if (field.id === customTicketFieldId('tagger') && typeof field.value === 'string') return [field.value];
		if (field.id === customTicketFieldId('multiselect') && Array.isArray(field.value)) return field.value;
		if (field.id === customTicketFieldId('checkbox') && field.value === true) return ['escalated'];
		return [];
	});
	const tags = [...new Set([language === 'emoji' ? 'emoji' : `lang_${language}`, pick(['billing', 'login', 'shipping', 'bug', 'feature_request'], s, 'tag', id), ...optionTags])].sort();
	return {
		id,
		external_id: unit(s, 'ticket-external', id) < 0.1 ? `legacy-${id}` : null,
		subject,
		raw_subject: subject,
		description: first.plain_body,
		status: shape.status,
		priority: pick(['low', 'normal', 'normal', 'high', 'urgent', null] as const, s, 'priority', id),
		type,
		problem_id: type === 'incident' && id > 1 ? between(s, 'problem', 1, id - 1, id) : null,
		has_incidents: false,
		due_at: type === 'task' ? isoSeconds(shape.created + 7 * 86_400_000) : null,
		requester_id: userId(shape.requesterIndex),
		submitter_id: userId(shape.submitterIndex),
		assignee_id: shape.assigneeIndex === undefined ? null : userId(shape.assigneeIndex),
		organization_id: orgIndex === undefined ? null : organizationId(orgIndex),
		group_id: shape.groupIndex === undefined ? null : groupId(shape.groupIndex),
		collaborator_ids: [...emailCcs, ...followers],
		email_cc_ids: emailCcs,
		follower_ids: followers,
		followup_ids: [],
		tags,
		custom_fields: fields,
		via: shape.aiAgent ? { channel: 'native_messaging', source: { from: {}, to: {}, rel: 'ai_agent' } } : first.via,
		// The spec types recipient as a plain string, so web tickets carry the support address too.
		recipient: 'support@zendesk-sandbox.test',
		brand_id: ID.brand + (id % 7 === 0 ? 1 : 0),
		ticket_form_id: ID.ticketForm + (id % 7 === 0 ? 1 : 0),
		custom_status_id: defaultStatusId(shape.status),
		satisfaction_rating: shape.status === 'solved' || shape.status === 'closed' ? { id: 90_000_000 + id, score: unit(s, 'csat', id) < 0.8 ? 'good' : 'bad', comment: '' } : { score: 'unoffered' },
		sharing_agreement_ids: [],
		is_public: first.public,
		allow_channelback: false,
		allow_attachments: true,
		from_messaging_channel: shape.aiAgent,
		created_at: isoSeconds(shape.created),
		updated_at: isoSeconds(shape.updated),
		generated_timestamp: unixSeconds(shape.generated)
	};
}
