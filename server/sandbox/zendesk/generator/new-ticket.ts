// A ticket a test adds through the controls: a plain web/API ticket with its first comment's text as description, and its files.
import { attachmentId, ID, type AccountPlan } from '../plan';
import { SandboxInputError, type NewFile, type NewTicket } from '../mutations';
import { attachmentToken, type AttachmentRecord } from './attachments';
import { defaultStatusId } from './catalog';
import type { TicketStatus } from './ticket-shape';
import { customFields, type TicketRecord } from './tickets';
import { isoSeconds, unixSeconds } from './time';

export function newTicketRecord(plan: AccountPlan, id: number, input: NewTicket, requester: { id: number; organization_id: number | null }, at: number): TicketRecord {
	const subject = input.subject ?? `New ticket ${id}`;
	const status = (input.status ?? 'new') as TicketStatus;
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
		assignee_id: input.assigneeId ?? null,
		organization_id: requester.organization_id,
		group_id: input.groupId ?? null,
		collaborator_ids: [],
		email_cc_ids: [],
		follower_ids: [],
		followup_ids: [],
		tags: input.tags ?? [],
		custom_fields: mergeFields(customFields(plan, id), input.custom_fields ?? []),
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

function mergeFields<T extends { id: number }>(generated: T[], given: T[]): T[] {
	return [...generated.filter((field) => !given.some((each) => each.id === field.id)), ...given];
}

/** Files for a comment a test adds: ids in the comment's slots (files 0-4, inline images 5-9), as generated ones have. */
export function newCommentFiles(plan: AccountPlan, ticketId: number, position: number, files: readonly NewFile[]): { files: AttachmentRecord[]; inlineImages: AttachmentRecord[] } {
	const plain = files.filter((file) => !file.inline);
	const inline = files.filter((file) => file.inline === true);
	if (plain.length > 5 || inline.length > 5) throw new SandboxInputError('A comment holds at most 5 files and 5 inline images in the sandbox; spread more over several comments.');
	const record = (file: NewFile, slot: number): AttachmentRecord => {
		if (typeof file.file_name !== 'string' || !Number.isInteger(file.size) || file.size < 0) throw new SandboxInputError('A file needs a "file_name" and a whole, non-negative "size".');
		const id = attachmentId(ticketId, position, slot);
		return { id, token: attachmentToken(plan.seed, id), file_name: file.file_name, content_type: file.content_type ?? 'application/octet-stream', size: file.size, inline: file.inline === true };
	};
	return { files: plain.map((file, slot) => record(file, slot)), inlineImages: inline.map((file, slot) => record(file, 5 + slot)) };
}
