// Turns IndexedDB's DOMExceptions into MigrationErrors the user can act on: a full disk, or a database that cannot be used.
import { MigrationError } from '../errors';

const unusableDatabase = new Set(['InvalidStateError', 'UnknownError', 'VersionError', 'NotFoundError', 'SecurityError', 'InvalidAccessError']);

/** The MigrationError for a storage failure; anything else (a programming error such as a bad key) is returned unchanged. */
export function toStorageError(error: unknown): unknown {
	if (error instanceof MigrationError || typeof error !== 'object' || error === null) return error;
	const name = (error as { name?: unknown }).name;
	if (name === 'QuotaExceededError') {
		return new MigrationError(
			{ kind: 'storage-full', message: "The browser's storage for this site is full; delete finished migrations or allow more storage, then resume." },
			{ cause: error }
		);
	}
	if (typeof name === 'string' && unusableDatabase.has(name)) {
		return new MigrationError(
			{
				kind: 'storage-unavailable',
				message: `The browser's database could not be used (${name}); reload the page, and close other tabs that run a newer version of this tool.`
			},
			{ cause: error }
		);
	}
	return error;
}

/** The same methods, each throwing `toStorageError` of whatever it throws. */
export function withStorageErrors<T extends object>(methods: T): T {
	const guarded: Record<string, unknown> = {};
	for (const [name, method] of Object.entries(methods)) {
		guarded[name] =
			typeof method === 'function'
				? async (...args: unknown[]) => {
						try {
							return await (method as (...args: unknown[]) => unknown)(...args);
						} catch (error) {
							throw toStorageError(error);
						}
					}
				: method;
	}
	return guarded as T;
}
