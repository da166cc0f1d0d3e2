// Organizations: create with domains, tags, field values and the source id as legacy_id; find them again by legacy id or name.
import { because } from '../../../reports/reasons/because';
import { MigrationError } from '../../../errors';
import type { Organization } from '../../../model';
import type { KayakoSession } from '../session';
import { chunks, listAll, type WriteContext, type WriteWarning, type Written } from './context';
import { convertFieldValues } from './field-values';

export interface KayakoOrganization {
	id: number;
	name: string;
	legacy_id: string | null;
}

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

export function isDuplicate(error: unknown, parameter: string): boolean {
	return error instanceof MigrationError && error.info.code === 'FIELD_DUPLICATE' && (error.info.parameter ?? '').split(',').includes(parameter);
}

/**
 * Creates the organization. A domain another Kayako organization already owns is dropped with a warning
 * (Kayako lets one organization own a domain) rather than failing the organization.
 */
export async function createOrganization(ctx: Pick<WriteContext, 'session' | 'fieldTarget'>, org: Organization): Promise<Written> {
	const { body, domains, warnings } = organizationRow(ctx, org);
	try {
		const envelope = await ctx.session.request<KayakoOrganization>({ method: 'POST', path: 'organizations.json', json: body });
		return { id: envelope.data.id, warnings };
	} catch (error) {
		if (!isDuplicate(error, 'domains')) throw error;
		const envelope = await ctx.session.request<KayakoOrganization>({ method: 'POST', path: 'organizations.json', json: withoutDomains(org.id, body, domains, warnings) });
		return { id: envelope.data.id, warnings };
	}
}

/** The organization again without its domains, after Kayako said another organization owns one; the report names them. */
export function withoutDomains(sourceId: string, body: Record<string, unknown>, domains: readonly string[], warnings: WriteWarning[]): Record<string, unknown> {
	const { domains: _taken, ...rest } = body;
	warnings.push({ sourceId, message: because('domains-taken', { domains: [...domains] }) });
	return rest;
}

/** The body of an organization's create, the same for POST /organizations and a row of POST /bulk/organizations. */
export function organizationRow(ctx: Pick<WriteContext, 'fieldTarget'>, org: Organization): { body: Record<string, unknown>; domains: string[]; warnings: WriteWarning[] } {
	const { fieldValues, warnings } = convertFieldValues(org.id, org.fields, ctx.fieldTarget, 'organization');
	const domains = [...new Set(org.domains.map((domain) => domain.trim().toLowerCase()))].filter((domain) => {
		if (DOMAIN.test(domain)) return true;
		warnings.push({ sourceId: org.id, message: because('domain-refused', { domain }) });
		return false;
	});
	const body: Record<string, unknown> = {
		name: org.name.trim() || `Organization ${org.id}`,
		legacy_id: org.id,
		...(domains.length > 0 && { domains: domains.join(',') }),
		...(org.tags.length > 0 && { tags: org.tags.join(',') }),
		...(Object.keys(fieldValues).length > 0 && { field_values: fieldValues })
	};
	return { body, domains, warnings };
}

/** Reconciliation after a crash: source id -> Kayako id of the organizations that already exist. */
export async function findOrganizationsByLegacyIds(session: KayakoSession, ids: readonly string[]): Promise<Map<string, number>> {
	const found = new Map<string, number>();
	for (const chunk of chunks(ids, 100)) {
		for (const org of await listAll<KayakoOrganization>(session, 'organizations.json', { legacy_ids: chunk.join(',') })) if (org.legacy_id) found.set(org.legacy_id, org.id);
	}
	return found;
}

/**
 * Every organization that carries a `legacy_id`, by it: read once per run, to find what this tool made before (another
 * migration, a state started afresh) before anything is created. The API documents
 * `legacy_ids` as a filter only for cases, teams, sections and articles, so organizations are listed whole, not asked one by one.
 */
export async function organizationsByLegacyId(session: KayakoSession): Promise<Map<string, number>> {
	const byLegacyId = new Map<string, number>();
	for (const org of await listAll<KayakoOrganization>(session, 'organizations.json', { fields: 'id,name,legacy_id' })) if (org.legacy_id && !byLegacyId.has(org.legacy_id)) byLegacyId.set(org.legacy_id, org.id);
	return byLegacyId;
}

/** Every organization by lower-cased name, for matching ones that exist in Kayako before the migration. */
export async function organizationsByName(session: KayakoSession): Promise<Map<string, number>> {
	const byName = new Map<string, number>();
	for (const org of await listAll<KayakoOrganization>(session, 'organizations.json')) byName.set(org.name.trim().toLowerCase(), org.id);
	return byName;
}
