// What a reader knows a record by (a ticket's subject, a user's name and e-mail, a field's title), noted when a run
// sees the record and carried on its id-map key, so the reports and the reasons name records without asking the source.
import type { RecordKind, SourceId } from '../model';
import type { MigrationStore } from '../store';
import type { Person } from './reasons/codes';

/** Long subjects are cut: the label names the record, it is not a copy of it. */
const MAX_LABEL = 120;
/** Records are handled soon after they are read: the newest few thousand of each kind are remembered, older ones are on their rows. */
const REMEMBERED = 5000;

export interface Seen {
	label?: string;
	sourceUrl?: string;
}

/** A user's name and e-mail as the source gives them, uncut: what bylines and event notes write. */
export interface PersonName {
	name?: string;
	email?: string;
}

/** What the run remembers of one record; for a user also its name and e-mail, or that the source could not tell who it is. */
interface Remembered extends Seen {
	person?: PersonName;
	unknown?: true;
}

/**
 * Per run id, per kind: a tab runs one migration at a time, so only the newest few runs are kept. This is the run's one
 * memory of who a user is: the reports' labels and the writer's names (the people directory reads and writes it).
 */
const memory = new Map<string, Map<RecordKind, Map<SourceId, Remembered>>>();
const RUNS = 4;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
const cut = (value: string) => (value.length > MAX_LABEL ? `${value.slice(0, MAX_LABEL - 1)}…` : value);

function kindOf(run: string, kind: RecordKind): Map<SourceId, Remembered> {
	let seen = memory.get(run);
	if (!seen) {
		memory.set(run, (seen = new Map()));
		if (memory.size > RUNS) memory.delete(memory.keys().next().value as string);
	}
	let ofKind = seen.get(kind);
	if (!ofKind) seen.set(kind, (ofKind = new Map()));
	return ofKind;
}

/** Keeps (or keeps longer: used again) what is remembered of a record; the least recently used of its kind go past REMEMBERED. */
function keep(run: string, kind: RecordKind, sourceId: SourceId, entry: Remembered): void {
	const ofKind = kindOf(run, kind);
	ofKind.delete(sourceId);
	ofKind.set(sourceId, entry);
	if (ofKind.size > REMEMBERED) ofKind.delete(ofKind.keys().next().value as SourceId);
}

/** "Sam Agent <sam@example.com>" for a user, the subject, name or title for the others; undefined for what has none. */
export function labelOf(kind: RecordKind, record: unknown): string | undefined {
	if (!record || typeof record !== 'object') return undefined;
	const fields = record as Record<string, unknown>;
	if (kind === 'users') {
		const name = text(fields.name);
		const email = Array.isArray(fields.emails) ? text(fields.emails[0]) : undefined;
		const both = name && email ? `${name} <${email}>` : (name ?? email);
		return both && cut(both);
	}
	const label = text(fields.subject) ?? text(fields.title) ?? text(fields.name);
	return label && cut(label);
}

/** Reads a user's label back into name and e-mail. */
export function personOfLabel(id: SourceId, label: string | undefined): Person {
	const match = label?.match(/^(.*) <([^<>]+)>$/);
	if (match) return { id, name: match[1], email: match[2] };
	if (label?.includes('@')) return { id, email: label };
	return label ? { id, name: label } : { id };
}

/** Notes a record the run has read; its label goes onto every id-map row written for it from now on. */
export function noteSeen(run: string, kind: RecordKind, sourceId: SourceId, record: unknown): void {
	const label = labelOf(kind, record);
	const url = kind === 'articles' ? text((record as { url?: unknown }).url) : undefined;
	const person = kind === 'users' ? personOfRecord(record) : undefined;
	if (label === undefined && url === undefined && person === undefined) return;
	// One shape for every entry (absent parts undefined): objects spread together each got a hidden class of their own.
	keep(run, kind, sourceId, { label, sourceUrl: url, person });
}

/** Notes a user the source could not tell about (deleted, or hidden from us): the run does not ask again while it remembers. */
export function noteUnknownPerson(run: string, sourceId: SourceId): void {
	keep(run, 'users', sourceId, { unknown: true });
}

/**
 * What the run remembers of a user, kept longer as it is used again: the name and e-mail, 'unknown' when the source
 * could not tell, undefined when the run does not remember (never met, or forgotten).
 */
export function rememberedPerson(run: string, sourceId: SourceId): PersonName | 'unknown' | undefined {
	const entry = memory.get(run)?.get('users')?.get(sourceId);
	if (!entry || !(entry.person || entry.unknown)) return undefined;
	keep(run, 'users', sourceId, entry);
	return entry.person ?? 'unknown';
}

/** What is known of a record the run has seen, to carry on its key. */
export function seenOf(run: string, kind: RecordKind, sourceId: SourceId): Seen {
	const entry = memory.get(run)?.get(kind)?.get(sourceId);
	return { ...(entry?.label && { label: entry.label }), ...(entry?.sourceUrl && { sourceUrl: entry.sourceUrl }) };
}

function personOfRecord(record: unknown): PersonName | undefined {
	if (!record || typeof record !== 'object') return undefined;
	const fields = record as { name?: unknown; emails?: unknown };
	const name = typeof fields.name === 'string' ? fields.name : undefined;
	const email = Array.isArray(fields.emails) && typeof fields.emails[0] === 'string' && fields.emails[0] !== '' ? fields.emails[0] : undefined;
	return name !== undefined || email !== undefined ? { name, email } : undefined;
}

/** A user as the writer names them in a reason: from what any recent run has seen, else by id. */
export function personSeen(sourceId: SourceId): Person {
	for (const seen of memory.values()) {
		const label = seen.get('users')?.get(sourceId)?.label;
		if (label) return personOfLabel(sourceId, label);
	}
	return { id: sourceId };
}

/** A user as a reason names them: from what the run has seen, else from their id-map row, else by id. */
export async function personOf(run: string, store: MigrationStore, migrationId: string, sourceId: SourceId): Promise<Person> {
	const label = seenOf(run, 'users', sourceId).label ?? (await store.getIdMapRow({ migrationId, entity: 'users', sourceId }))?.label;
	return personOfLabel(sourceId, label);
}

/** A team or organisation's name for a reason, when the run or the id map knows it. */
export async function nameOf(run: string, store: MigrationStore, migrationId: string, kind: RecordKind, sourceId: SourceId): Promise<string | undefined> {
	return seenOf(run, kind, sourceId).label ?? (await store.getIdMapRow({ migrationId, entity: kind, sourceId }))?.label;
}
