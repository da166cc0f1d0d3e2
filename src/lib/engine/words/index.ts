// The engine's own catalogue of what it writes into Kayako (the worker has no svelte-i18n): words per language, dates, people.
import { de } from './de';
import { en } from './en';
import { WRITTEN_LANGUAGES, type EventStatus, type Words, type WrittenLanguage } from './types';

export { WRITTEN_LANGUAGES, type EventStatus, type Words, type WrittenLanguage };

const CATALOGUE: Record<WrittenLanguage, Words> = { en, de };

export function isWrittenLanguage(value: unknown): value is WrittenLanguage {
	return typeof value === 'string' && (WRITTEN_LANGUAGES as readonly string[]).includes(value);
}

/** The words of a language; anything unknown reads as English. */
export function wordsFor(language: string | undefined): Words {
	return isWrittenLanguage(language) ? CATALOGUE[language] : en;
}

/** The language a new migration writes in: the UI's ("de-DE", "de" → German), English otherwise. */
export function writtenLanguageOf(uiLocale: string | null | undefined): WrittenLanguage {
	const base = (uiLocale ?? '').toLowerCase().split(/[-_]/)[0];
	return isWrittenLanguage(base) ? base : 'en';
}

let machineTimeZone: string | undefined;

/** The time zone dates are written in when the migration names none: the one of the machine that runs it. */
export function localTimeZone(): string {
	// Asked once: building a formatter to learn it cost more than the rest of a post's byline.
	machineTimeZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
	return machineTimeZone;
}

const WHEN_OPTIONS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };
/** One formatter per language and time zone: a migration writes in one of each, and building one is costly. */
const whenFormats = new Map<string, Intl.DateTimeFormat>();

function whenFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
	const key = `${locale} ${timeZone}`;
	let format = whenFormats.get(key);
	if (!format) {
		try {
			format = new Intl.DateTimeFormat(locale, { ...WHEN_OPTIONS, timeZone });
		} catch {
			// A time zone this runtime does not know: UTC, named as such.
			format = new Intl.DateTimeFormat(locale, { ...WHEN_OPTIONS, timeZone: 'UTC' });
		}
		whenFormats.set(key, format);
	}
	return format;
}

/** A source time as people read it, with its time zone named: "1. März 2024 um 11:00 MEZ", "1 March 2024 at 10:00 UTC". */
export function formatWhen(words: Words, iso: string, timeZone: string = localTimeZone()): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return whenFormat(words.locale, timeZone).format(date);
}

/** A person as the tool names them: "Sam Agent (sam@example.com)", the name or address alone, or "a former agent". */
export function personLabel(words: Words, person: { name?: string; email?: string } | undefined): string {
	const name = person?.name?.trim();
	const email = person?.email?.trim();
	if (name && email && name !== email) return `${name} (${email})`;
	return name || email || words.formerAgent;
}

/** A status as the helpdesk shows it in this language; a value it does not know stays as it is. */
export function statusLabel(words: Words, status: string): string {
	return (words.statuses as Record<string, string>)[status] ?? status;
}
