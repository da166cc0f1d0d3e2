// Zendesk ticket audits as private event comments: which changes count, what they keep for the writer, how they read, and where they sit among the comments.
import { describe, expect, it } from 'vitest';
import { eventFieldNames, inTimeOrder, mapAuditEvent } from '../../src/lib/engine/connectors/zendesk/map-events';
import type { ZendeskAudit } from '../../src/lib/engine/connectors/zendesk/types';
import type { Comment } from '../../src/lib/engine/model';

const FIELDS = eventFieldNames([
	{ id: 400, type: 'tagger', title: 'Product line', custom_field_options: [{ id: 1, name: 'Hardware', value: 'line_hw' }, { id: 2, name: 'Software', value: 'line_sw' }] },
	{ id: 401, type: 'text', title: 'Order number' }
]);

function audit(events: ZendeskAudit['events'], author_id: number | null = 7): ZendeskAudit {
	return { id: 900, ticket_id: 5, author_id, created_at: '2025-03-01T10:00:00Z', events };
}

describe('mapping a Zendesk audit to an event comment', () => {
	it('keeps a status change as data for the writer: a private event comment by the audit author at the audit time, with no id in its text', () => {
		const comment = mapAuditEvent(audit([{ id: 1, type: 'Comment' }, { id: 2, type: 'Change', field_name: 'status', value: 'pending', previous_value: 'open' }]), '5', FIELDS);
		expect(comment).toMatchObject({ id: 'audit-900', ticketId: '5', authorId: '7', public: false, createdAt: '2025-03-01T10:00:00Z', attachments: [], event: true, changes: [{ kind: 'status', before: 'open', after: 'pending' }] });
		expect(comment?.plain).toBe('Changed by a former agent on 1 March 2025 at 10:00 UTC:\n- Status changed from Open to Pending');
		expect(comment?.html).not.toMatch(/\b7\b/);
	});

	it('puts every relevant change of one audit into one comment, naming groups, custom fields and their options', () => {
		const comment = mapAuditEvent(
			audit([
				{ id: 1, type: 'Change', field_name: 'assignee_id', value: '31', previous_value: null },
				{ id: 2, type: 'Change', field_name: 'group_id', value: '21', previous_value: '20' },
				{ id: 3, type: 'Change', field_name: '400', value: 'line_sw', previous_value: 'line_hw' },
				{ id: 4, type: 'Change', field_name: '401', value: '', previous_value: 'A<1>' }
			]),
			'5',
			FIELDS,
			new Map([['20', 'Support'], ['21', 'Billing']])
		);
		expect(comment?.changes).toEqual([
			{ kind: 'assignee', after: '31' },
			{ kind: 'group', before: '20', after: '21', names: { '20': 'Support', '21': 'Billing' } },
			{ kind: 'field', label: 'Product line', before: 'Hardware', after: 'Software' },
			{ kind: 'field', label: 'Order number', before: 'A<1>' }
		]);
		expect(comment?.plain.split('\n').slice(1)).toEqual(['- Assignee set to a former agent', '- Group changed from Support to Billing', '- "Product line" changed from Hardware to Software', '- "Order number" cleared (was A<1>)']);
		expect(comment?.html).toContain('<li>&quot;Order number&quot; cleared (was A&lt;1&gt;)</li>');
	});

	it('names a custom field it has no title for by its id and joins multiselect values', () => {
		const comment = mapAuditEvent(audit([{ id: 1, type: 'Change', field_name: '555', value: ['a', 'b'], previous_value: ['a'] }]), '5', FIELDS);
		expect(comment?.changes).toEqual([{ kind: 'field', label: '555', before: 'a', after: 'a, b' }]);
		expect(comment?.plain).toContain('- Field 555 changed from a to a, b');
	});

	it('credits Zendesk for changes its triggers made, without an author id', () => {
		const comment = mapAuditEvent(audit([{ id: 1, type: 'Change', field_name: 'status', value: 'closed', previous_value: 'solved' }], -1), '5', FIELDS);
		expect(comment?.plain).toBe('Changed by Zendesk on 1 March 2025 at 10:00 UTC:\n- Status changed from Solved to Closed');
		expect(comment).not.toHaveProperty('authorId');
		expect(comment?.authorName).toBe('Zendesk');
	});

	it('gives no comment for creation, comments only, or changes to other fields like priority and tags', () => {
		expect(mapAuditEvent(audit([{ id: 1, type: 'Create', field_name: 'status', value: 'new' }]), '5', FIELDS)).toBeUndefined();
		expect(mapAuditEvent(audit([{ id: 1, type: 'Comment' }]), '5', FIELDS)).toBeUndefined();
		expect(mapAuditEvent(audit([{ id: 1, type: 'Change', field_name: 'priority', value: 'high', previous_value: 'low' }, { id: 2, type: 'Change', field_name: 'tags', value: ['x'], previous_value: [] }]), '5', FIELDS)).toBeUndefined();
		expect(mapAuditEvent(audit(null), '5', FIELDS)).toBeUndefined();
	});
});

describe('ordering event comments among the real comments', () => {
	const at = (id: string, createdAt: string, event = false): Comment => ({ id, ticketId: '5', public: !event, html: '', plain: '', createdAt, attachments: [], ...(event && { event }) });

	it('sorts by time, and puts the comment before the changes saved with it at the same second', () => {
		const comments = [at('c1', '2025-03-01T10:00:00Z'), at('c2', '2025-03-02T10:00:00Z')];
		const events = [at('e2', '2025-03-02T10:00:00Z', true), at('e0', '2025-03-01T12:00:00Z', true)];
		expect(inTimeOrder(comments, events).map((comment) => comment.id)).toEqual(['c1', 'e0', 'c2', 'e2']);
	});
});
