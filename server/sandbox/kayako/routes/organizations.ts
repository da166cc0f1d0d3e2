// Organizations and their domains: create (single and bulk), update, delete, members; a domain belongs to one organization.
import type { Router } from '../../common/router';
import { isStaff, type Handler } from '../context';
import { collectionReply, deletedReply, filterByIds, resourceReply } from '../envelope';
import { fieldDuplicate, fieldInvalid, fieldRequired, forbidden, notFound, validationReply, type KayakoError } from '../errors';
import { existingId, boolean, integer, list, text } from '../input';
import { startBulkJob, type BulkKind } from '../jobs';
import { addDomain, createOrganization, replaceDomains, type NewOrganization } from '../mutate/people';
import type { AccountState } from '../state';
import { checkFieldValues } from '../validate/field-values';

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

function checkDomains(state: AccountState, errors: KayakoError[], value: unknown, ownerId?: number, seen?: Set<string>): string[] | undefined {
	const domains = list(value);
	if (domains === undefined) return undefined;
	for (const domain of domains) {
		if (!DOMAIN.test(domain)) {
			errors.push(fieldInvalid('domains', `"${domain}" is not a domain name`));
			continue;
		}
		const key = `domain:${domain.toLowerCase()}`;
		const taken = [...state.domains.values()].some((entry) => entry.domain.toLowerCase() === domain.toLowerCase() && entry.organization_id !== ownerId);
		if (taken || seen?.has(key)) errors.push(fieldDuplicate('domains', domain));
		seen?.add(key);
	}
	return domains;
}

function prepareOrganization(state: AccountState, body: Record<string, unknown>, seen?: Set<string>): { errors: KayakoError[]; input?: NewOrganization } {
	const errors: KayakoError[] = [];
	const name = text(body.name)?.trim();
	if (!name) errors.push(fieldRequired('name'));
	const domains = checkDomains(state, errors, body.domains, undefined, seen);
	const fieldValues = checkFieldValues(state, 'organization', body.field_values, errors);
	if (errors.length > 0 || !name) return { errors };
	return {
		errors,
		input: { name, legacy_id: text(body.legacy_id) ?? null, domains: domains ?? [], is_shared: boolean(body.is_shared) ?? false, ...(fieldValues && { field_values: fieldValues }), tags: list(body.tags) ?? [] }
	};
}

const createOne: Handler = (context) => {
	if (!isStaff(context.actorRole) || context.actorRole === 'COLLABORATOR') return forbidden();
	const prepared = prepareOrganization(context.state, context.body);
	if (!prepared.input) return validationReply(prepared.errors);
	return resourceReply(context, 'organization', createOrganization(context.state, prepared.input, context.now).id, 201);
};

const updateOne: Handler = (context) => {
	const organization = context.state.organizations.get(Number(context.params.id));
	if (!organization) return notFound();
	if (!isStaff(context.actorRole) || context.actorRole === 'COLLABORATOR') return forbidden();
	const errors: KayakoError[] = [];
	const name = text(context.body.name);
	if (context.body.name !== undefined && !name?.trim()) errors.push(fieldInvalid('name', 'must not be empty'));
	const domains = checkDomains(context.state, errors, context.body.domains, organization.id);
	const fieldValues = checkFieldValues(context.state, 'organization', context.body.field_values, errors);
	if (errors.length > 0) return validationReply(errors);
	if (name) organization.name = name.trim();
	if (domains) replaceDomains(context.state, organization, domains, context.now);
	if (fieldValues) organization.field_values = { ...organization.field_values, ...fieldValues };
	if (context.body.tags !== undefined) organization.tags = list(context.body.tags) ?? [];
	if (context.body.legacy_id !== undefined) organization.legacy_id = text(context.body.legacy_id) ?? null;
	if (boolean(context.body.is_shared) !== undefined) organization.is_shared = boolean(context.body.is_shared) ?? false;
	organization.updated_at = context.now;
	return resourceReply(context, 'organization', organization.id);
};

const deleteOne: Handler = (context) => {
	const organization = context.state.organizations.get(Number(context.params.id));
	if (!organization) return notFound();
	if (!isStaff(context.actorRole) || context.actorRole === 'COLLABORATOR') return forbidden();
	for (const id of organization.domain_ids) context.state.domains.delete(id);
	for (const user of context.state.users.values()) if (user.organization_id === organization.id) user.organization_id = null;
	context.state.organizations.delete(organization.id);
	return deletedReply();
};

const addDomainIdentity: Handler = (context) => {
	const errors: KayakoError[] = [];
	if (context.body.organization_id === undefined) errors.push(fieldRequired('organization_id'));
	const organizationId = existingId(errors, 'organization_id', context.body.organization_id, (id) => context.state.organizations.has(id));
	const domain = text(context.body.domain)?.trim();
	if (!domain) errors.push(fieldRequired('domain'));
	else checkDomains(context.state, errors, domain);
	const organization = organizationId === undefined ? undefined : context.state.organizations.get(organizationId);
	if (errors.length > 0 || !organization || !domain) return validationReply(errors.map((error) => (error.parameter === 'domains' ? { ...error, parameter: 'domain' } : error)));
	return resourceReply(context, 'identity_domain', addDomain(context.state, organization, domain, context.now), 201);
};

export const ORGANIZATION_BULK: BulkKind = {
	key: 'organizations',
	prepare(row, env) {
		const prepared = prepareOrganization(env.state, row, env.seen);
		const input = prepared.input;
		return { errors: prepared.errors, create: () => input && createOrganization(env.state, input, env.now) };
	}
};

export function registerOrganizationRoutes(router: Router<Handler>): void {
	router
		.add('GET', '/organizations', (context) => collectionReply(context, 'organization', filterByIds(context.state.organizations.values(), context.query).map((entry) => entry.id).sort((a, b) => b - a)))
		.add('POST', '/organizations', createOne)
		.add('GET', '/organizations/:id', (context) => resourceReply(context, 'organization', Number(context.params.id)))
		.add('PUT', '/organizations/:id', updateOne)
		.add('DELETE', '/organizations/:id', deleteOne)
		.add('GET', '/organizations/:id/members', (context) => {
			const id = Number(context.params.id);
			if (!context.state.organizations.has(id)) return notFound();
			return collectionReply(context, 'user', [...context.state.users.values()].filter((user) => user.organization_id === id).map((user) => user.id));
		})
		.add('POST', '/bulk/organizations', (context) => startBulkJob(context, 'organizations', ORGANIZATION_BULK))
		.add('GET', '/identities/domains', (context) => {
			const organizationId = integer(context.query.get('organization_id') ?? undefined);
			const domains = [...context.state.domains.values()].filter((entry) => organizationId === undefined || entry.organization_id === organizationId);
			return collectionReply(context, 'identity_domain', domains.map((entry) => entry.id));
		})
		.add('POST', '/identities/domains', addDomainIdentity)
		.add('GET', '/identities/domains/:id', (context) => resourceReply(context, 'identity_domain', Number(context.params.id)));
}
