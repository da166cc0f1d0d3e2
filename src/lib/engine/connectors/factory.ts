// Builds the source reader and the Kayako writer of a migration from its settings and the credentials in memory.
import type { Credentials } from '../credentials';
import type { TargetWriter } from '../pipeline/target';
import type { MigrationSettings } from '../store';
import type { SourceConnector } from './source';

export interface Connectors {
	source: SourceConnector;
	target: TargetWriter;
}

export type ConnectorFactory = (settings: MigrationSettings, credentials: { source: Credentials; kayako: Credentials }, fetch: typeof globalThis.fetch) => Promise<Connectors>;
