// Which reader a source platform gets. Zendesk is built; the other platforms are their own issues.
import type { Credentials } from '../credentials';
import { MigrationError } from '../errors';
import { HttpClient, type HttpClientOptions } from '../http';
import type { SourceSettings } from '../store';
import type { SourceConnector } from './source';
import { createZendeskSource } from './zendesk/connector';
import { describeZendeskError } from './zendesk/errors';

export const SUPPORTED_SOURCES: readonly SourceSettings['platform'][] = ['zendesk'];

export function sourceHttp(proxyUrl: string, fetch: typeof globalThis.fetch, platform: SourceSettings['platform'], quick = false, tuning: Partial<HttpClientOptions> = {}): HttpClient {
	const describeError = platform === 'zendesk' ? describeZendeskError : undefined;
	return new HttpClient({ proxyUrl, fetch, describeError, ...tuning, ...(quick && { maxRetries: 1, timeoutMs: 15_000, maxRetryAfterMs: 0 }) });
}

/** What a run asks of the source beyond the records themselves (the connect step asks nothing). */
export interface SourceReading {
	/** Ticket events (status, assignee, field changes) read as private comments, for the "events as notes" option. */
	eventsAsComments?: boolean;
}

export function createSource(settings: SourceSettings, credentials: Credentials, http: HttpClient, reading: SourceReading = {}): SourceConnector {
	switch (settings.platform) {
		case 'zendesk':
			return createZendeskSource(http, { subdomainUrl: settings.url, eventsAsComments: reading.eventsAsComments === true }, credentials);
		default:
			throw new MigrationError({
				kind: 'invalid-input',
				message: `Migrating from ${settings.platform} is not built yet; this version moves Zendesk accounts. Export a CSV instead, or watch the project for the ${settings.platform} connector.`
			});
	}
}
