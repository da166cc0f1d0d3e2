// Case, user and organization fields: list with options, create (admins only), update with option replacement, delete.
import type { Router } from '../../common/router';
import { isAdmin, type Handler, type RequestContext } from '../context';
import { deletedReply, resourceReply, wholeCollectionReply } from '../envelope';
import { errorReply, fieldInvalid, fieldRequired, forbidden, notFound, validationReply, type KayakoError } from '../errors';
import { boolean, integer, localized, record, text } from '../input';
import { addOption, createField, CUSTOM_TYPES, deleteField, OPTION_TYPES, optionTag, type NewOption } from '../mutate/fields';
import type { FieldFamily, FieldRecord, FieldType } from '../records';
import { addLocaleStrings } from '../state';

const PATHS: Record<FieldFamily, string> = { case: '/cases/fields', user: '/users/fields', organization: '/organizations/fields' };

function readOptions(value: unknown, errors: KayakoError[]): (NewOption & { id?: number })[] | undefined {
	if (value === undefined) return undefined;
	if (!Array.isArray(value)) {
		errors.push(fieldInvalid('options', 'must be an array of {values, tag, sort_order}'));
		return undefined;
	}
	const options: (NewOption & { id?: number })[] = [];
	value.forEach((entry, index) => {
		const item = record(entry);
		const values = localized(item?.values);
		if (!item || !values || values.length === 0) {
			errors.push(fieldInvalid(`options[${index}].values`, 'must be a non-empty array of {locale, translation}'));
			return;
		}
		const id = integer(item.id);
		const sortOrder = integer(item.sort_order);
		options.push({ values, ...(text(item.tag) !== undefined && { tag: text(item.tag) }), ...(sortOrder !== undefined && !Number.isNaN(sortOrder) && { sort_order: sortOrder }), ...(id !== undefined && !Number.isNaN(id) && { id }) });
	});
	const tags = options.map((option) => option.tag ?? optionTag(option.values[0]?.translation ?? ''));
	const duplicate = tags.find((tag, index) => tags.indexOf(tag) !== index);
	if (duplicate !== undefined) errors.push({ code: 'FIELD_DUPLICATE', parameter: 'options', message: `Two options share the tag "${duplicate}"` });
	return options;
}

function flag(body: Record<string, unknown>, name: string, errors: KayakoError[]): boolean | undefined {
	if (body[name] === undefined) return undefined;
	const value = boolean(body[name]);
	if (value === undefined) errors.push(fieldInvalid(name, 'must be true or false'));
	return value;
}

function create(family: FieldFamily): Handler {
	return (context) => {
		if (!isAdmin(context)) return forbidden('Only administrators can create fields');
		const errors: KayakoError[] = [];
		const type = text(context.body.type)?.toUpperCase() as FieldType | undefined;
		if (!type) errors.push(fieldRequired('type'));
		else if (!CUSTOM_TYPES.includes(type)) errors.push(fieldInvalid('type', `"${type}" is not one of ${CUSTOM_TYPES.join(', ')}`));
		const title = text(context.body.title)?.trim();
		if (!title) errors.push(fieldRequired('title'));
		const options = readOptions(context.body.options, errors);
		if (type && OPTION_TYPES.includes(type) && (!options || options.length === 0)) errors.push(fieldRequired('options'));
		const pattern = text(context.body.regular_expression);
		if (type === 'REGEX' && !pattern) errors.push(fieldRequired('regular_expression'));
		if (pattern) {
			try {
				new RegExp(pattern);
			} catch {
				errors.push(fieldInvalid('regular_expression', 'is not a valid regular expression'));
			}
		}
		const flags = Object.fromEntries(
			['is_required_for_agents', 'is_required_on_resolution', 'is_visible_to_customers', 'is_customer_editable', 'is_required_for_customers', 'is_enabled']
				.map((name) => [name, flag(context.body, name, errors)] as const)
				.filter(([, value]) => value !== undefined)
		);
		const customerTitles = context.body.customer_titles === undefined ? undefined : localized(context.body.customer_titles);
		if (context.body.customer_titles !== undefined && !customerTitles) errors.push(fieldInvalid('customer_titles', 'must be an array of {locale, translation}'));
		const descriptions = context.body.descriptions === undefined ? undefined : localized(context.body.descriptions);
		if (context.body.descriptions !== undefined && !descriptions) errors.push(fieldInvalid('descriptions', 'must be an array of {locale, translation}'));
		if (errors.length > 0 || !type || !title) return validationReply(errors);
		const field = createField(context.state, family, {
			type,
			title,
			...flags,
			regular_expression: type === 'REGEX' ? (pattern ?? null) : null,
			...(customerTitles && { customer_titles: customerTitles }),
			...(descriptions && { descriptions }),
			...(options && { options })
		}, context.now);
		return resourceReply(context, `${family}_field`, field.id, 201);
	};
}

