// An in-memory helpdesk on each side, with state, for the pipeline's own logic: what a target really holds after crashes and lost answers.
import type { Page, ReadOptions, SourceConnector } from '../../src/lib/engine/connectors/source';
import { MigrationError } from '../../src/lib/engine/errors';
import type { Article, Comment, FieldDefinition, KbCategory, KbSection, Organization, RecordKind, Team, Ticket, TicketBundle, User } from '../../src/lib/engine/model';
import type { BatchOutcome, References, TargetWriter, Written } from '../../src/lib/engine/pipeline/target';
import type { KayakoId } from '../../src/lib/engine/store';

const PAGE = 3;

function pages<T extends { id: string; updatedAt?: string }>(records: () => T[]) {
	return async function* (options: ReadOptions = {}): AsyncIterable<Page<T>> {
		const all = records().filter((record) => !options.since || (record.updatedAt ?? '') >= options.since);
		let start = options.after ? Number(options.after) : 0;
		while (start < all.length) {
			const end = Math.min(all.length, start + PAGE);
			yield { records: all.slice(start, end), checkpoint: String(end), done: end >= all.length };
			start = end;
		}
	};
}

export interface FakeSourceData {
	teams: Team[];
	fields: FieldDefinition[];
	organizations: Organization[];
	users: User[];
	tickets: Ticket[];
	comments: Map<string, Comment[]>;
}

export function user(id: string, extra: Partial<User> = {}): User {
	return { id, name: `User ${id}`, role: 'customer', active: true, suspended: false, emails: [`u${id}@example.test`], phones: [], teamIds: [], tags: [], fields: {}, ...extra };
}

export function ticket(id: string, requesterId: string, extra: Partial<Ticket> = {}): Ticket {
	const time = '2024-01-01T00:00:00Z';
	return { id, subject: `Ticket ${id}`, status: 'open', requesterId, tags: [], fields: {}, ccEmails: [], followerIds: [], createdAt: time, updatedAt: time, ...extra };
}

export function comment(id: string, ticketId: string, authorId: string, isPublic = true): Comment {
	return { id, ticketId, authorId, public: isPublic, html: `<p>${id}</p>`, plain: id, createdAt: '2024-01-01T00:00:00Z', attachments: [] };
}

export function fakeSource(data: FakeSourceData): SourceConnector {
	const empty = async function* (): AsyncIterable<Page<never>> {};
	return {
		platform: 'fake',
		host: 'source.test',
		testConnection: async () => ({ host: 'source.test', userName: 'Admin', email: 'admin@source.test', role: 'admin' }),
		count: async (entity) => (entity === 'tickets' ? data.tickets.length : entity === 'users' ? data.users.length : undefined),
		staff: async () => data.users.filter((each) => each.role !== 'customer'),
		teams: pages(() => data.teams),
		fields: pages(() => data.fields),
		organizations: pages(() => data.organizations),
		users: pages(() => data.users),
		tickets: pages(() => data.tickets),
		comments: async (ticketId) => data.comments.get(ticketId) ?? [],
		kbCategories: empty as SourceConnector['kbCategories'],
		kbSections: empty as SourceConnector['kbSections'],
		articles: empty as SourceConnector['articles'],
		user: async (id) => data.users.find((each) => each.id === id),
		organization: async (id) => data.organizations.find((each) => each.id === id),
		ticket: async (id) => data.tickets.find((each) => each.id === id),
		download: async () => new Blob([]),
		link: (kind, id) => `https://source.test/${kind}/${id}`
	};
}

export interface Held {
	kind: RecordKind;
	sourceId: string;
	record: unknown;
	comments?: string[];
}

/** What can go wrong on the next calls: an error before acting, or acting and then losing the answer. */
export type Trouble = 'fail-before' | 'lost-answer' | 'refuse';

export class FakeTarget implements TargetWriter {
	readonly held = new Map<KayakoId, Held>();
	readonly trouble: Trouble[] = [];
	calls = 0;
	#next = 1;

