// Lazy resolution: a record's references are brought into Kayako first, so a demo of 20 tickets works without the full user list.
import type { RecordKind, SourceId } from '../model';
import type { KayakoId } from '../store';
import { keyOf, type RunContext } from './context';
import { PeopleDirectory } from './people';
import { isMigrated } from './record-step';
import { noteUse } from './record-use';
import type { ReferenceKind, References } from './target';

export type LazyKind = 'users' | 'organizations' | 'teams';

/** Migrates one referenced record on demand; answers its Kayako id, or undefined when it cannot be had. */
export type Fetcher = (sourceId: SourceId) => Promise<KayakoId | undefined>;

export class ReferenceResolver {
	readonly #known = new Map<string, KayakoId>();
	readonly #inFlight = new Map<string, Promise<KayakoId | undefined>>();
	readonly #fetchers: Partial<Record<LazyKind, Fetcher>> = {};
	/** Names and e-mails of the source users the run has met, for bylines, event notes and report reasons. */
	readonly people: PeopleDirectory;

	constructor(private readonly context: RunContext) {
		this.people = new PeopleDirectory(context);
	}

	register(kind: LazyKind, fetcher: Fetcher): void {
		this.#fetchers[kind] = fetcher;
	}

	remember(kind: RecordKind, sourceId: SourceId, kayakoId: KayakoId): void {
		this.#known.set(name(kind, sourceId), kayakoId);
	}

	/** The Kayako id, migrating the record first when the id map has no migrated row for it. Concurrent asks share one migration. */
	async ensure(kind: LazyKind, sourceId: SourceId | undefined): Promise<KayakoId | undefined> {
		if (sourceId === undefined) return undefined;
		const key = name(kind, sourceId);
		const known = this.#known.get(key);
		if (known !== undefined) return known;
		let pending = this.#inFlight.get(key);
		if (!pending) {
			pending = this.#resolve(kind, sourceId).finally(() => this.#inFlight.delete(key));
			this.#inFlight.set(key, pending);
		}
		return pending;
	}

	/** Reads the id map only: for kinds that are never migrated lazily (fields, KB). */
	async lookup(kind: RecordKind, sourceId: SourceId): Promise<KayakoId | undefined> {
		const key = name(kind, sourceId);
		const known = this.#known.get(key);
		if (known !== undefined) return known;
		const row = await this.context.store.getIdMapRow(keyOf(this.context, kind, sourceId));
		if (!isMigrated(row)) return undefined;
		await noteUse(this.context, row);
		this.#known.set(key, row.kayakoId);
		return row.kayakoId;
	}

	/** A synchronous view for the writer, over what has been resolved so far. */
	references(defaultAgentId?: KayakoId): References {
		return {
			kayakoId: (kind: ReferenceKind, sourceId: SourceId) => this.#known.get(name(kind, sourceId)),
			defaultAgentId,
			person: (sourceId: SourceId) => this.people.person(sourceId)
		};
	}

	async #resolve(kind: LazyKind, sourceId: SourceId): Promise<KayakoId | undefined> {
		const found = await this.lookup(kind, sourceId);
		if (found !== undefined) return found;
		const fetcher = this.#fetchers[kind];
		const made = fetcher ? await fetcher(sourceId) : undefined;
		if (made !== undefined) this.#known.set(name(kind, sourceId), made);
		return made;
	}
}

function name(kind: RecordKind, sourceId: SourceId): string {
	return `${kind}\u0000${sourceId}`;
}
