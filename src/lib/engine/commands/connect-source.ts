// The connect step, source side: the helpdesk's address and login, tested, kept in memory (and encrypted, when asked).
import type { SourceAccount } from '../connectors/source';
import { createSource, sourceHttp } from '../connectors/sources';
import { rememberCredentials, type Credentials } from '../credentials';
import { MigrationError } from '../errors';
import type { AuthMethod, SourcePlatform } from '../store';
import { MIN_PASSPHRASE, type RememberChoice } from './connection';
import { asResult, type CommandDeps } from './deps';
import { requireMigration } from './migrations';

export interface SourceTarget {
	url: string;
	/** Needed for password and API-token logins. */
	email: string;
	authMethod: AuthMethod;
	proxyUrl: string;
}

/** The one secret of the chosen login method; empty to use the one held in memory. */
export interface SourceSecret {
	secret: string;
}

function credentialsOf(method: AuthMethod, email: string, secret: string): Credentials {
	switch (method) {
		case 'password':
			return { kind: 'password', email, password: secret };
		case 'api-token':
			return { kind: 'api-token', email, token: secret };
		case 'oauth':
			return { kind: 'oauth', accessToken: secret };
		case 'api-key':
			return { kind: 'api-key', key: secret };
	}
}

export function sourceCommands(deps: CommandDeps) {
	return {
		connectSource: (migrationId: string, target: SourceTarget, login: SourceSecret, remember?: RememberChoice) =>
			asResult<SourceAccount>(async () => {
				const settings = await requireMigration(deps, migrationId);
				const platform: SourcePlatform = settings.source.platform;
				if (remember && remember.passphrase.length < MIN_PASSPHRASE) {
					throw new MigrationError({ kind: 'invalid-input', message: `The passphrase needs at least ${MIN_PASSPHRASE} characters.` });
				}
				const email = target.email.trim();
				const held = deps.vault.get(migrationId, 'source');
				const credentials = login.secret ? credentialsOf(target.authMethod, email, login.secret) : held;
				if (!credentials) throw new MigrationError({ kind: 'invalid-input', message: 'Enter the password or API token of the source helpdesk.' });
				const source = { platform, url: target.url.trim(), email, authMethod: target.authMethod };
				const account = await createSource(source, credentials, sourceHttp(target.proxyUrl, deps.fetch, platform, true)).testConnection();
				deps.vault.set(migrationId, 'source', credentials);
				const store = await deps.store();
				if (remember) await rememberCredentials(store, migrationId, 'source', credentials, remember.passphrase);
				await store.saveMigration({ ...settings, source, proxyUrl: target.proxyUrl.trim() || settings.proxyUrl });
				deps.events.emit({ type: 'migration-changed', migrationId });
				return account;
			})
	};
}
