// Organizations found by the first letters of their name, through Zendesk's Autocomplete Organizations, for the options step's filter.
import { MigrationError } from '../../errors';
import type { NamedOrganization, OrganizationMatches } from '../source';
import { listIn, type ZendeskClient } from './client';

/** Enough to spot the one you mean; with more, typing another letter is quicker than scrolling. */
export const SHOWN_MATCHES = 25;

/**
 * The first page of matches only: a person narrows a long list by typing more, not by paging. The endpoint pages by
 * offset alone (per_page up to 100), and its `count` says how many there are in all.
 */
export async function autocompleteOrganizations(client: ZendeskClient, prefix: string, signal?: AbortSignal, limit = SHOWN_MATCHES): Promise<OrganizationMatches> {
	const name = prefix.trim();
	// Zendesk refuses an empty `name` with a 400; nothing typed simply finds nothing.
	if (!name) return { organizations: [], total: 0 };
	const body = await client.get<{ count?: unknown }>('/api/v2/organizations/autocomplete.json', { name, per_page: Math.min(100, limit) }, signal);
	const organizations = listIn<unknown>(body, 'organizations', client.host).map((record, position) => namedOrganization(record, position, client.host));
	const total = typeof body.count === 'number' ? Math.max(body.count, organizations.length) : organizations.length;
	return { organizations, total };
}

/** Only the id and the name are needed, and both must be there: a match without them could not be chosen or shown. */
function namedOrganization(record: unknown, position: number, host: string): NamedOrganization {
	const { id, name } = (typeof record === 'object' && record !== null ? record : {}) as { id?: unknown; name?: unknown };
	if (typeof id !== 'number' || !Number.isInteger(id)) {
		throw new MigrationError({ kind: 'malformed-response', host, message: `Zendesk at ${host} listed organization number ${position + 1} of a name search without a numeric id.` });
	}
	if (typeof name !== 'string') {
		throw new MigrationError({ kind: 'malformed-response', host, message: `Zendesk at ${host} listed organization ${id} without a name.` });
	}
	return { id: String(id), name };
}
