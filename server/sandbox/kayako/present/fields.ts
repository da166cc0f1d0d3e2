// Presenters for case, user and organization fields, their options, and the localized strings (locale_field) they carry.
import type { FieldFamily } from '../records';
import { iso } from '../time';
import { refs, type Presenter, type PresentContext } from './ref';

const FIELD_PATHS: Record<FieldFamily, string> = { case: 'cases/fields', user: 'users/fields', organization: 'organizations/fields' };

function fieldPresenter(family: FieldFamily): Presenter {
	return (context: PresentContext, id) => {
		const record = context.state.fields.get(Number(id));
		if (!record || record.family !== family) return undefined;
		return {
			id: record.id,
			fielduuid: record.fielduuid,
			title: record.title,
			type: record.type,
			key: record.key,
			// Only case fields carry the agent-side requirements.
			...(family === 'case' && { is_required_for_agents: record.is_required_for_agents, is_required_on_resolution: record.is_required_on_resolution }),
			is_visible_to_customers: record.is_visible_to_customers,
			customer_titles: refs('locale_field', record.customer_title_ids),
			is_customer_editable: record.is_customer_editable,
			is_required_for_customers: record.is_required_for_customers,
			descriptions: refs('locale_field', record.description_ids),
			regular_expression: record.regular_expression,
			sort_order: record.sort_order,
			is_enabled: record.is_enabled,
			is_system: record.is_system,
			options: refs('field_option', record.option_ids),
			created_at: iso(record.created_at),
			updated_at: iso(record.updated_at),
			resource_type: `${family}_field`,
			resource_url: `${context.apiBase}/${FIELD_PATHS[family]}/${record.id}`
		};
	};
}

const fieldOption: Presenter = (context, id) => {
	const record = context.state.fieldOptions.get(Number(id));
	if (!record) return undefined;
	const field = context.state.fields.get(record.field_id);
	return {
		id: record.id,
		fielduuid: field?.fielduuid ?? null,
		values: refs('locale_field', record.value_ids),
		// Not in the 2022 recordings; the docs' create example sends it, and a writer maps option values by it.
		tag: record.tag,
		sort_order: record.sort_order,
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'field_option',
		resource_url: `${context.apiBase}/base/field/option/${record.id}`
	};
};

const localeField: Presenter = (context, id) => {
	const record = context.state.localeStrings.get(Number(id));
	if (!record) return undefined;
	return {
		id: record.id,
		locale: record.locale,
		translation: record.translation,
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'locale_field',
		resource_url: `${context.apiBase}/locale/fields/${record.id}`
	};
};

export const FIELD_PRESENTERS: Readonly<Record<string, Presenter>> = {
	case_field: fieldPresenter('case'),
	user_field: fieldPresenter('user'),
	organization_field: fieldPresenter('organization'),
	field_option: fieldOption,
	locale_field: localeField
};
