// A fetch that dies for good, as a killed tab does, at the first request with a given method and address: that request never reaches the server.
import { openConnectors } from '../../src/lib/engine/connectors/factory';
import type { MigrationSettings } from '../../src/lib/engine/store';
import { CREDENTIALS } from './migration-harness';

export const QUICK = { baseBackoffMs: 5, maxBackoffMs: 50 };

/** `path` is tested against the whole (proxied, decoded) address, e.g. /\/api\/v1\/users\/\d+/. */
export function dyingAt(method: string, path: RegExp): typeof globalThis.fetch {
	let dead = false;
	return async (input, init) => {
		const sent = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
		const url = input instanceof Request ? input.url : String(input);
		if (dead || (sent === method && path.test(decodeURIComponent(url)))) {
			dead = true;
			throw new TypeError('fetch failed: the worker is gone');
		}
		return fetch(input, init);
	};
}

/** The engine's own connectors over that fetch, with quick retries. */
export function dyingConnectors(settings: MigrationSettings, method: string, path: RegExp) {
	return openConnectors(settings, CREDENTIALS, dyingAt(method, path), QUICK);
}
