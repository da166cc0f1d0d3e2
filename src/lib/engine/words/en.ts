// What the tool writes into Kayako, in English.
import type { Words } from './types';

export const en: Words = {
	locale: 'en-GB',
	formerAgent: 'a former agent',
	formerGroup: 'a former group',
	originallyBy: (person, when) => `Originally by ${person} on ${when}`,
	changesBy: (person, when) => `Changed by ${person} on ${when}:`,
	changed: (label, before, after) => `${label} changed from ${before} to ${after}`,
	set: (label, after) => `${label} set to ${after}`,
	cleared: (label, before) => `${label} cleared (was ${before})`,
	labels: { status: 'Status', assignee: 'Assignee', group: 'Group', field: (id) => `Field ${id}` },
	quote: (text) => `"${text}"`,
	statuses: { new: 'New', open: 'Open', pending: 'Pending', hold: 'On-hold', solved: 'Solved', closed: 'Closed' },
	attachmentsOnly: '(attachments only)',
	emptyMessage: '(empty message)',
	noMessages: '(no messages)',
	noSubject: '(no subject)'
};
