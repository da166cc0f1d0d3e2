// Credentials in the worker's memory: the default home of a password, gone when the worker ends.
import type { CredentialSide, Credentials } from './types';

export class CredentialVault {
	// A private field, so neither JSON.stringify, structured cloning nor Node's inspector prints the secrets.
	#entries = new Map<string, Credentials>();

	set(migrationId: string, side: CredentialSide, value: Credentials): void {
		this.#entries.set(entryName(migrationId, side), { ...value });
	}

	get(migrationId: string, side: CredentialSide): Credentials | undefined {
		const value = this.#entries.get(entryName(migrationId, side));
		return value && { ...value };
	}

	has(migrationId: string, side: CredentialSide): boolean {
		return this.#entries.has(entryName(migrationId, side));
	}

	/** Forgets one side, or both sides of a migration when no side is given. */
	clear(migrationId: string, side?: CredentialSide): void {
		const sides: CredentialSide[] = side ? [side] : ['source', 'kayako'];
		for (const each of sides) this.#entries.delete(entryName(migrationId, each));
	}

	clearAll(): void {
		this.#entries.clear();
	}

	toJSON(): { entries: number } {
		return { entries: this.#entries.size };
	}

	toString(): string {
		return `CredentialVault(${this.#entries.size} entries)`;
	}
}

function entryName(migrationId: string, side: CredentialSide): string {
	return JSON.stringify([migrationId, side]);
}
