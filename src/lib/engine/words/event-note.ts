// One ticket event as a note in the migration's language: who changed it and when in one line, then one line per change.
import type { EventChange } from '../model';
import { formatWhen, statusLabel } from './index';
import type { Words } from './types';

/** How the note names people: a source user id in, a name (and e-mail) or "a former agent" out. */
export type PersonNamer = (sourceUserId: string) => string;

export interface EventNoteInput {
	changes: readonly EventChange[];
	/** Who made the changes, as named already (a person, or the helpdesk itself). */
	author: string;
	createdAt: string;
	timeZone?: string;
}

/** The lines of the note: the heading, then each change. */
export function eventNoteLines(words: Words, input: EventNoteInput, person: PersonNamer): string[] {
	const changes = input.changes.flatMap((change) => {
		const line = changeLine(words, change, person);
		return line ? [line] : [];
	});
	return [words.changesBy(input.author, formatWhen(words, input.createdAt, input.timeZone)), ...changes];
}

/** The note as HTML (heading, then a list) and as plain text. */
export function eventNote(words: Words, input: EventNoteInput, person: PersonNamer): { html: string; plain: string } {
	const [heading = '', ...changes] = eventNoteLines(words, input, person);
	return {
		html: `<p>${escapeHtml(heading)}</p><ul>${changes.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
		plain: [heading, ...changes.map((line) => `- ${line}`)].join('\n')
	};
}

function changeLine(words: Words, change: EventChange, person: PersonNamer): string | undefined {
	const value = (raw: string | undefined): string | undefined => {
		if (raw === undefined) return undefined;
		if (change.kind === 'status') return statusLabel(words, raw);
		if (change.kind === 'assignee') return person(raw);
		if (change.kind === 'group') return change.names?.[raw] ?? words.formerGroup;
		return raw;
	};
	const label = change.kind === 'field' ? fieldLabel(words, change.label) : words.labels[change.kind];
	if (change.before === change.after) return undefined;
	const before = value(change.before);
	const after = value(change.after);
	if (before === undefined) return after === undefined ? undefined : words.set(label, after);
	if (after === undefined) return words.cleared(label, before);
	return words.changed(label, before, after);
}

/** A custom field by its title in quotes; by "Field 123" when the source had no title for it. */
function fieldLabel(words: Words, label: string | undefined): string {
	if (label === undefined) return words.labels.field('?');
	return /^\d+$/.test(label) ? words.labels.field(label) : words.quote(label);
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
