// A logged-in Kayako session for a migration, from its saved target and the password held in memory.
import { describeKayakoError } from '../connectors/kayako/errors';
import { KayakoSession } from '../connectors/kayako/session';
import { MigrationError } from '../errors';
import { HttpClient } from '../http';
import type { MigrationSettings } from '../store';
import type { CommandDeps } from './deps';

export function kayakoHttp(deps: Pick<CommandDeps, 'fetch'>, settings: MigrationSettings): HttpClient {
	return new HttpClient({ proxyUrl: settings.proxyUrl, fetch: deps.fetch, describeError: describeKayakoError });
}

export function kayakoSession(deps: CommandDeps, settings: MigrationSettings): KayakoSession {
	const credentials = deps.vault.get(settings.id, 'kayako');
	if (credentials?.kind !== 'password' || !settings.target.url) {
		throw new MigrationError({ kind: 'credentials-needed', message: 'The Kayako password is not in memory (the page was reloaded); enter it again on the connect step.' });
	}
	return new KayakoSession(kayakoHttp(deps, settings), settings.target.url, { email: credentials.email, password: credentials.password });
}
