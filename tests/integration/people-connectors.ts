// The people tests' connectors: the real engine's, with a source that reads each user's identities (their extra addresses), and the source's users.
import { openConnectors } from '../../src/lib/engine/connectors/factory';
import { sourceHttp } from '../../src/lib/engine/connectors/sources';
import { createZendeskSource } from '../../src/lib/engine/connectors/zendesk/connector';
import type { User } from '../../src/lib/engine/model';
import type { MigrationSettings } from '../../src/lib/engine/store';
import { QUICK } from './dying-fetch';
import { CREDENTIALS } from './migration-harness';

/** The real engine's connectors, with a source that reads each user's identities and a fetch of the test's choosing. */
export async function peopleConnectors(settings: MigrationSettings, fetch: typeof globalThis.fetch = globalThis.fetch) {
	const built = await openConnectors(settings, CREDENTIALS, fetch, QUICK);
	const source = createZendeskSource(sourceHttp(settings.proxyUrl, fetch, 'zendesk', false, QUICK), { subdomainUrl: settings.source.url, readIdentities: true }, CREDENTIALS.source);
	return { source, target: built.target };
}

export async function sourceUsers(settings: MigrationSettings): Promise<User[]> {
	const { source } = await peopleConnectors(settings);
	const users: User[] = [];
	for await (const page of source.users()) users.push(...page.records);
	return users;
}
