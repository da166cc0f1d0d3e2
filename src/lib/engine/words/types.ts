// The key set of what the tool writes into Kayako (bylines, event notes, placeholders): every language implements all of it.
/** The languages the tool can write into Kayako in. */
export const WRITTEN_LANGUAGES = ['en', 'de'] as const;
export type WrittenLanguage = (typeof WRITTEN_LANGUAGES)[number];

/** A ticket's state as the source's events name it (Zendesk says "hold" for on-hold). */
export type EventStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';

/** One language's words; a language file missing a key fails the type check. */
export interface Words {
	/** The locale dates are written in (Intl), e.g. "de-DE". */
	locale: string;
	/** Stands in for a person whose name the source could not tell. */
	formerAgent: string;
	/** Stands in for a group whose name the source could not tell. */
	formerGroup: string;
	/** First line of a post that cannot carry its real author or date. */
	originallyBy(person: string, when: string): string;
	/** First line of an event note: who changed the ticket, and when. */
	changesBy(person: string, when: string): string;
	/** One change of an event note. */
	changed(label: string, before: string, after: string): string;
	set(label: string, after: string): string;
	cleared(label: string, before: string): string;
	/** What a changed property is called in an event note. */
	labels: { status: string; assignee: string; group: string; field(id: string): string };
	/** A field's title in quotes. */
	quote(text: string): string;
	/** Zendesk's ticket states as the helpdesk shows them. */
	statuses: Record<EventStatus, string>;
	/** Placeholders for a post without words, and a case without subject. */
	attachmentsOnly: string;
	emptyMessage: string;
	/** The opening note of a case made post by post from a ticket without comments. */
	noMessages: string;
	noSubject: string;
}
