// The engine's catalogue of what it writes into Kayako: both languages complete, dates with their zone, people by name, event notes condensed.
import { describe, expect, it } from 'vitest';
import { buildCase } from '../../src/lib/engine/connectors/kayako/writer/case-payload';
import type { ReferenceData } from '../../src/lib/engine/connectors/kayako/writer/reference-data';
import type { Comment, EventChange, TicketBundle } from '../../src/lib/engine/model';
import { checkWrittenLanguage } from '../../src/lib/engine/pipeline/options';
import { writerSettingsFrom } from '../../src/lib/engine/pipeline/settings';
import type { MigrationSettings } from '../../src/lib/engine/store';
import { formatWhen, personLabel, wordsFor, writtenLanguageOf } from '../../src/lib/engine/words';
import { de } from '../../src/lib/engine/words/de';
import { en } from '../../src/lib/engine/words/en';
import { eventNote } from '../../src/lib/engine/words/event-note';

/** The shape of a catalogue: its keys, nested ones too, and which are functions. */
function shape(value: unknown): unknown {
	if (typeof value === 'function') return 'function';
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, each]) => [key, shape(each)]).sort(([a], [b]) => String(a).localeCompare(String(b))));
	return typeof value;
}

describe('the catalogue', () => {
	it('has the same keys in German as in English, and different words', () => {
		expect(shape(de)).toEqual(shape(en));
		expect(de.originallyBy('Ann', 'x')).toBe('Ursprünglich verfasst von: Ann, am x');
		expect(de.statuses.pending).toBe('Wartend');
		expect(de.formerAgent).toBe('ein ehemaliger Agent');
	});

	it('picks the language by code, English for anything it does not write', () => {
		expect(wordsFor('de')).toBe(de);
		expect(wordsFor('fr')).toBe(en);
		expect(wordsFor(undefined)).toBe(en);
		expect(writtenLanguageOf('de-DE')).toBe('de');
		expect(writtenLanguageOf('en-US')).toBe('en');
		expect(writtenLanguageOf('fr')).toBe('en');
	});

	it('writes dates in the language with the time zone named', () => {
		expect(formatWhen(de, '2024-03-01T10:00:00Z', 'Europe/Berlin')).toBe('1. März 2024 um 11:00 MEZ');
		expect(formatWhen(en, '2024-07-01T10:00:00Z', 'UTC')).toBe('1 July 2024 at 10:00 UTC');
		expect(formatWhen(en, 'not a date', 'UTC')).toBe('not a date');
	});

	it('keeps each language and time zone apart when writing many dates, and writes an unknown time zone as UTC', () => {
		expect(formatWhen(de, '2024-07-01T10:00:00Z', 'Europe/Berlin')).toBe('1. Juli 2024 um 12:00 MESZ');
		expect(formatWhen(de, '2024-07-01T10:00:00Z', 'UTC')).toBe('1. Juli 2024 um 10:00 UTC');
		expect(formatWhen(en, '2024-07-01T10:00:00Z', 'America/New_York')).toBe('1 July 2024 at 06:00 GMT-4');
		expect(formatWhen(de, '2024-12-01T10:00:00Z', 'Europe/Berlin')).toBe('1. Dezember 2024 um 11:00 MEZ');
		expect(formatWhen(en, '2024-07-01T10:00:00Z', 'Mars/Olympus')).toBe('1 July 2024 at 10:00 UTC');
	});

	it('names a person by name and e-mail, and never by an id', () => {
		expect(personLabel(de, { name: 'Sam Agent', email: 'sam@example.com' })).toBe('Sam Agent (sam@example.com)');
		expect(personLabel(de, { email: 'sam@example.com' })).toBe('sam@example.com');
		expect(personLabel(de, undefined)).toBe('ein ehemaliger Agent');
	});
});

