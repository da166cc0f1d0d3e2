// The options step's organisation filter: organisations found by the first letters of their name, and the names of those chosen before.
import type { NamedOrganization, OrganizationMatches } from '../connectors/source';
import { MigrationError } from '../errors';
import type { SourceId } from '../model';
import { asResult, type CommandDeps } from './deps';
import { requireMigration } from './migrations';
import { sourceSession } from './source-session';

export type { NamedOrganization, OrganizationMatches } from '../connectors/source';

export interface ChosenOrganizations {
	/** The chosen organisations the source still holds, with their names. */
	found: NamedOrganization[];
	/** Chosen ids the source no longer knows (deleted since): tickets may still carry them, so they stay chosen until removed. */
	missing: SourceId[];
}

export function organizationSearchCommands(deps: CommandDeps) {
	const openSource = async (migrationId: string) => sourceSession(deps, await requireMigration(deps, migrationId));
	return {
		searchOrganizations: (migrationId: string, prefix: string) =>
			asResult<OrganizationMatches>(async () => {
				const source = await openSource(migrationId);
				// Not every helpdesk offers a search of organisations by name; Zendesk does (Autocomplete Organizations).
				if (!source.searchOrganizations) {
					throw new MigrationError({
						kind: 'invalid-input',
						host: source.host,
						message: `${source.platform} offers no search of organisations by name, so they cannot be picked here; leave the organisation filter empty or use another filter.`
					});
				}
				return source.searchOrganizations(prefix);
			}),

		organizationNames: (migrationId: string, ids: SourceId[]) =>
			asResult<ChosenOrganizations>(async () => {
				const wanted = [...new Set(ids)];
				if (wanted.length === 0) return { found: [], missing: [] };
				const source = await openSource(migrationId);
				// One read per id: a filter names a handful of organisations, and the HTTP client's limiter keeps the pace polite.
				const records = await Promise.all(wanted.map(async (id) => ({ id, record: await source.organization(id) })));
				return {
					found: records.flatMap(({ record }) => (record ? [{ id: record.id, name: record.name }] : [])),
					missing: records.filter(({ record }) => !record).map(({ id }) => id)
				};
			})
	};
}
