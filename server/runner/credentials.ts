// The runner's credentials: from environment variables only, never from the config file or the command line (both end up in logs).
import type { Credentials } from '../../src/lib/engine/credentials';
import { MigrationError } from '../../src/lib/engine/errors';
import type { MigrationSettings } from '../../src/lib/engine/store';

type Env = Readonly<Record<string, string | undefined>>;

export function credentialsFromEnv(env: Env, settings: MigrationSettings): { source: Credentials; kayako: Credentials } {
	const kayakoPassword = env.KAYAKO_PASSWORD;
	if (!kayakoPassword) throw new MigrationError({ kind: 'credentials-needed', message: 'Set KAYAKO_PASSWORD to the password of the Kayako administrator.' });
	return { source: sourceCredentials(env, settings), kayako: { kind: 'password', email: settings.target.email, password: kayakoPassword } };
}

function sourceCredentials(env: Env, settings: MigrationSettings): Credentials {
	const email = settings.source.email ?? '';
	if (env.SOURCE_TOKEN) return { kind: 'api-token', email, token: env.SOURCE_TOKEN };
	if (env.SOURCE_ACCESS_TOKEN) return { kind: 'oauth', accessToken: env.SOURCE_ACCESS_TOKEN };
	if (env.SOURCE_API_KEY) return { kind: 'api-key', key: env.SOURCE_API_KEY };
	if (env.SOURCE_PASSWORD) return { kind: 'password', email, password: env.SOURCE_PASSWORD };
	throw new MigrationError({ kind: 'credentials-needed', message: 'Set SOURCE_TOKEN (API token), SOURCE_ACCESS_TOKEN (OAuth), SOURCE_API_KEY or SOURCE_PASSWORD for the source helpdesk.' });
}