function fieldOf(context: RequestContext, family: FieldFamily): FieldRecord | undefined {
	const field = context.state.fields.get(Number(context.params.id));
	return field && field.family === family ? field : undefined;
}

/** On update, the options sent replace the field's: ones with an id are kept (and relabelled), the rest are new. */
function update(family: FieldFamily): Handler {
	return (context) => {
		if (!isAdmin(context)) return forbidden('Only administrators can change fields');
		const field = fieldOf(context, family);
		if (!field) return notFound();
		const errors: KayakoError[] = [];
		const title = text(context.body.title);
		if (context.body.title !== undefined && !title?.trim()) errors.push(fieldInvalid('title', 'must not be empty'));
		const enabled = flag(context.body, 'is_enabled', errors);
		const options = readOptions(context.body.options, errors);
		if (options?.some((option) => option.id !== undefined && !field.option_ids.includes(option.id))) errors.push(fieldInvalid('options', 'an option id does not belong to this field'));
		if (errors.length > 0) return validationReply(errors);
		if (title) field.title = title.trim();
		if (enabled !== undefined) field.is_enabled = enabled;
		if (options) {
			const kept = new Set(options.flatMap((option) => (option.id === undefined ? [] : [option.id])));
			for (const id of field.option_ids) if (!kept.has(id)) context.state.fieldOptions.delete(id);
			field.option_ids = field.option_ids.filter((id) => kept.has(id));
			for (const option of options) {
				const existing = option.id === undefined ? undefined : context.state.fieldOptions.get(option.id);
				if (!existing) addOption(context.state, field, option, context.now);
				else {
					existing.value_ids = addLocaleStrings(context.state, option.values, context.now);
					if (option.tag !== undefined) existing.tag = option.tag;
					if (option.sort_order !== undefined) existing.sort_order = option.sort_order;
					existing.updated_at = context.now;
				}
			}
		}
		field.updated_at = context.now;
		return resourceReply(context, `${family}_field`, field.id);
	};
}

function remove(family: FieldFamily): Handler {
	return (context) => {
		if (!isAdmin(context)) return forbidden('Only administrators can delete fields');
		const field = fieldOf(context, family);
		if (!field) return notFound();
		if (field.is_system) return errorReply(400, 'RESOURCE_ACTION_NOT_AVAILABLE', { message: 'System fields cannot be deleted' });
		deleteField(context.state, field);
		return deletedReply();
	};
}

export function registerFieldRoutes(router: Router<Handler>): void {
	for (const family of ['case', 'user', 'organization'] as const) {
		const path = PATHS[family];
		const type = `${family}_field`;
		router
			.add('GET', path, (context) =>
				wholeCollectionReply(context, type, [...context.state.fields.values()].filter((field) => field.family === family).sort((a, b) => a.sort_order - b.sort_order).map((field) => field.id))
			)
			.add('POST', path, create(family))
			.add('GET', `${path}/:id`, (context) => (fieldOf(context, family) ? resourceReply(context, type, Number(context.params.id)) : notFound()))
			.add('PUT', `${path}/:id`, update(family))
			.add('DELETE', `${path}/:id`, remove(family))
			.add('GET', `${path}/:id/options`, (context) => {
				const field = fieldOf(context, family);
				if (!field) return notFound();
				return wholeCollectionReply(context, 'field_option', field.option_ids);
			});
	}
}
