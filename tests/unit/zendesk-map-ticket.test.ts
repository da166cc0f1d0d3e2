import { describe, expect, it } from 'vitest';
import { isDeletedTicket, mapComment, mapTicket, type TicketLookups } from '../../src/lib/engine/connectors/zendesk/map-ticket';
import type { ZendeskComment, ZendeskTicket } from '../../src/lib/engine/connectors/zendesk/types';
import { plainReason } from '../../src/lib/engine/reports/reasons/because';

const lookups: TicketLookups = {
	baseUrl: 'https://acme.zendesk.com',
	userEmails: new Map([
		[501, 'cc@example.org'],
		[502, 'follower@acme.test']
	]),
	brandNames: new Map([[360001, 'Acme Support']]),
	statusLabels: new Map([[46000005, 'Waiting for engineering']])
};

function ticket(overrides: Partial<ZendeskTicket> = {}): ZendeskTicket {
	return {
		id: 35436,
		subject: 'Printer is on fire',
		raw_subject: 'Printer is on fire',
		status: 'hold',
		priority: 'high',
		type: 'incident',
		requester_id: 20978392,
		submitter_id: 76872,
		assignee_id: 235323,
		organization_id: 509974,
		group_id: 98738,
		collaborator_ids: [501, 502],
		email_cc_ids: [501],
		follower_ids: [502],
		tags: ['enterprise', 'other_tag'],
		custom_fields: [
			{ id: 27642, value: '745' },
			{ id: 27648, value: ['product_web', 'product_api'] },
			{ id: 27650, value: true },
			{ id: 27651, value: null }
		],
		via: { channel: 'email' },
		brand_id: 360001,
		custom_status_id: 46000005,
		created_at: '2009-07-20T22:55:29Z',
		updated_at: '2011-05-05T10:38:52Z',
		...overrides
	};
}

describe('mapping a Zendesk ticket', () => {
	it('keeps people, tags, custom field values by field id, brand, channel and the agent link', () => {
		expect(mapTicket(ticket(), lookups)).toEqual({
			id: '35436',
			subject: 'Printer is on fire',
			status: 'on-hold',
			statusLabel: 'Waiting for engineering',
			priority: 'high',
			type: 'incident',
			requesterId: '20978392',
			submitterId: '76872',
			assigneeId: '235323',
			teamId: '98738',
			organizationId: '509974',
			tags: ['enterprise', 'other_tag'],
			fields: { '27642': '745', '27648': ['product_web', 'product_api'], '27650': true },
			ccEmails: ['cc@example.org'],
			followerIds: ['502'],
			createdAt: '2009-07-20T22:55:29Z',
			updatedAt: '2011-05-05T10:38:52Z',
			brand: 'Acme Support',
			channel: 'email',
			via: { channel: 'email' },
			url: 'https://acme.zendesk.com/agent/tickets/35436'
		});
	});

	it('maps each Zendesk status to the model status of the same meaning', () => {
		const statuses = ['new', 'open', 'pending', 'hold', 'solved', 'closed'].map((status) => mapTicket(ticket({ status }), lookups).status);
		expect(statuses).toEqual(['new', 'open', 'pending', 'on-hold', 'solved', 'closed']);
	});

	it('leaves out what a ticket does not have: no assignee, group, priority, type or brand', () => {
		const mapped = mapTicket(ticket({ assignee_id: null, group_id: null, organization_id: null, priority: null, type: null, brand_id: null, custom_status_id: null, via: null }), lookups);
		for (const key of ['assigneeId', 'teamId', 'organizationId', 'priority', 'type', 'brand', 'statusLabel', 'channel', 'via']) expect(mapped).not.toHaveProperty(key);
	});

	it('reads legacy CCs from collaborator_ids without the followers when email_cc_ids is absent', () => {
		const mapped = mapTicket(ticket({ email_cc_ids: undefined, collaborator_ids: [501, 502, 999] }), lookups);
		expect(mapped.ccEmails).toEqual(['cc@example.org']);
	});

	it('takes the solve time from the metric set, embedded in the ticket or sideloaded beside it, and none when there is none', () => {
		const solved = ticket({ status: 'solved', metric_set: { ticket_id: 35436, solved_at: '2011-05-09T10:38:52Z' } });
		expect(mapTicket(solved, lookups).solvedAt).toBe('2011-05-09T10:38:52Z');
		const beside = { ...lookups, solvedAt: new Map([[35436, '2011-05-10T08:00:00Z']]) };
		expect(mapTicket(ticket({ status: 'closed' }), beside).solvedAt).toBe('2011-05-10T08:00:00Z');
		expect(mapTicket(ticket({ metric_set: { ticket_id: 35436, solved_at: null } }), lookups)).not.toHaveProperty('solvedAt');
		expect(mapTicket(ticket({ metric_set: { solved_at: 'not a time' } }), lookups)).not.toHaveProperty('solvedAt');
		expect(mapTicket(ticket({ metric_set: null }), lookups)).not.toHaveProperty('solvedAt');
	});

	it('reads a status it does not know as open, with a note, rather than stopping the page', () => {
		const mapped = mapTicket(ticket({ status: 'archived', custom_status_id: null }), lookups);
		expect(mapped.status).toBe('open');
		expect(mapped.notes?.map(plainReason)).toEqual(['Zendesk gave the status "archived", which is none of new, open, pending, hold, solved or closed; the ticket was read as open.']);
		expect(mapTicket(ticket(), lookups)).not.toHaveProperty('notes');
	});

	it('notes a priority or type it does not know and leaves it out', () => {
		const mapped = mapTicket(ticket({ priority: 'critical', type: 'bug' }), lookups);
		expect(mapped).not.toHaveProperty('priority');
		expect(mapped).not.toHaveProperty('type');
		expect(mapped.notes).toEqual([expect.stringContaining('the priority "critical"'), expect.stringContaining('the type "bug"')]);
	});

	it('recognises the deleted tickets the incremental export still lists, and reads them as deleted and closed without a note', () => {
		expect(isDeletedTicket(ticket({ status: 'deleted' }))).toBe(true);
		expect(isDeletedTicket(ticket())).toBe(false);
		const mapped = mapTicket(ticket({ status: 'deleted' }), lookups);
		expect(mapped).toMatchObject({ deleted: true, status: 'closed' });
		expect(mapped.notes).toBeUndefined();
	});

	it('takes Zendesk\'s system actor (-1) for no user, so nothing looks it up', () => {
		const mapped = mapTicket(ticket({ submitter_id: -1, requester_id: -1 }), lookups);
		expect(mapped.submitterId).toBeUndefined();
		expect(mapped.requesterId).toBeUndefined();
	});
});

