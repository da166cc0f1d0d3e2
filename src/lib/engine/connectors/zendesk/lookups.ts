// Reference data the mappers need by id, read once and kept for the connector's life: field keys and titles, brands, statuses,
// group memberships, the default support address.
import { MigrationError } from '../../errors';
import type { SourceId } from '../../model';
import type { ZendeskClient } from './client';
import { eventFieldNames } from './map-events';
import { cursorList } from './pages';
import type { ZendeskBrand, ZendeskCustomStatus, ZendeskSupportAddress, ZendeskGroup, ZendeskGroupMembership, ZendeskProfileField, ZendeskTicketField } from './types';

async function readAll<R>(client: ZendeskClient, path: string, key: string, signal?: AbortSignal): Promise<R[]> {
	const all: R[] = [];
	for await (const page of cursorList<R>(client, { path, key }, signal ? { signal } : {})) all.push(...page.records);
	return all;
}

/** Memoises a read; a failed read is forgotten so the next call tries again. */
function once<T>(read: (signal?: AbortSignal) => Promise<T>): { get: (signal?: AbortSignal) => Promise<T>; forget: () => void } {
	let value: Promise<T> | undefined;
	return {
		get(signal) {
			value ??= read(signal).catch((error: unknown) => {
				value = undefined;
				throw error;
			});
			return value;
		},
		forget() {
			value = undefined;
		}
	};
}

export class ZendeskLookups {
	readonly userFieldIds;
	readonly organizationFieldIds;
	readonly brandNames;
	readonly statusLabels;
	/** The account's default support address(es), lower-cased; undefined when Zendesk would not list them. */
	readonly defaultRecipients;
	/** Ticket field titles and option names, for event comments. */
	readonly eventFieldNames;
	/** Group names by id (deleted groups too), for event comments. */
	readonly groupNames;
	/** Rebuilt at the start of each users stream, so a resumed run sees memberships changed in between. */
	readonly teamIdsByUser;

	constructor(client: ZendeskClient) {
		const fieldIds = (path: string, key: string) => async (signal?: AbortSignal) => new Map((await readAll<ZendeskProfileField>(client, path, key, signal)).map((field): [string, SourceId] => [field.key, String(field.id)]));
		this.userFieldIds = once(fieldIds('/api/v2/user_fields.json', 'user_fields'));
		this.organizationFieldIds = once(fieldIds('/api/v2/organization_fields.json', 'organization_fields'));
		this.brandNames = once(async (signal) => new Map((await readAll<ZendeskBrand>(client, '/api/v2/brands.json', 'brands', signal)).map((brand): [number, string] => [brand.id, brand.name])));
		this.statusLabels = once(async (signal) => {
			// Accounts without custom statuses answer 404 or 403 here: their tickets simply have no status label. Any other
			// failure is passed on (and forgotten, so the next page asks again) rather than leaving every ticket of the run
			// without its status label.
			const body = await client.find<{ custom_statuses?: ZendeskCustomStatus[] }>('/api/v2/custom_statuses.json', {}, signal).catch((error: unknown) => {
				if (error instanceof MigrationError && (error.info.status === 403 || error.info.status === 404)) return undefined;
				throw error;
			});
			return new Map((body?.custom_statuses ?? []).map((status): [number, string] => [status.id, status.agent_label]));
		});
		this.defaultRecipients = once(async (signal): Promise<ReadonlySet<string> | undefined> => {
			// An agent whose role may not see the support addresses gets 403: every ticket's recipient is then carried.
			const addresses = await readAll<ZendeskSupportAddress>(client, '/api/v2/recipient_addresses.json', 'recipient_addresses', signal).catch((error: unknown) => {
				if (error instanceof MigrationError && (error.info.status === 403 || error.info.status === 404)) return undefined;
				throw error;
			});
			return addresses && new Set(addresses.filter((address) => address.default === true && address.email).map((address) => address.email!.trim().toLowerCase()));
		});
		this.eventFieldNames = once(async (signal) => eventFieldNames(await readAll<ZendeskTicketField>(client, '/api/v2/ticket_fields.json', 'ticket_fields', signal)));
		this.groupNames = once(async (signal) => new Map((await readAll<ZendeskGroup>(client, '/api/v2/groups.json', 'groups', signal)).map((group): [string, string] => [String(group.id), group.name])));
		this.teamIdsByUser = once(async (signal) => {
			const byUser = new Map<number, SourceId[]>();
			for (const membership of await readAll<ZendeskGroupMembership>(client, '/api/v2/group_memberships.json', 'group_memberships', signal)) {
				byUser.set(membership.user_id, [...(byUser.get(membership.user_id) ?? []), String(membership.group_id)]);
			}
			return byUser;
		});
	}
}
