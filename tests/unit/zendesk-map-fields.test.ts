import { describe, expect, it } from 'vitest';
import { mapProfileField, mapTicketField } from '../../src/lib/engine/connectors/zendesk/map-fields';
import { mapArticle, mapSection } from '../../src/lib/engine/connectors/zendesk/map-help-center';
import type { ZendeskTicketField } from '../../src/lib/engine/connectors/zendesk/types';

function field(overrides: Partial<ZendeskTicketField>): ZendeskTicketField {
	return { id: 40000009, type: 'text', title: 'Order number', description: 'Order number (custom field)', active: true, removable: true, regexp_for_validation: null, ...overrides };
}

describe('mapping Zendesk field definitions', () => {
	it('maps a tagger field to a drop-down whose option values are the tags', () => {
		const mapped = mapTicketField(field({ type: 'tagger', title: 'Product line', custom_field_options: [{ id: 1, name: 'Hardware', value: 'line_hardware' }, { id: 2, name: 'Übersetzung — 翻訳', value: 'line_translation' }] }));
		expect(mapped).toEqual({
			id: '40000009',
			entity: 'ticket',
			title: 'Product line',
			type: 'dropdown',
			options: [
				{ value: 'line_hardware', label: 'Hardware' },
				{ value: 'line_translation', label: 'Übersetzung — 翻訳' }
			],
			description: 'Order number (custom field)',
			active: true,
			system: false
		});
	});

	it('maps every custom ticket field type to the model type', () => {
		const types = ['text', 'textarea', 'checkbox', 'date', 'integer', 'decimal', 'regexp', 'partialcreditcard', 'multiselect', 'tagger', 'lookup'].map((type) => mapTicketField(field({ type })).type);
		expect(types).toEqual(['text', 'textarea', 'checkbox', 'date', 'integer', 'decimal', 'regexp', 'text', 'multiselect', 'dropdown', 'lookup']);
	});

	it('marks the fields Zendesk does not let anyone remove as system fields, with their options', () => {
		const status = mapTicketField(field({ type: 'status', title: 'Status', removable: false, system_field_options: [{ name: 'Open', value: 'open' }, { name: 'On-hold', value: 'hold' }] }));
		expect(status).toMatchObject({ system: true, type: 'dropdown', options: [{ value: 'open', label: 'Open' }, { value: 'hold', label: 'On-hold' }] });
		expect(mapTicketField(field({ type: 'subject', removable: false })).system).toBe(true);
	});

	it('takes Type and Priority for system fields although real accounts mark them removable', () => {
		// As a real account answers: built-in, yet `removable: true`, with system_field_options.
		const type = mapTicketField(field({ type: 'tickettype', title: 'Type', removable: true, system_field_options: [{ name: 'Question', value: 'question' }] }));
		const priority = mapTicketField(field({ type: 'priority', title: 'Priority', removable: true, system_field_options: [{ name: 'Low', value: 'low' }] }));
		expect([type.system, priority.system]).toEqual([true, true]);
		expect(mapTicketField(field({ type: 'tagger', removable: true })).system).toBe(false);
	});

	it('keeps the pattern of a regexp field and the retired state of an inactive one', () => {
		expect(mapTicketField(field({ type: 'regexp', regexp_for_validation: '^SN-[0-9]{6}$' })).pattern).toBe('^SN-[0-9]{6}$');
		expect(mapTicketField(field({ active: false })).active).toBe(false);
	});

	it('keeps the key of a user field and reads its drop-down options', () => {
		const mapped = mapProfileField({ id: 42000000, key: 'plan', type: 'dropdown', title: 'Plan', active: true, system: false, custom_field_options: [{ id: 1, name: 'Free', value: 'plan_free' }] }, 'user');
		expect(mapped).toEqual({ id: '42000000', entity: 'user', title: 'Plan', key: 'plan', type: 'dropdown', options: [{ value: 'plan_free', label: 'Free' }], active: true, system: false });
	});
});

describe('mapping the Help Center', () => {
	it('keeps a section under its category', () => {
		expect(mapSection({ id: 61000000, category_id: 60000000, name: 'First steps', description: '', locale: 'en-us', position: 0 })).toEqual({ id: '61000000', categoryId: '60000000', title: 'First steps', locale: 'en-us', position: 0 });
	});

	it('keeps an article with its HTML, labels as tags, draft state and public address', () => {
		const mapped = mapArticle(
			{ id: 62000000, section_id: 61000000, title: 'Reset your password', body: '<p>Click “Forgot”.</p>', author_id: 10000000, draft: true, locale: 'en-us', label_names: ['faq'], position: 3, html_url: 'https://acme.zendesk.com/hc/en-us/articles/62000000', created_at: '2020-01-01T00:00:00Z', updated_at: '2020-02-01T00:00:00Z' },
			[]
		);
		expect(mapped).toEqual({ id: '62000000', sectionId: '61000000', title: 'Reset your password', html: '<p>Click “Forgot”.</p>', authorId: '10000000', draft: true, locale: 'en-us', tags: ['faq'], attachments: [], createdAt: '2020-01-01T00:00:00Z', updatedAt: '2020-02-01T00:00:00Z', url: 'https://acme.zendesk.com/hc/en-us/articles/62000000', position: 3 });
	});
});
