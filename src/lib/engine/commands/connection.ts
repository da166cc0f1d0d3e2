// The connect step's commands: test the proxy, log in to Kayako, remember or forget the password.
import { testKayakoConnection, type KayakoAccount } from '../connectors/kayako/connection';
import { describeKayakoError } from '../connectors/kayako/errors';
import { forgetRemembered, rememberCredentials, unlockRemembered } from '../credentials';
import { MigrationError } from '../errors';
import { HttpClient } from '../http';
import { checkProxy } from '../proxy-check';
import { asResult, type CommandDeps } from './deps';
import { requireMigration } from './migrations';

export interface KayakoTarget {
	url: string;
	email: string;
	proxyUrl: string;
}

export interface KayakoLogin {
	/** Empty to use the password already in memory (typed earlier, or unlocked). */
	password: string;
	otp?: string;
}

export interface RememberChoice {
	passphrase: string;
}

export const MIN_PASSPHRASE = 8;

/** "Test connection" should answer within seconds: one retry, short timeouts. */
export function connectionTestClient(deps: CommandDeps, proxyUrl: string): HttpClient {
	return new HttpClient({ proxyUrl, fetch: deps.fetch, maxRetries: 1, timeoutMs: 15_000, maxRetryAfterMs: 0, describeError: describeKayakoError });
}

export function connectionCommands(deps: CommandDeps) {
	return {
		testProxy: (proxyUrl: string) => asResult(() => checkProxy(proxyUrl, deps.fetch)),

		connectKayako: (migrationId: string, target: KayakoTarget, login: KayakoLogin, remember?: RememberChoice) =>
			asResult<KayakoAccount>(async () => {
				const settings = await requireMigration(deps, migrationId);
				if (remember && remember.passphrase.length < MIN_PASSPHRASE) {
					throw new MigrationError({ kind: 'invalid-input', message: `The passphrase needs at least ${MIN_PASSPHRASE} characters.` });
				}
				const email = target.email.trim();
				const password = login.password || storedPassword(deps, migrationId, email);
				if (!password) throw new MigrationError({ kind: 'invalid-input', message: 'Enter the password of the Kayako administrator.' });

				const http = connectionTestClient(deps, target.proxyUrl);
				const { account } = await testKayakoConnection(http, { url: target.url }, { email, password, otp: login.otp?.trim() || undefined });

				const credentials = { kind: 'password' as const, email, password };
				deps.vault.set(migrationId, 'kayako', credentials);
				const store = await deps.store();
				if (remember) await rememberCredentials(store, migrationId, 'kayako', credentials, remember.passphrase);
				await store.saveMigration({
					...settings,
					target: { url: account.baseUrl, email },
					proxyUrl: target.proxyUrl.trim()
				});
				deps.events.emit({ type: 'migration-changed', migrationId });
				return account;
			}),

		unlockCredentials: (migrationId: string, passphrase: string) =>
			asResult(async () => {
				const unlocked = await unlockRemembered(await deps.store(), migrationId, passphrase);
				for (const side of ['source', 'kayako'] as const) {
					const value = unlocked[side];
					if (value) deps.vault.set(migrationId, side, value);
				}
				deps.events.emit({ type: 'migration-changed', migrationId });
			}),

		forgetCredentials: (migrationId: string) =>
			asResult(async () => {
				await forgetRemembered(await deps.store(), migrationId);
				deps.vault.clear(migrationId);
				deps.events.emit({ type: 'migration-changed', migrationId });
			})
	};
}

/** The password kept in memory, when it belongs to the same e-mail the user typed. */
function storedPassword(deps: CommandDeps, migrationId: string, email: string): string | undefined {
	const held = deps.vault.get(migrationId, 'kayako');
	return held?.kind === 'password' && held.email.toLowerCase() === email.toLowerCase() ? held.password : undefined;
}
