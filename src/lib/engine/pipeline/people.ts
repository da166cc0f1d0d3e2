// Names and e-mails of source users, for what the tool writes into Kayako and says in the report: looked up in the source, never guessed.
import type { SourceId, User } from '../model';
import { noteSeen, noteUnknownPerson, rememberedPerson, type PersonName } from '../reports/labels';
import type { RunContext } from './context';
import { isFatal } from './record-step';
import type { HeldReferences } from './references';

export type { PersonName };

/**
 * Who a source user id is. Users the run reads anyway (the users stream, the references it migrates) are remembered;
 * anyone else is asked of the source once. A user the source cannot tell about stays unknown (the words say "a former agent").
 * What is remembered is the run's one memory of records seen (`reports/labels`), which also names them in the report:
 * bounded, the least recently used forgotten, and asked again when a later ticket names them.
 */
export class PeopleDirectory {
	readonly #asking = new Map<SourceId, Promise<void>>();

	constructor(private readonly context: Pick<RunContext, 'source' | 'control' | 'run'>) {}

	remember(user: User): void {
		noteSeen(this.context.run.id, 'users', user.id, user);
	}

	/**
	 * Makes sure the directory can name these users: reads from the source those it does not know yet. `held` keeps
	 * the names for the record being prepared, as the directory may forget them before it is sent.
	 */
	async learn(ids: Iterable<SourceId | undefined>, held?: HeldReferences): Promise<void> {
		for (const id of new Set(ids)) {
			if (id === undefined) continue;
			if (rememberedPerson(this.context.run.id, id) === undefined) {
				let asking = this.#asking.get(id);
				if (!asking) {
					asking = this.#ask(id).finally(() => this.#asking.delete(id));
					this.#asking.set(id, asking);
				}
				await asking;
			}
			const person = this.person(id);
			if (held && person) held.people.set(id, person);
		}
	}

	/** What the directory knows of a user now; undefined when nobody could tell. */
	person(id: SourceId): PersonName | undefined {
		const known = rememberedPerson(this.context.run.id, id);
		return known === 'unknown' ? undefined : known;
	}

	async #ask(id: SourceId): Promise<void> {
		try {
			const user = await this.context.source.user(id, this.context.control.signal);
			if (user) this.remember(user);
			else noteUnknownPerson(this.context.run.id, id);
		} catch (error) {
			// A login or proxy failure stops the run; anything else leaves the name unknown, asked again next time.
			if (isFatal(error)) throw error;
		}
	}
}
