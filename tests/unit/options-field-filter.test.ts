// The options step's custom field filter: which source fields it offers by title, how each kind of value is chosen, and that the saved filter keeps its shape.
import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../src/lib/engine/api';
import { fieldLines, fieldValueProblem, valueInputFor, valueLines } from '../../src/lib/ui/options/field-filter';
import { formFrom, problemsOf, savedFrom } from '../../src/lib/ui/options/options-form';

const field = (id: string, title: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
	id,
	entity: 'ticket',
	title,
	type,
	options: [],
	active: true,
	system: false,
	...extra
});

const productLine = field('501', 'Product line', 'dropdown', {
	options: [
		{ value: 'line_hardware', label: 'Hardware' },
		{ value: 'line_translation', label: 'Übersetzung — 翻訳' }
	]
});
const fields: FieldDefinition[] = [
	field('504', 'Steps to reproduce', 'textarea'),
	productLine,
	field('502', 'Account manager', 'lookup'),
	field('503', 'Escalated to engineering', 'checkbox'),
	field('505', 'Legacy reference (retired)', 'text', { active: false })
];

describe('the fields the filter offers', () => {
	it('lists custom ticket fields by title, leaves out lookups (they hold another record’s id) and marks retired ones', () => {
		expect(fieldLines(fields, '')).toEqual([
			{ id: '503', title: 'Escalated to engineering' },
			{ id: '505', title: 'Legacy reference (retired)', note: 'inactive' },
			{ id: '501', title: 'Product line' },
			{ id: '504', title: 'Steps to reproduce' }
		]);
	});

	it('shows a saved field by its title, and a saved id the source no longer has as the id with a note', () => {
		expect(fieldLines(fields, '501')).toContainEqual({ id: '501', title: 'Product line' });
		expect(fieldLines(fields, '999')[0]).toEqual({ id: '999', note: 'gone' });
		// A hand-edited settings file may name a lookup: it stays, by title, rather than look gone.
		expect(fieldLines(fields, '502')).toContainEqual({ id: '502', title: 'Account manager' });
	});

	it('shows the saved id as not read yet while the source cannot be read', () => {
		expect(fieldLines(undefined, '501')).toEqual([{ id: '501', note: 'notLoaded' }]);
		expect(fieldLines(undefined, '')).toEqual([]);
	});
});

describe('how the value is chosen', () => {
	it('asks for each type of field in a way that suits it', () => {
		expect(valueInputFor(productLine)).toBe('options');
		expect(valueInputFor(field('6', 'Products', 'multiselect', { options: [{ value: 'web', label: 'Web' }] }))).toBe('options');
		expect(valueInputFor(field('7', 'Empty choice', 'dropdown'))).toBe('text');
		expect(valueInputFor(field('8', 'Escalated', 'checkbox'))).toBe('yesNo');
		expect(valueInputFor(field('9', 'Seats', 'integer'))).toBe('whole');
		expect(valueInputFor(field('10', 'Refund', 'decimal'))).toBe('decimal');
		expect(valueInputFor(field('11', 'Renewal', 'date'))).toBe('date');
		expect(valueInputFor(field('12', 'Order', 'regexp'))).toBe('text');
		expect(valueInputFor(undefined)).toBe('text');
	});

	it('offers a drop-down’s choices by label and keeps the tag the tickets store, plus a saved value the field no longer offers', () => {
		expect(valueLines(productLine, '')).toEqual([
			{ value: 'line_hardware', label: 'Hardware' },
			{ value: 'line_translation', label: 'Übersetzung — 翻訳' }
		]);
		expect(valueLines(productLine, 'line_old')[0]).toEqual({ value: 'line_old', label: 'line_old', gone: true });
		expect(valueLines(productLine, 'line_hardware')).toHaveLength(2);
	});

	it('refuses a number or date the source could never hold, and keeps a number as typed', () => {
		expect(fieldValueProblem(field('9', 'Seats', 'integer'), '25')).toBeUndefined();
		expect(fieldValueProblem(field('9', 'Seats', 'integer'), '2.5')).toBe('fieldWhole');
		expect(fieldValueProblem(field('10', 'Refund', 'decimal'), '12.50')).toBeUndefined();
		expect(fieldValueProblem(field('10', 'Refund', 'decimal'), '12,50')).toBe('fieldDecimal');
		expect(fieldValueProblem(field('11', 'Renewal', 'date'), '2025-02-30x')).toBe('date');
		expect(fieldValueProblem(undefined, 'anything')).toBeUndefined();
	});
});

describe('the saved filter', () => {
	const blank = () => formFrom({}, {});

	it('keeps the shape runs read: the field’s source id and the stored value', () => {
		const form = { ...blank(), fieldId: '501', fieldValue: 'line_translation' };
		const { filters } = savedFrom(form, {});
		expect(filters.field).toEqual({ id: '501', value: 'line_translation' });
		expect(formFrom({}, filters)).toMatchObject({ fieldId: '501', fieldValue: 'line_translation' });
		expect(savedFrom({ ...blank(), fieldId: '503', fieldValue: 'false' }, {}).filters.field).toEqual({ id: '503', value: 'false' });
	});

	it('asks for a value once a field is chosen, and checks its form against the field’s type', () => {
		expect(problemsOf({ ...blank(), fieldId: '501' }, productLine)).toEqual({ field: 'fieldBoth' });
		expect(problemsOf({ ...blank(), fieldId: '9', fieldValue: 'many' }, field('9', 'Seats', 'integer'))).toEqual({ fieldValue: 'fieldWhole' });
		expect(problemsOf({ ...blank(), fieldId: '501', fieldValue: 'line_hardware' }, productLine)).toEqual({});
	});
});
