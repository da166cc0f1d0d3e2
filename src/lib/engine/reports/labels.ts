// What a reader knows a record by (a ticket's subject, a user's name and e-mail, a field's title), noted when a run
// sees the record and carried on its id-map key, so the reports and the reasons name records without asking the source.
import type { RecordKind, SourceId } from '../model';
import type { MigrationStore } from '../store';
import type { Person } from './reasons/codes';

/** Long subjects are cut: the label names the record, it is not a copy of it. */
const MAX_LABEL = 120;
/** Records are handled soon after they are read: the newest few thousand are remembered, older ones are on their rows. */
const REMEMBERED = 5000;

export interface Seen {
	label?: string;
	sourceUrl?: string;
}

/** Per run id; a tab runs one migration at a time, so only the newest few runs are kept. */
const memory = new Map<string, Map<string, Seen>>();
const RUNS = 4;
const slot = (kind: RecordKind, sourceId: SourceId) => `${kind}\u0000${sourceId}`;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
const cut = (value: string) => (value.length > MAX_LABEL ? `${value.slice(0, MAX_LABEL - 1)}…` : value);

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
	if (label === undefined && url === undefined) return;
	let seen = memory.get(run);
	if (!seen) {
		memory.set(run, (seen = new Map()));
		if (memory.size > RUNS) memory.delete(memory.keys().next().value as string);
	}
	seen.delete(slot(kind, sourceId));
	seen.set(slot(kind, sourceId), { ...(label && { label }), ...(url && { sourceUrl: url }) });
	if (seen.size > REMEMBERED) seen.delete(seen.keys().next().value as string);
}

/** What is known of a record the run has seen, to carry on its key. */
export function seenOf(run: string, kind: RecordKind, sourceId: SourceId): Seen {
	return memory.get(run)?.get(slot(kind, sourceId)) ?? {};
}

/** A user as the writer names them in a reason: from what any recent run has seen, else by id. */
export function personSeen(sourceId: SourceId): Person {
	for (const seen of memory.values()) {
		const label = seen.get(slot('users', sourceId))?.label;
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
