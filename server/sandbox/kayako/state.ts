// One account's whole state: the tables, the id counters, and the lists a test reads (mails sent, requests seen).
import type * as R from './records';

export interface AccountState {
	name: string;
	roles: Map<number, R.RoleRecord>;
	users: Map<number, R.UserRecord>;
	emails: Map<number, R.EmailIdentityRecord>;
	userNotes: Map<number, R.UserNoteRecord>;
	organizations: Map<number, R.OrganizationRecord>;
	domains: Map<number, R.DomainIdentityRecord>;
	teams: Map<number, R.TeamRecord>;
	localeStrings: Map<number, R.LocaleStringRecord>;
	fields: Map<number, R.FieldRecord>;
	fieldOptions: Map<number, R.FieldOptionRecord>;
	statuses: Map<number, R.StatusRecord>;
	priorities: Map<number, R.PriorityRecord>;
	caseTypes: Map<number, R.CaseTypeRecord>;
	brands: Map<number, R.BrandRecord>;
	mailboxes: Map<number, R.MailboxRecord>;
	channels: Map<string, R.ChannelRecord>;
	cases: Map<number, R.CaseRecord>;
	posts: Map<number, R.PostRecord>;
	/** A note's or case message's id to its post's id. */
	originals: Map<number, number>;
	attachments: Map<number, R.AttachmentRecord>;
	files: Map<number, R.FileRecord>;
	categories: Map<number, R.CategoryRecord>;
	sections: Map<number, R.SectionRecord>;
	articles: Map<number, R.ArticleRecord>;
	triggers: Map<number, R.TriggerRecord>;
	settings: Map<number, R.SettingRecord>;
	tags: Map<string, number>;
	timeLogs: Map<number, R.TimeLogRecord>;
	jobs: Map<number, R.JobRecord>;
	mailed: R.MailedRecord[];
	requests: { total: number; byRoute: Record<string, number> };
	counters: Record<string, number>;
}

export function emptyAccount(name: string): AccountState {
	return {
		name,
		roles: new Map(),
		users: new Map(),
		emails: new Map(),
		userNotes: new Map(),
		organizations: new Map(),
		domains: new Map(),
		teams: new Map(),
		localeStrings: new Map(),
		fields: new Map(),
		fieldOptions: new Map(),
		statuses: new Map(),
		priorities: new Map(),
		caseTypes: new Map(),
		brands: new Map(),
		mailboxes: new Map(),
		channels: new Map(),
		cases: new Map(),
		posts: new Map(),
		originals: new Map(),
		attachments: new Map(),
		files: new Map(),
		categories: new Map(),
		sections: new Map(),
		articles: new Map(),
		triggers: new Map(),
		settings: new Map(),
		tags: new Map(),
		timeLogs: new Map(),
		jobs: new Map(),
		mailed: [],
		requests: { total: 0, byRoute: {} },
		counters: {}
	};
}

/** Each table counts its own ids from 1, as Kayako does. Notes and case messages share one counter (post originals). */
export function nextId(state: AccountState, table: string): number {
	const next = (state.counters[table] ?? 0) + 1;
	state.counters[table] = next;
	return next;
}

export function tagId(state: AccountState, name: string): number {
	const known = state.tags.get(name);
	if (known !== undefined) return known;
	const id = nextId(state, 'tags');
	state.tags.set(name, id);
	return id;
}

export function addLocaleStrings(state: AccountState, entries: readonly { locale: string; translation: string | null }[], now: number): number[] {
	return entries.map((entry) => {
		const id = nextId(state, 'localeStrings');
		state.localeStrings.set(id, { id, locale: entry.locale, translation: entry.translation, created_at: now, updated_at: now });
		return id;
	});
}

export function roleOf(state: AccountState, user: R.UserRecord): R.RoleRecord | undefined {
	return state.roles.get(user.role_id);
}

export function roleTypeOf(state: AccountState, user: R.UserRecord): R.RoleType {
	return roleOf(state, user)?.type ?? 'CUSTOMER';
}

export function primaryEmail(state: AccountState, user: R.UserRecord): string | null {
	const identities = user.email_ids.map((id) => state.emails.get(id)).filter((entry) => entry !== undefined);
	return (identities.find((entry) => entry.is_primary) ?? identities[0])?.email ?? null;
}

export function findUserByEmail(state: AccountState, email: string): R.UserRecord | undefined {
	const wanted = email.trim().toLowerCase();
	for (const identity of state.emails.values()) {
		if (identity.email.toLowerCase() === wanted) return state.users.get(identity.user_id);
	}
	return undefined;
}