describe('mapping a Zendesk comment', () => {
	const comment: ZendeskComment = {
		id: 1274,
		author_id: 123123,
		public: false,
		body: 'Thanks for your help!',
		html_body: '<p>Thanks for your help!</p><p><img src="https://acme.zendesk.com/attachments/token/abc/?name=image.png"></p>',
		plain_body: 'Thanks for your help!',
		created_at: '2009-07-20T22:55:29Z',
		attachments: [
			{ id: 498483, file_name: 'crash.log', content_url: 'https://acme.zendesk.com/attachments/crash.log', content_type: 'text/plain', size: 2532, inline: false },
			{ id: 498484, file_name: 'image.png', content_url: 'https://acme.zendesk.com/attachments/token/abc/?name=image.png', content_type: 'image/png', size: 9000, inline: true }
		]
	};

	it('keeps the bodies, the author, whether it is public, and the attachments with their inline flag', () => {
		expect(mapComment(comment, '35436')).toEqual({
			id: '1274',
			ticketId: '35436',
			authorId: '123123',
			public: false,
			html: comment.html_body,
			plain: 'Thanks for your help!',
			createdAt: '2009-07-20T22:55:29Z',
			attachments: [
				{ id: '498483', fileName: 'crash.log', contentType: 'text/plain', size: 2532, url: 'https://acme.zendesk.com/attachments/crash.log', inline: false },
				{ id: '498484', fileName: 'image.png', contentType: 'image/png', size: 9000, url: 'https://acme.zendesk.com/attachments/token/abc/?name=image.png', inline: true }
			]
		});
	});

	it('names Zendesk as the author of a comment by its system actor (-1), with no user to look up', () => {
		const mapped = mapComment({ ...comment, author_id: -1 }, '35436');
		expect(mapped.authorId).toBeUndefined();
		expect(mapped.authorName).toBe('Zendesk');
	});

	it('falls back to the plain body when Zendesk sent no HTML', () => {
		const mapped = mapComment({ id: 1, body: 'Hello', created_at: '2020-01-01T00:00:00Z' }, '7');
		expect(mapped).toMatchObject({ html: 'Hello', plain: 'Hello', public: true, attachments: [] });
	});
});