	#act<T>(work: () => T): T {
		this.calls++;
		const trouble = this.trouble.shift();
		if (trouble === 'fail-before') throw new MigrationError({ kind: 'server-error', message: 'Kayako answered 503.', status: 503 });
		if (trouble === 'refuse') throw new MigrationError({ kind: 'invalid-request', message: 'Kayako refused the record.', status: 400 });
		const result = work();
		if (trouble === 'lost-answer') throw new MigrationError({ kind: 'unknown-outcome', message: 'The connection dropped after sending.' });
		return result;
	}

	#create(kind: RecordKind, sourceId: string, record: unknown, comments?: string[]): Written {
		const kayakoId = this.#next++;
		this.held.set(kayakoId, { kind, sourceId, record, comments });
		return { kayakoId };
	}

	team = async (team: Team) => this.#act(() => this.#create('teams', team.id, team));
	field = async (field: FieldDefinition) => this.#act(() => this.#create('fields', field.id, field));
	organization = async (organization: Organization) => this.#act(() => this.#create('organizations', organization.id, organization));
	user = async (value: User) => this.#act(() => this.#create('users', value.id, value));
	kbCategory = async (value: KbCategory) => this.#act(() => this.#create('kb-categories', value.id, value));
	kbSection = async (value: KbSection) => this.#act(() => this.#create('kb-sections', value.id, value));
	article = async (value: Article) => this.#act(() => this.#create('articles', value.id, value));

	tickets = async (bundles: TicketBundle[], refs: References) =>
		this.#act(() => {
			const outcomes = new Map<string, BatchOutcome>();
			for (const bundle of bundles) {
				const requester = bundle.ticket.requesterId ? refs.kayakoId('users', bundle.ticket.requesterId) : undefined;
				if (requester === undefined && refs.defaultAgentId === undefined) {
					outcomes.set(bundle.ticket.id, { ok: false, error: { kind: 'invalid-request', message: 'A case needs a requester.' } });
					continue;
				}
				outcomes.set(bundle.ticket.id, { ok: true, ...this.#create('tickets', bundle.ticket.id, bundle.ticket, bundle.comments.map((each) => each.id)) });
			}
			return outcomes;
		});

	update = async (_kind: 'organizations' | 'users' | 'articles', kayakoId: KayakoId, record: Organization | User | Article) =>
		this.#act(() => {
			const held = this.held.get(kayakoId)!;
			held.record = record;
			return { kayakoId };
		});

	updateTicket = async (kayakoId: KayakoId, bundle: TicketBundle, newComments: Comment[]) =>
		this.#act(() => {
			const held = this.held.get(kayakoId)!;
			held.record = bundle.ticket;
			held.comments = [...(held.comments ?? []), ...newComments.map((each) => each.id)];
			return { kayakoId };
		});

	/** Kayako ids of the users disabled, one entry per call. */
	readonly disabled: KayakoId[] = [];
	/** Per article: the old addresses its links now point past, as the writer was told them. */
	readonly relinked = new Map<KayakoId, string[]>();

	relinkArticle = async (kayakoId: KayakoId, links: ReadonlyMap<string, KayakoId>) =>
		this.#act(() => {
			const done = this.relinked.get(kayakoId) ?? [];
			const fresh = [...links.keys()].filter((url) => !done.includes(url));
			this.relinked.set(kayakoId, [...done, ...fresh]);
			return fresh.length > 0;
		});

	disableUser = async (kayakoId: KayakoId) =>
		this.#act(() => {
			this.disabled.push(kayakoId);
		});

	findExisting = async (kind: RecordKind, records: { sourceId: string }[]) => {
		const found = new Map<string, KayakoId>();
		for (const [kayakoId, held] of this.held) {
			if (held.kind === kind && records.some((each) => each.sourceId === held.sourceId)) found.set(held.sourceId, kayakoId);
		}
		return found;
	};

	remove = async (_kind: RecordKind, kayakoId: KayakoId) => {
		this.held.delete(kayakoId);
	};

	/** Source ids held per kind, sorted; a duplicate shows up twice. */
	ids(kind: RecordKind): string[] {
		return [...this.held.values()].filter((each) => each.kind === kind).map((each) => each.sourceId).sort();
	}
}
