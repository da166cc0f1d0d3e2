// Organizations in bulk: rows of POST /bulk/organizations, read back by legacy id; a row refused for a domain another organization owns goes again without its domains.
import { MigrationError, toErrorInfo, type ErrorInfo } from '../../../errors';
import type { Organization } from '../../../model';
import { createInBulk, laterRound, rowError, type PeopleJobs, type PeopleKind, type PeopleRow } from './bulk-people';
import { noteOfWarnings, type WriteContext, type WriteWarning } from './context';
import { createOrganization, findOrganizationsByLegacyIds, isDuplicate, organizationRow, withoutDomains } from './organizations';

/** One organization's end: in Kayako, or why not. */
export type BulkOrganizationEnd = { ok: true; id: number; warnings: WriteWarning[] } | { ok: false; error: ErrorInfo };

const ORGANIZATIONS: PeopleKind<number> = { key: 'organizations', find: findOrganizationsByLegacyIds };

/**
 * Creates the organizations with POST /bulk/organizations (batches of 200, partial import), each found again by legacy
 * id after its job. As with POST /organizations, a domain another Kayako organization owns does not cost the
 * organization: it is sent again without its domains, and the report names them.
 */
export async function createOrganizationsInBulk(ctx: Pick<WriteContext, 'session' | 'fieldTarget' | 'options'>, organizations: readonly Organization[], jobs?: PeopleJobs): Promise<Map<string, BulkOrganizationEnd>> {
	const rows: (PeopleRow & { domains: string[] })[] = [];
	const warnings = new Map<string, WriteWarning[]>();
	for (const organization of organizations) {
		const row = organizationRow(ctx, organization);
		warnings.set(organization.id, row.warnings);
		rows.push({ sourceId: organization.id, body: row.body, domains: row.domains, note: noteOfWarnings(row.warnings) });
	}
	const ends = await createInBulk(ctx, ORGANIZATIONS, rows, jobs);
	const taken = rows.filter((row) => {
		const end = ends.get(row.sourceId);
		return end && !end.ok && end.rowErrors && isDuplicate(rowError(end.rowErrors, 'the organization'), 'domains');
	});
	const again = taken.map((row) => {
		const said = warnings.get(row.sourceId)!;
		const body = withoutDomains(row.sourceId, row.body, row.domains, said);
		return { sourceId: row.sourceId, body, note: noteOfWarnings(said) };
	});
	if (again.length > 0) for (const [sourceId, end] of await createInBulk(ctx, ORGANIZATIONS, again, laterRound(jobs))) ends.set(sourceId, end);

	const out = new Map<string, BulkOrganizationEnd>();
	for (const organization of organizations) {
		const end = ends.get(organization.id);
		if (!end) continue;
		if (end.ok) out.set(organization.id, { ok: true, id: end.made, warnings: warnings.get(organization.id) ?? [] });
		else if (end.refused) out.set(organization.id, await single(ctx, organization));
		else out.set(organization.id, { ok: false, error: end.error });
	}
	return out;
}

/** Kayako does not take the bulk endpoint from this account: one POST /organizations each. */
async function single(ctx: Pick<WriteContext, 'session' | 'fieldTarget'>, organization: Organization): Promise<BulkOrganizationEnd> {
	try {
		const written = await createOrganization(ctx, organization);
		return { ok: true, id: written.id, warnings: written.warnings };
	} catch (error) {
		if (!(error instanceof MigrationError)) throw error;
		return { ok: false, error: toErrorInfo(error) };
	}
}
