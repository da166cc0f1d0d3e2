// Builds the source reader and the Kayako writer of a migration from its settings and the credentials in memory.
import type { Credentials } from '../credentials';
import { MigrationError } from '../errors';
import { writerSettingsFrom } from '../pipeline/settings';
import type { TargetWriter } from '../pipeline/target';
import type { MigrationSettings } from '../store';
import { describeKayakoError } from './kayako/errors';
import { KayakoSession } from './kayako/session';
import { createKayakoTarget } from './kayako/target';
import { HttpClient, type HttpClientOptions } from '../http';
import type { SourceConnector } from './source';
import { createSource, sourceHttp } from './sources';

export interface Connectors {
	source: SourceConnector;
	target: TargetWriter;
}

/** Retry pacing (tests and benchmarks shorten it, people keep the defaults), and who hears when a helpdesk slows the run. */
export type HttpTuning = Pick<HttpClientOptions, 'baseBackoffMs' | 'maxBackoffMs' | 'maxRetries' | 'onThrottle'>;

export type ConnectorFactory = (
	settings: MigrationSettings,
	credentials: { source: Credentials; kayako: Credentials },
	fetch: typeof globalThis.fetch,
	tuning?: HttpTuning
) => Promise<Connectors>;

export const openConnectors: ConnectorFactory = async (settings, credentials, fetch, tuning = {}) => {
	const writerSettings = writerSettingsFrom(settings);
	// Events become notes only if the source reads them: they arrive as private comments marked as events.
	const source = createSource(settings.source, credentials.source, sourceHttp(settings.proxyUrl, fetch, settings.source.platform, false, tuning), { eventsAsComments: writerSettings.eventsAsNotes });
	const kayako = credentials.kayako;
	if (kayako.kind !== 'password') throw new MigrationError({ kind: 'invalid-input', message: 'Kayako is reached with an administrator e-mail and password.' });
	const http = new HttpClient({ proxyUrl: settings.proxyUrl, fetch, describeError: describeKayakoError, ...tuning });
	const session = new KayakoSession(http, settings.target.url, { email: kayako.email, password: kayako.password });
	// Logging in now turns a wrong password into a clear error before the run starts, not at its first write.
	await session.login();
	const target = createKayakoTarget({ session, settings: writerSettings, download: (attachment) => source.download(attachment) });
	return { source, target };
};
