// Stops a Zendesk page stream that does not move on: a cursor or page address given twice, or a page repeating the one before.
import { MigrationError } from '../../errors';

/**
 * Watches a stream for a cursor (or page address) that does not move on: one asked for before, or a page that only
 * repeats the records of the page before. Zendesk has been seen to hand back the same cursor for ever; following it
 * cost one run 115,330 requests and its memory.
 */
export class ProgressGuard {
	readonly #asked = new Set<string>();
	#previousIds: string | undefined;
	#pages = 0;

	constructor(
		private readonly host: string,
		private readonly path: string
	) {}

	requesting(position: string): void {
		this.#asked.add(position);
	}

	/** Before a page is handed on: a page that repeats the last one's records while promising more is a loop. */
	check(records: readonly unknown[], next: string | undefined): void {
		this.#pages += 1;
		// Only records that all carry an id can be compared; without ids a repeat cannot be told from a new page.
		const each = records.map((record) => (record as { id?: unknown } | null)?.id);
		const ids = each.every((id) => typeof id === 'number' || typeof id === 'string') ? each.join(',') : '';
		const repeated = next !== undefined && ids !== '' && ids === this.#previousIds;
		this.#previousIds = ids;
		if (repeated) throw this.#stuck('answered the same records again with a new cursor');
	}

	/** After a page was handed on, before its cursor is followed. */
	following(next: string): void {
		if (this.#asked.has(next)) throw this.#stuck('gave a cursor it had already given');
	}

	#stuck(what: string): MigrationError {
		return new MigrationError({
			kind: 'malformed-response',
			host: this.host,
			message: `Zendesk at ${this.host} ${what} while listing ${this.path}, so reading it would never end. Reading stopped after ${this.#pages} pages; everything read until then is kept. Try again later; if it happens again, Zendesk's support can say why the list does not move on.`
		});
	}
}
