// Lazy resolution: a record's references are brought into Kayako first, so a demo of 20 tickets works without the full user list.
import type { RecordKind, SourceId } from '../model';
import type { KayakoId } from '../store';
import { keyOf, type RunContext } from './context';
import { PeopleDirectory, type PersonName } from './people';
import { isMigrated } from './record-step';
import { noteUse } from './record-use';
import type { ReferenceKind, References } from './target';

export type LazyKind = 'users' | 'organizations' | 'teams';

/** Migrates one referenced record on demand; answers its Kayako id, or undefined when it cannot be had. */
export type Fetcher = (sourceId: SourceId) => Promise<KayakoId | undefined>;

/**
 * How many resolved references the resolver keeps: an account may have millions of customers, a run must not hold
 * one entry per user. The least recently used are forgotten; asked again, they are read from the id map (no request).
 */
export const KEPT_REFERENCES = 10_000;

/**
 * What one record's preparation resolved (ids and names), kept with the record until it is sent: the resolver's own
 * memory is bounded and may forget them meanwhile, while other tickets are prepared.
 */
export class HeldReferences {
	readonly ids = new Map<string, KayakoId>();
	readonly people = new Map<SourceId, PersonName>();
}

export class ReferenceResolver {
	/** Resolved ids, least recently used first; null: a record this run asked for and could not have (not found, or not migrated: an inactive agent), not fetched again per ticket. */
	readonly #known = new Map<string, KayakoId | null>();
	readonly #inFlight = new Map<string, Promise<KayakoId | undefined>>();
	readonly #fetchers: Partial<Record<LazyKind, Fetcher>> = {};
	/** Names and e-mails of the source users the run has met, for bylines, event notes and report reasons. */
	readonly people: PeopleDirectory;

	constructor(
		private readonly context: RunContext,
		private readonly kept = KEPT_REFERENCES
	) {
		this.people = new PeopleDirectory(context);
	}

	register(kind: LazyKind, fetcher: Fetcher): void {
		this.#fetchers[kind] = fetcher;
	}

	remember(kind: RecordKind, sourceId: SourceId, kayakoId: KayakoId): void {
		this.#keep(name(kind, sourceId), kayakoId);
	}

	/**
	 * The Kayako id, migrating the record first when the id map has no migrated row for it. Concurrent asks share one
	 * migration. `held` keeps what was found for the record being prepared.
	 */
	async ensure(kind: LazyKind, sourceId: SourceId | undefined, held?: HeldReferences): Promise<KayakoId | undefined> {
		if (sourceId === undefined) return undefined;
		const key = name(kind, sourceId);
		const known = this.#recall(key);
		if (known === null) return undefined;
		if (known !== undefined) return hold(held, key, known);
		let pending = this.#inFlight.get(key);
		if (!pending) {
			pending = this.#resolve(kind, sourceId).finally(() => this.#inFlight.delete(key));
			this.#inFlight.set(key, pending);
		}
		return hold(held, key, await pending);
	}

	/** Reads the id map only: for kinds that are never migrated lazily (fields, KB). */
	async lookup(kind: RecordKind, sourceId: SourceId, held?: HeldReferences): Promise<KayakoId | undefined> {
		const key = name(kind, sourceId);
		const known = this.#recall(key);
		if (known !== undefined && known !== null) return hold(held, key, known);
		const row = await this.context.store.getIdMapRow(keyOf(this.context, kind, sourceId));
		if (!isMigrated(row)) return undefined;
		await noteUse(this.context, row);
		this.#keep(key, row.kayakoId);
		return hold(held, key, row.kayakoId);
	}

	/** Of these ids, those neither remembered nor migrated in the id map: the ones `ensure` would fetch. */
	async unresolved(kind: LazyKind, ids: Iterable<SourceId>): Promise<SourceId[]> {
		const left: SourceId[] = [];
		for (const id of new Set(ids)) {
			if (this.#recall(name(kind, id)) !== undefined) continue;
			if ((await this.lookup(kind, id)) === undefined) left.push(id);
		}
		return left;
	}

	/** A record this run decided not to bring (skipped): `ensure` answers undefined for it without fetching it again. */
	leaveOut(kind: LazyKind, sourceId: SourceId): void {
		this.#keep(name(kind, sourceId), null);
	}

	/** A synchronous view for the writer: the references `held` for the records it writes, then what the resolver still remembers. */
	references(defaultAgentId?: KayakoId, held: readonly HeldReferences[] = []): References {
		const ids = new Map<string, KayakoId>();
		const people = new Map<SourceId, PersonName>();
		for (const each of held) {
			for (const [key, id] of each.ids) ids.set(key, id);
			for (const [id, person] of each.people) people.set(id, person);
		}
		return {
			kayakoId: (kind: ReferenceKind, sourceId: SourceId) => {
				const key = name(kind, sourceId);
				return ids.get(key) ?? this.#known.get(key) ?? undefined;
			},
			defaultAgentId,
			person: (sourceId: SourceId) => people.get(sourceId) ?? this.people.person(sourceId)
		};
	}

	async #resolve(kind: LazyKind, sourceId: SourceId): Promise<KayakoId | undefined> {
		const found = await this.lookup(kind, sourceId);
		if (found !== undefined) return found;
		const fetcher = this.#fetchers[kind];
		const made = fetcher ? await fetcher(sourceId) : undefined;
		// A failed read throws and is not remembered: the next ticket asks again.
		this.#keep(name(kind, sourceId), made ?? null);
		return made;
	}

	/** What is remembered for the key, kept longer as it is used again. */
	#recall(key: string): KayakoId | null | undefined {
		const known = this.#known.get(key);
		if (known !== undefined) this.#keep(key, known);
		return known;
	}

	#keep(key: string, value: KayakoId | null): void {
		this.#known.delete(key);
		this.#known.set(key, value);
		if (this.#known.size > this.kept) this.#known.delete(this.#known.keys().next().value!);
	}
}

function hold(held: HeldReferences | undefined, key: string, id: KayakoId | undefined): KayakoId | undefined {
	if (held && id !== undefined) held.ids.set(key, id);
	return id;
}

function name(kind: RecordKind, sourceId: SourceId): string {
	return `${kind}\u0000${sourceId}`;
}
