// Reference data: ticket fields and their options, user and organization fields, ticket forms, brands, support addresses, custom statuses.
import { jsonReply } from '../../common/reply';
import { brands, customStatuses, supportAddresses, organizationFields, ticketFields, ticketForms, userFields, type FieldOption } from '../generator/catalog';
import { recordNotFound } from '../http/errors';
import { numberParam, type RequestContext, type RouteSpec } from '../http/context';
import { paginate, wantsCursor } from '../http/pagination';
import { withUrl } from '../present';

function presentOption(baseUrl: string, fieldId: number, option: FieldOption): Record<string, unknown> {
	return { ...option, url: `${baseUrl}/api/v2/ticket_fields/${fieldId}/options/${option.id}.json` };
}

function presentField(baseUrl: string, field: ReturnType<typeof ticketFields>[number]): Record<string, unknown> {
	const { custom_field_options: options, ...rest } = field;
	return { ...withUrl(baseUrl, 'ticket_fields', rest), ...(options && { custom_field_options: options.map((option) => presentOption(baseUrl, field.id, option)) }) };
}

/** Unpaginated, Zendesk returns every ticket field by position; with page[size], 100 a page by id. */
function listTicketFields(context: RequestContext) {
	const fields = ticketFields(context.account.plan);
	if (!wantsCursor(context.query)) return jsonReply(200, { ticket_fields: fields.map((field) => presentField(context.baseUrl, field)), next_page: null, previous_page: null, count: fields.length });
	const page = paginate(context, fields, { keyOf: (field) => [field.id] });
	if (!page.ok) return page.reply;
	return jsonReply(200, { ticket_fields: page.items.map((field) => presentField(context.baseUrl, field)), ...page.envelope });
}

function showTicketField(context: RequestContext) {
	const id = numberParam(context, 'id');
	const field = ticketFields(context.account.plan).find((candidate) => candidate.id === id);
	return field ? jsonReply(200, { ticket_field: presentField(context.baseUrl, field) }) : recordNotFound();
}

function ticketFieldOptions(context: RequestContext) {
	const id = numberParam(context, 'id');
	const field = ticketFields(context.account.plan).find((candidate) => candidate.id === id);
	if (!field?.custom_field_options) return recordNotFound();
	const options = field.custom_field_options;
	return jsonReply(200, { custom_field_options: options.map((option) => presentOption(context.baseUrl, field.id, option)), next_page: null, previous_page: null, count: options.length });
}

function profileFieldList(collection: 'user_fields' | 'organization_fields', source: typeof userFields) {
	return (context: RequestContext) => {
		const page = paginate(context, source(context.account.plan), { keyOf: (field) => [field.id] });
		if (!page.ok) return page.reply;
		return jsonReply(200, { [collection]: page.items.map((field) => withUrl(context.baseUrl, collection, field)), ...page.envelope });
	};
}

function listTicketForms(context: RequestContext) {
	const page = paginate(context, ticketForms(context.account.plan), { keyOf: (form) => [form.id] });
	if (!page.ok) return page.reply;
	return jsonReply(200, { ticket_forms: page.items.map((form) => withUrl(context.baseUrl, 'ticket_forms', form)), ...page.envelope });
}

function listBrands(context: RequestContext) {
	const page = paginate(context, brands(context.account.plan, context.baseUrl), { keyOf: (brand) => [brand.id] });
	if (!page.ok) return page.reply;
	return jsonReply(200, { brands: page.items.map((brand) => withUrl(context.baseUrl, 'brands', brand)), ...page.envelope });
}

function listSupportAddresses(context: RequestContext) {
	const page = paginate(context, supportAddresses(context.account.plan), { keyOf: (address) => [address.id as number] });
	if (!page.ok) return page.reply;
	return jsonReply(200, { recipient_addresses: page.items.map((address) => withUrl(context.baseUrl, 'recipient_addresses', address as { id: number })), ...page.envelope });
}

function listCustomStatuses(context: RequestContext) {
	const category = context.query.get('status_categories');
	const categories = category ? category.split(',') : undefined;
	const statuses = customStatuses(context.account.plan).filter((status) => !categories || categories.includes(status.status_category));
	return jsonReply(200, { custom_statuses: statuses.map((status) => withUrl(context.baseUrl, 'custom_statuses', status)) });
}

export const catalogRoutes: Record<string, RouteSpec> = {
	'/api/v2/ticket_fields': { handler: listTicketFields, access: 'agent', counter: 'support', list: true },
	'/api/v2/ticket_fields/:id': { handler: showTicketField, access: 'agent', counter: 'support' },
	'/api/v2/ticket_fields/:id/options': { handler: ticketFieldOptions, access: 'agent', counter: 'support', list: true },
	'/api/v2/user_fields': { handler: profileFieldList('user_fields', userFields), access: 'agent', counter: 'support', list: true },
	'/api/v2/organization_fields': { handler: profileFieldList('organization_fields', organizationFields), access: 'agent', counter: 'support', list: true },
	'/api/v2/ticket_forms': { handler: listTicketForms, access: 'agent', counter: 'support', list: true },
	'/api/v2/brands': { handler: listBrands, access: 'agent', counter: 'support', list: true },
	'/api/v2/recipient_addresses': { handler: listSupportAddresses, access: 'agent', counter: 'support', list: true },
	'/api/v2/custom_statuses': { handler: listCustomStatuses, access: 'agent', counter: 'support', list: true }
};
