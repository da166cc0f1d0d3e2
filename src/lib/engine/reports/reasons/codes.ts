// The catalogue of reasons the engine records on id-map rows: one code per fact, with the parameters its sentence needs.
// Adding a code here without a sentence in en.ts and de.ts fails the type check.

/** A person as a report names them: name and e-mail when known, else the source id. */
export interface Person {
	id: string;
	name?: string;
	email?: string;
}

/** Which part a person played on a ticket. */
export type PersonRole = 'requester' | 'submitter' | 'assignee' | 'comment-author';

export interface ReasonParams {
	'filter-created-before': { created: string; from: string };
	'filter-created-after': { created: string; to: string };
	'filter-tags': { tags: string[] };
	'filter-field': { field: string; value: string };
	'filter-groups': Record<string, never>;
	'filter-organisations': Record<string, never>;
	'filter-assignees': Record<string, never>;
	'deleted-not-moved': Record<string, never>;
	'deleted-case-closed': Record<string, never>;
	'team-sent-nowhere': Record<string, never>;
	'field-system': { title: string };
	'field-skipped': Record<string, never>;
	'agent-to-default': { active: boolean };
	'user-inactive-skipped': Record<string, never>;
	/** `standIn`: a default agent is set and takes their place; without one their posts go under the migration's account. */
	'person-not-migrated': { person: Person; roles: PersonRole[]; standIn: boolean };
	'group-not-migrated': { id: string; name?: string };
	'matched-made-before': { sourceId: string };
	'check-made-before-failed': { detail: string };
	'follow-up-failed': { detail: string };
	'made-before-unfinished': { detail: string };
	'prepare-failed': { detail: string };
	'update-failed': { detail: string };
	'unknown-status': { value: string };
	'unknown-priority': { value: string };
	'unknown-type': { value: string };
	'no-mailbox': Record<string, never>;
	'no-kayako-priority': { value: string };
	'no-kayako-type': { value: string };
	'assignee-not-migrated': { person: Person };
	'organization-not-migrated': { id: string; name?: string };
	'matched-existing-user': { email: string };
	'article-author-not-migrated': { person: Person };
	'posts-one-by-one': Record<string, never>;
	'extra-address-refused': { email: string; detail: string };
	'address-refused': { email: string };
	'domain-refused': { domain: string };
	'domains-taken': { domains: string[] };
	'attachment-unreadable': { file: string; detail: string };
	'attachment-too-large': { file: string; bytes: number };
	/** Refused for its size by the CORS proxy (or a server in front of Kayako), not by Kayako. */
	'attachment-too-large-on-the-way': { file: string; bytes: number };
	'attachment-refused': { file: string; detail: string };
	'field-became-text': { title: string };
	'field-type-kept': { title: string; type: string };
	'tag-comma': { tag: string; joined: string };
	'inline-images-attached': { count: number };
	/** What a case has no place for: a task's due date, a support address other than the default, the channel and sender of a social ticket, replies by another such channel. */
	'case-no-place': { dueAt?: string; recipient?: string; channel?: string; from?: string; to?: string; replies?: { channel: string; count: number }[] };
	/** `noEmail`: the user has no e-mail address either; `picture`: their source picture is not their avatar, its address is in the note. */
	'social-identities-in-note': { handles: string[]; noEmail: boolean; picture: boolean };
	/** The user's source picture could not be fetched (`detail`: why, English); the user moved without an avatar. */
	'avatar-unreadable': { url: string; detail: string };
	/** Kayako refused the user's source picture as avatar (`detail`: Kayako's words); the user moved without it. */
	'avatar-refused': { url: string; detail: string };
	/** The CORS proxy (or a server in front of Kayako) refused the picture for its size; Kayako never saw it. */
	'avatar-too-large-on-the-way': { url: string; bytes: number };
	/** `detail`: the converter's own words for what was lost or wrong (English). */
	'field-value-partial': { field: string; detail: string };
	'field-value-left-out': { field: string; detail: string };
	'field-option-missing': { option: string; field: string };
	/** A record that failed: its error's kind (for the reader's language), where and how, and the English detail. */
	'record-failed': { kind: string; host?: string; status?: number; detail: string };
}

export type ReasonCode = keyof ReasonParams;

/** One sentence per code, in one language. */
export type Sentences = { [C in ReasonCode]: (params: ReasonParams[C]) => string };

/** One fact of a reason: a code with its parameters, or text recorded without a code (older rows, error messages). */
export type ReasonPart = { reasonCode: ReasonCode; reasonParams: ReasonParams[ReasonCode] } | { text: string };
