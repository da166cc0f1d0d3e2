// The source reader of a migration for the wizard's reads (counts, agents), from its saved settings and the secret held in memory.
import type { SourceConnector } from '../connectors/source';
import { createSource, sourceHttp } from '../connectors/sources';
import { MigrationError } from '../errors';
import type { MigrationSettings } from '../store';
import type { CommandDeps } from './deps';

export function sourceSession(deps: CommandDeps, settings: MigrationSettings): SourceConnector {
	const credentials = deps.vault.get(settings.id, 'source');
	if (!credentials || !settings.source.url) {
		throw new MigrationError({ kind: 'credentials-needed', message: 'The source helpdesk password is not in memory (the page was reloaded); enter it again on the connect step.' });
	}
	return createSource(settings.source, credentials, sourceHttp(settings.proxyUrl, deps.fetch, settings.source.platform));
}
