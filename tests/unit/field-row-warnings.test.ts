// The fields step's warnings: the summary counts a field whenever its row shows a warning, options left out included.
import { describe, expect, it } from 'vitest';
import type { KayakoFieldView, SourceFieldMatch } from '../../src/lib/engine/api';
import { hasWarnings, rowWarnings, type RowChoice } from '../../src/lib/ui/fields/row-choice';

const kayako: KayakoFieldView[] = [
	{ id: 'case:1', title: 'Product', key: 'product', type: 'SELECT', options: [{ id: 11, label: 'Basic' }] },
	{ id: 'case:2', title: 'Notes', key: 'notes', type: 'TEXT', options: [] }
];

function match(id: string, overrides: Partial<SourceFieldMatch> = {}): SourceFieldMatch {
	return {
		field: { id, entity: 'ticket', title: `Field ${id}`, type: 'dropdown', options: [{ value: 'basic', label: 'Basic' }, { value: 'pro', label: 'Pro' }], active: true, system: false },
		suggestion: { action: 'create' },
		candidates: [
			{ kayakoId: 'case:1', issues: [], options: { basic: 11 } },
			{ kayakoId: 'case:2', issues: ['choice-into-text'], options: {} }
		],
		createType: 'SELECT',
		createIssues: [],
		...overrides
	};
}

const count = (rows: [SourceFieldMatch, RowChoice][]) => rows.filter(([each, choice]) => hasWarnings(rowWarnings(each, kayako, choice))).length;

describe('rowWarnings', () => {
	it('warns about a drop-down option mapped to nothing, though the field itself fits', () => {
		const warnings = rowWarnings(match('7'), kayako, { target: 'case:1', options: { basic: '11', pro: '' } });
		expect(warnings.issues).toEqual([]);
		expect(warnings.leftOut.map((option) => option.value)).toEqual(['pro']);
	});

	it('counts both fields when one has a type issue and the other an option left out', () => {
		expect(
			count([
				[match('7'), { target: 'case:1', options: { basic: '11', pro: '' } }],
				[match('8'), { target: 'case:2', options: {} }],
				[match('9'), { target: 'case:1', options: { basic: '11', pro: '11' } }],
				[match('10'), { target: 'skip', options: {} }]
			])
		).toBe(2);
	});
});