describe('an event note', () => {
	const changes: EventChange[] = [
		{ kind: 'status', before: 'pending', after: 'closed' },
		{ kind: 'assignee', before: '7', after: '15' },
		{ kind: 'group', after: '21', names: { '21': 'Billing' } },
		{ kind: 'field', label: 'Product line', before: 'Hardware' }
	];
	const names: Record<string, string> = { '15': 'Sam Agent (sam@example.com)' };
	const person = (id: string) => names[id] ?? de.formerAgent;

	it('is one heading with who and when, then one line per change, in German with names', () => {
		const note = eventNote(de, { changes, author: 'Sam Agent (sam@example.com)', createdAt: '2024-03-01T10:00:00Z', timeZone: 'Europe/Berlin' }, person);
		expect(note.plain.split('\n')).toEqual([
			'Geändert von: Sam Agent (sam@example.com), am 1. März 2024 um 11:00 MEZ',
			'- Status geändert: Wartend → Geschlossen',
			'- Bearbeiter geändert: ein ehemaliger Agent → Sam Agent (sam@example.com)',
			'- Gruppe gesetzt: Billing',
			'- „Product line“ geleert (vorher: Hardware)'
		]);
		expect(note.html.match(/<li>/g)).toHaveLength(4);
		expect(note.plain).not.toMatch(/\b(7|15|21)\b/);
	});

	it('is written by the case writer with the migration language and the people the pipeline knows; no byline above it', () => {
		const event: Comment = { id: 'audit-1', ticketId: 'T1', authorId: '15', public: false, html: '<p>English</p>', plain: 'English', createdAt: '2024-03-01T10:00:00Z', attachments: [], event: true, changes };
		const reply: Comment = { id: 'c1', ticketId: 'T1', authorId: '7', public: true, html: '<p>Hallo</p>', plain: 'Hallo', createdAt: '2024-03-01T09:00:00Z', attachments: [] };
		const bundle: TicketBundle = { ticket: { id: 'T1', subject: '', status: 'closed', requesterId: 'U1', tags: [], fields: {}, ccEmails: [], followerIds: [], createdAt: '2024-03-01T09:00:00Z', updatedAt: '2024-03-01T10:00:00Z' }, comments: [event, reply] };
		const data: ReferenceData = { roles: [], statuses: [], priorities: [], types: [], mailChannelId: 1 };
		const ctx = { resolve: (kind: string, id: string) => (kind === 'users' && id === 'U1' ? 100 : undefined), fieldTarget: () => undefined, userName: (id: string) => names[id], options: { inlineImages: 'rewrite' as const, defaultAgentId: 300, words: de, timeZone: 'Europe/Berlin' } };
		const { row } = buildCase(ctx, bundle, 100, data, new Map());
		expect(row.subject).toBe('(kein Betreff)');
		expect(row.contents).toBe('<p><em>Ursprünglich verfasst von: ein ehemaliger Agent, am 1. März 2024 um 10:00 MEZ</em></p>\n<p>Hallo</p>');
		const [note] = row.posts as { contents: string; channel: string }[];
		expect(note!.channel).toBe('NOTE');
		expect(note!.contents).toMatch(/^<p>Geändert von: Sam Agent \(sam@example\.com\), am 1\. März 2024 um 11:00 MEZ<\/p><ul><li>Status geändert: Wartend → Geschlossen<\/li>/);
		expect(note!.contents).not.toContain('Ursprünglich');
		expect(row.posts).toHaveLength(1);
	});
});

describe('the language option in the settings', () => {
	const settings = (options: Record<string, string>) => ({ options }) as unknown as MigrationSettings;

	it('reaches the writer, English for a migration saved before the option', () => {
		expect(writerSettingsFrom(settings({ writtenLanguage: 'de', writtenTimeZone: 'Europe/Berlin' }))).toMatchObject({ language: 'de', timeZone: 'Europe/Berlin' });
		expect(writerSettingsFrom(settings({})).language).toBe('en');
	});

	it('is refused in a settings file when the tool cannot write in it, or the time zone is unknown', () => {
		expect(() => checkWrittenLanguage({ writtenLanguage: 'de', writtenTimeZone: 'Europe/Berlin' })).not.toThrow();
		expect(() => checkWrittenLanguage({})).not.toThrow();
		expect(() => checkWrittenLanguage({ writtenLanguage: 'fr' })).toThrow(/writtenLanguage is "fr"/);
		expect(() => checkWrittenLanguage({ writtenTimeZone: 'Mars/Olympus' })).toThrow(/not a time zone name/);
	});
});
