// Names and e-mails of source users, for what the tool writes into Kayako and says in the report: looked up in the source, never guessed.
import type { SourceId, User } from '../model';
import type { RunContext } from './context';
import { isFatal } from './record-step';
import type { HeldReferences } from './references';

export interface PersonName {
	name?: string;
	email?: string;
}

/** How many people the directory keeps: an account's customers may be hundreds of thousands; a batch of tickets names a few hundred. */
const KEPT = 5_000;

/**
 * Who a source user id is. Users the run reads anyway (the users stream, the references it migrates) are remembered;
 * anyone else is asked of the source once. A user the source cannot tell about stays unknown (the words say "a former agent").
 * The least recently used are forgotten past KEPT, and asked again when a later ticket names them.
 */
export class PeopleDirectory {
	readonly #known = new Map<SourceId, PersonName | null>();
	readonly #asking = new Map<SourceId, Promise<void>>();

	constructor(private readonly context: Pick<RunContext, 'source' | 'control'>) {}

	remember(user: User): void {
		this.#keep(user.id, { name: user.name, ...(user.emails[0] && { email: user.emails[0] }) });
	}

	/**
	 * Makes sure the directory can name these users: reads from the source those it does not know yet. `held` keeps
	 * the names for the record being prepared, as the directory may forget them before it is sent.
	 */
	async learn(ids: Iterable<SourceId | undefined>, held?: HeldReferences): Promise<void> {
		for (const id of new Set(ids)) {
			if (id === undefined) continue;
			if (this.#known.has(id)) {
				// Used again: kept longer.
				this.#keep(id, this.#known.get(id) ?? null);
			} else {
				let asking = this.#asking.get(id);
				if (!asking) {
					asking = this.#ask(id).finally(() => this.#asking.delete(id));
					this.#asking.set(id, asking);
				}
				await asking;
			}
			const person = this.#known.get(id);
			if (held && person) held.people.set(id, person);
		}
	}

	/** What the directory knows of a user now; undefined when nobody could tell. */
	person(id: SourceId): PersonName | undefined {
		return this.#known.get(id) ?? undefined;
	}

	#keep(id: SourceId, person: PersonName | null): void {
		this.#known.delete(id);
		this.#known.set(id, person);
		if (this.#known.size > KEPT) this.#known.delete(this.#known.keys().next().value!);
	}

	async #ask(id: SourceId): Promise<void> {
		try {
			const user = await this.context.source.user(id, this.context.control.signal);
			if (user) this.remember(user);
			else this.#keep(id, null);
		} catch (error) {
			// A login or proxy failure stops the run; anything else leaves the name unknown, asked again next time.
			if (isFatal(error)) throw error;
		}
	}
}
