// What the engine's commands share: the store (opened on first use), the in-memory credentials, the event hub, fetch.
import { CredentialVault } from '../credentials';
import { failed, ok, type Result } from '../errors';
import type { MigrationStore } from '../store';
import type { EventHub } from './events';

export interface CommandDeps {
	store(): Promise<MigrationStore>;
	vault: CredentialVault;
	events: EventHub;
	fetch: typeof fetch;
}

/** Runs a command and turns whatever it throws into a Result the page can show. */
export async function asResult<T>(work: () => Promise<T>): Promise<Result<T>> {
	try {
		return ok(await work());
	} catch (error) {
		return failed(error);
	}
}
