// How many records the select step will show, from Zendesk's count endpoint and the `count` of offset-paginated lists.
import type { FieldDefinition } from '../../model';
import type { CountedEntity, Page } from '../source';
import type { Query, ZendeskClient } from './client';

/** Offset pages carry the list's total in `count`; asking for one record a page makes that cheap. */
async function listCount(client: ZendeskClient, path: string, query: Query, signal?: AbortSignal): Promise<number | undefined> {
	const body = await client.get<{ count?: unknown }>(path, { ...query, per_page: 1 }, signal);
	return typeof body.count === 'number' ? body.count : undefined;
}

/**
 * `fields` reads the field definitions as the migration does: the lists' own `count` includes Zendesk's system ticket
 * fields (subject, status, priority ...), which are no custom fields and never move, so the custom ones are counted.
 */
export async function countOf(
	client: ZendeskClient,
	entity: CountedEntity,
	signal: AbortSignal | undefined,
	fields: () => AsyncIterable<Page<FieldDefinition>>
): Promise<number | undefined> {
	switch (entity) {
		case 'tickets': {
			const body = await client.get<{ count?: { value?: unknown } }>('/api/v2/tickets/count.json', { support_type_scope: 'all' }, signal);
			return typeof body.count?.value === 'number' ? body.count.value : undefined;
		}
		case 'users':
			// Deleted users are not listed, though the export brings them: the count is a little low on accounts that deleted users.
			return listCount(client, '/api/v2/users.json', {}, signal);
		case 'organizations':
			return listCount(client, '/api/v2/organizations.json', {}, signal);
		case 'teams':
			return listCount(client, '/api/v2/groups.json', { exclude_deleted: true }, signal);
		case 'fields': {
			let custom = 0;
			for await (const page of fields()) custom += page.records.filter((field) => !field.system).length;
			return custom;
		}
		case 'articles':
			return listCount(client, '/api/v2/help_center/articles.json', {}, signal);
	}
}
