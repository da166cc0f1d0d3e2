// Field value conversion per Kayako type, and mapping statuses, priorities and types to the account's ids.
import { plainReason } from '../../src/lib/engine/reports/reasons/because';
import { describe, expect, it } from 'vitest';
import type { FieldTarget } from '../../src/lib/engine/connectors/kayako/writer/context';
import { convertFieldValue, convertFieldValues, kayakoTimestamp } from '../../src/lib/engine/connectors/kayako/writer/field-values';
import { priorityIdFor, roleIdFor, statusIdFor, typeIdFor, type ReferenceData } from '../../src/lib/engine/connectors/kayako/writer/reference-data';

function target(type: string, options: [string, number][] = []): FieldTarget {
	return { id: 1, key: 'k', type, family: 'case', optionIds: new Map(options) };
}

describe('field values for Kayako', () => {
	it('writes a dropdown value as the id of the matching Kayako option', () => {
		expect(convertFieldValue(target('SELECT', [['gold', 7]]), 'gold')).toEqual({ value: '7' });
		expect(convertFieldValue(target('SELECT', [['gold', 7]]), 'silver')).toMatchObject({ problem: expect.stringContaining('silver') });
	});

	it('writes a multiselect value as a comma-separated list of option ids', () => {
		expect(convertFieldValue(target('CHECKBOX', [['a', 1], ['b', 2]]), ['b', 'a'])).toEqual({ value: '2,1' });
		expect(convertFieldValue(target('CHECKBOX', [['a', 1]]), ['z', 'y'])).toMatchObject({ problem: expect.stringContaining('"z", "y" are not among') });
	});

	it('keeps the valid choices of a multiselect when one option was deleted, and notes the one left out', () => {
		expect(convertFieldValue(target('CHECKBOX', [['a', 1], ['b', 2]]), ['a', 'gone', 'b'])).toEqual({ value: '1,2', lost: expect.stringContaining('"gone" is not among the field\'s options') });
		const { fieldValues, warnings } = convertFieldValues('T1', { '12': ['a', 'gone'] }, () => ({ ...target('CHECKBOX', [['a', 1]]), key: 'products' }), 'case');
		expect(fieldValues).toEqual({ products: '1' });
		expect(warnings.map((warning) => ({ ...warning, message: plainReason(warning.message) }))).toEqual([{ sourceId: 'T1', message: expect.stringMatching(/^Field products: "gone" is not among .* left out and the other choices kept\.$/) }]);
	});

	it('writes yes/no as 1 or 0 whatever the source sends', () => {
		expect(convertFieldValue(target('YESNO'), true)).toEqual({ value: '1' });
		expect(convertFieldValue(target('YESNO'), false)).toEqual({ value: '0' });
		expect(convertFieldValue(target('YESNO'), 'yes')).toEqual({ value: '1' });
		expect(convertFieldValue(target('YESNO'), 'maybe')).toHaveProperty('problem');
	});

	it('writes dates as ISO 8601 with an explicit offset, and rejects what is not a date', () => {
		expect(convertFieldValue(target('DATE'), '2024-03-01')).toEqual({ value: '2024-03-01T00:00:00+00:00' });
		expect(convertFieldValue(target('DATE'), '2024-03-01T10:20:30.123Z')).toEqual({ value: '2024-03-01T10:20:30+00:00' });
		expect(convertFieldValue(target('DATE'), 'next week')).toHaveProperty('problem');
		expect(kayakoTimestamp('nonsense')).toBeUndefined();
	});

	it('keeps whole and decimal numbers, and refuses text in them', () => {
		expect(convertFieldValue(target('NUMERIC'), 42)).toEqual({ value: '42' });
		expect(convertFieldValue(target('NUMERIC'), '4.2')).toHaveProperty('problem');
		expect(convertFieldValue(target('DECIMAL'), '-4.25')).toEqual({ value: '-4.25' });
	});

	it('skips empty values rather than writing them', () => {
		expect(convertFieldValue(target('TEXT'), null)).toEqual({ skip: true });
		expect(convertFieldValue(target('TEXT'), '')).toEqual({ skip: true });
		expect(convertFieldValue(target('CHECKBOX'), [])).toEqual({ skip: true });
	});

	it('keys values by the Kayako field key, leaves out unknown fields, and warns about values it cannot convert', () => {
		const targets: Record<string, FieldTarget> = { '10': { ...target('SELECT', [['gold', 7]]), key: 'plan' }, '11': { ...target('NUMERIC'), key: 'seats' } };
		const { fieldValues, warnings } = convertFieldValues('T1', { '10': 'gold', '11': 'many', '99': 'x' }, (id) => targets[id], 'case');
		expect(fieldValues).toEqual({ plan: '7' });
		expect(warnings).toEqual([{ sourceId: 'T1', message: expect.stringContaining('seats') }]);
	});

	it('does not write a user field into a case', () => {
		const { fieldValues } = convertFieldValues('T1', { '10': 'x' }, () => ({ ...target('TEXT'), family: 'user' }), 'case');
		expect(fieldValues).toEqual({});
	});
});

const DATA: ReferenceData = {
	roles: [
		{ id: 1, type: 'OWNER', title: 'Owner' },
		{ id: 2, type: 'ADMIN', title: 'Administrator' },
		{ id: 3, type: 'AGENT', title: 'Agent' },
		{ id: 4, type: 'COLLABORATOR', title: 'Collaborator' },
		{ id: 5, type: 'CUSTOMER', title: 'Customer' }
	],
	statuses: [
		{ id: 1, label: 'New', type: 'NEW' },
		{ id: 2, label: 'Open', type: 'OPEN' },
		{ id: 3, label: 'Pending', type: 'PENDING' },
		{ id: 4, label: 'Completed', type: 'COMPLETED' },
		{ id: 5, label: 'Closed', type: 'CLOSED' },
		{ id: 6, label: 'Waiting on vendor', type: 'CUSTOM' }
	],
	priorities: [
		{ id: 11, label: 'Low' },
		{ id: 12, label: 'Normal' },
		{ id: 13, label: 'High' },
		{ id: 14, label: 'Urgent' }
	],
	types: [
		{ id: 21, label: 'Question', type: 'QUESTION' },
		{ id: 22, label: 'Incident', type: 'INCIDENT' }
	]
};

describe('status, priority, type and role mapping', () => {
	it('maps solved to Completed and on-hold to Pending', () => {
		expect(statusIdFor(DATA, 'solved')).toBe(4);
		expect(statusIdFor(DATA, 'on-hold')).toBe(3);
		expect(statusIdFor(DATA, 'new')).toBe(1);
		expect(statusIdFor(DATA, 'closed')).toBe(5);
	});

	it('prefers a Kayako status with the source status name', () => {
		expect(statusIdFor(DATA, 'pending', 'Waiting on vendor')).toBe(6);
		expect(statusIdFor({ ...DATA, statuses: [...DATA.statuses, { id: 7, label: 'On hold', type: 'CUSTOM' }] }, 'on-hold')).toBe(7);
	});

	it('maps priorities and types by name, and leaves out what the account lacks', () => {
		expect(priorityIdFor(DATA, 'urgent')).toBe(14);
		expect(priorityIdFor(DATA, undefined)).toBeUndefined();
		expect(typeIdFor(DATA, 'incident')).toBe(22);
		expect(typeIdFor(DATA, 'task')).toBeUndefined();
	});

	it('maps light agents to collaborators', () => {
		expect(roleIdFor(DATA, 'light-agent')).toBe(4);
		expect(roleIdFor(DATA, 'customer')).toBe(5);
	});
});
