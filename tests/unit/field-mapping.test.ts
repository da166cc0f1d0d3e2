// The fields step's matching: by name and type, options by label, what a mismatch costs, and the saved choices read back.
import { describe, expect, it } from 'vitest';
import { convertFieldValue } from '../../src/lib/engine/connectors/kayako/writer/field-values';
import { matchedFieldTarget } from '../../src/lib/engine/connectors/kayako/writer/fields';
import { fieldChoices, fieldChoicesJson } from '../../src/lib/engine/field-mapping/choices';
import { matchField, typeIssues, type KayakoFieldView } from '../../src/lib/engine/field-mapping/match';
import type { FieldDefinition } from '../../src/lib/engine/model';
import { toStoredMigration } from '../../src/lib/engine/store/sanitize';

function sourceField(type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition {
	return { id: '1', entity: 'ticket', title: 'Product line', type, options: [], active: true, system: false, ...extra };
}

const lineOptions = [
	{ value: 'line_hardware', label: 'Hardware' },
	{ value: 'line_software', label: 'Software' },
	{ value: 'line_other', label: 'Something else' }
];

const select: KayakoFieldView = { id: 'case:8', title: 'Product Line', key: 'product_line', type: 'SELECT', options: [{ id: 31, label: 'hardware', tag: 'hw' }, { id: 32, label: 'Software', tag: 'sw' }] };
const text: KayakoFieldView = { id: 'case:9', title: 'Notes', key: 'notes', type: 'TEXT', options: [] };

describe('matching source fields to Kayako fields', () => {
	it('suggests the Kayako field of the same name and matches its options by label', () => {
		const match = matchField(sourceField('dropdown', { options: lineOptions }), [text, select]);
		expect(match.suggestion).toEqual({ action: 'match', kayakoId: 'case:8', options: { line_hardware: 31, line_software: 32 } });
		expect(match.candidates[0]?.kayakoId).toBe('case:8');
		expect(match.candidates[0]?.issues).toEqual([]);
	});

	it('suggests creating the field when Kayako has none of that name', () => {
		const match = matchField(sourceField('integer', { title: 'Affected seats' }), [text, select]);
		expect(match.suggestion).toEqual({ action: 'create' });
		expect(match.createType).toBe('NUMERIC');
		expect(match.createIssues).toEqual([]);
	});

	it('explains that a multi-select into a single choice loses values', () => {
		expect(typeIssues(sourceField('multiselect', { options: lineOptions }), 'SELECT')).toEqual(['several-into-one']);
		expect(typeIssues(sourceField('multiselect', { options: lineOptions }), 'CHECKBOX')).toEqual([]);
	});

	it('explains that text into a number, a date or a yes/no field fails for values that do not read as such', () => {
		expect(typeIssues(sourceField('text'), 'NUMERIC')).toEqual(['into-whole-number']);
		expect(typeIssues(sourceField('decimal'), 'NUMERIC')).toEqual(['into-whole-number']);
		expect(typeIssues(sourceField('integer'), 'DECIMAL')).toEqual([]);
		expect(typeIssues(sourceField('text'), 'DATE')).toEqual(['into-date']);
		expect(typeIssues(sourceField('text'), 'YESNO')).toEqual(['into-yes-no']);
		expect(typeIssues(sourceField('text'), 'SELECT')).toEqual(['text-into-choice']);
		expect(typeIssues(sourceField('dropdown', { options: lineOptions }), 'TEXT')).toEqual(['choice-into-text']);
		expect(typeIssues(sourceField('lookup'), 'TEXT')).toEqual(['lookup-as-text']);
	});

	it('knows that a drop-down without options is created as text', () => {
		const match = matchField(sourceField('dropdown', { title: 'Empty' }), []);
		expect(match.createType).toBe('TEXT');
	});
});

describe('a field matched by hand', () => {
	const kayako = { id: 8, title: 'Product area', type: 'SELECT', key: 'product_area', options: [{ id: 31, tag: 'hardware', values: [{ locale: 'en-us', translation: 'Hardware' }] }, { id: 33, tag: 'consulting', values: [{ locale: 'en-us', translation: 'Consulting' }] }] };

	it('writes values through the chosen option mapping, and leaves out options the mapping leaves out', () => {
		const target = matchedFieldTarget(sourceField('dropdown', { options: lineOptions }), kayako, 'case', { line_hardware: 31, line_other: 33 });
		expect(convertFieldValue(target, 'line_other')).toEqual({ value: '33' });
		expect(convertFieldValue(target, 'line_software')).toHaveProperty('problem');
	});

	it('keeps the first of several values in a single choice and says which were lost', () => {
		const target = matchedFieldTarget(sourceField('multiselect', { options: lineOptions }), kayako, 'case', { line_hardware: 31, line_other: 33 });
		expect(convertFieldValue(target, ['line_software', 'line_other', 'line_hardware'])).toEqual({ value: '33', lost: expect.stringContaining('"line_software", "line_hardware"') });
	});

	it('lets a text field reach a drop-down through the option names', () => {
		const target = matchedFieldTarget(sourceField('text'), kayako, 'case');
		expect(convertFieldValue(target, 'Consulting')).toEqual({ value: '33' });
	});
});

describe('the saved choices', () => {
	it('survive the store, even an option value that looks like a secret', () => {
		const json = fieldChoicesJson({ '1': { action: 'match', kayakoId: 'case:8', options: { password_reset: 31 } }, '2': { action: 'skip' }, '3': { action: 'create' } });
		const stored = toStoredMigration({ id: 'm', name: 'n', source: { platform: 'zendesk', url: '' }, target: { url: '', email: '' }, proxyUrl: '', mappings: { fields: json }, stage: 'fields', createdAt: 1, updatedAt: 1 });
		expect(fieldChoices(stored.mappings.fields)).toEqual({ '1': { action: 'match', kayakoId: 'case:8', options: { password_reset: 31 } }, '2': { action: 'skip' }, '3': { action: 'create' } });
	});

	it('reads the object form of options too, and ignores what is not a choice', () => {
		expect(fieldChoices({ '1': { action: 'match', kayakoId: 'case:8', options: { gold: 5 } }, '2': { action: 'match', kayakoId: '8' }, '3': 'skip' })).toEqual({ '1': { action: 'match', kayakoId: 'case:8', options: { gold: 5 } } });
	});
});
