// One "Test connection" press: busy while it runs, then the account it found or the error it met.
import type { ErrorInfo, Result } from '$lib/engine/errors';

export class ConnectAttempt<Account> {
	busy = $state(false);
	account = $state<Account | undefined>();
	error = $state<ErrorInfo | undefined>();

	/** Runs one test; answers whether it connected. */
	async run(test: () => Promise<Result<Account>>): Promise<boolean> {
		this.busy = true;
		this.error = undefined;
		this.account = undefined;
		const result = await test();
		this.busy = false;
		if (result.ok) this.account = result.value;
		else this.error = result.error;
		return result.ok;
	}
}
