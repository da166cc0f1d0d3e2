// A ticket a test adds through the controls: a plain web/API ticket with its first comment's text as description.
import { ID, type AccountPlan } from '../plan';
import type { NewTicket } from '../mutations';
import { defaultStatusId } from './catalog';
import { customFields, type TicketRecord } from './tickets';
import { isoSeconds, unixSeconds } from './time';

export function newTicketRecord(plan: AccountPlan, id: number, input: NewTicket, requester: { id: number; organization_id: number | null }, at: number): TicketRecord {
	const subject = input.subject ?? `New ticket ${id}`;
	const status = input.status ?? 'new';
	return {
		id,
		external_id: null,
		subject,
		raw_subject: subject,
		description: input.comment ?? subject,
		status,
		priority: input.priority ?? 'normal',
		type: null,
		problem_id: null,
		has_incidents: false,
		due_at: null,
		requester_id: requester.id,
		submitter_id: requester.id,
		assignee_id: null,
		organization_id: requester.organization_id,
		group_id: null,
		collaborator_ids: [],
		email_cc_ids: [],
		follower_ids: [],
		followup_ids: [],
		tags: input.tags ?? [],
		custom_fields: customFields(plan, id),
		via: { channel: 'api', source: { from: {}, to: {}, rel: null } },
		recipient: 'support@zendesk-sandbox.test',
		brand_id: ID.brand,
		ticket_form_id: ID.ticketForm,
		custom_status_id: defaultStatusId(status),
		satisfaction_rating: { score: 'unoffered' },
		sharing_agreement_ids: [],
		is_public: input.public ?? true,
		allow_channelback: false,
		allow_attachments: true,
		from_messaging_channel: false,
		created_at: isoSeconds(at),
		updated_at: isoSeconds(at),
		generated_timestamp: unixSeconds(at)
	};
}
