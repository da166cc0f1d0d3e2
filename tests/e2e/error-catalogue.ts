// The connect step's words as the catalogues hold them (en.json, de.json), so tests compare against the source of the copy.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const I18N = fileURLToPath(new URL('../../src/lib/i18n/', import.meta.url));

export type Language = 'en' | 'de';

interface Catalogue {
	errors: Record<string, { title: string; hint: string } | string>;
	connect: Record<string, unknown>;
}

const loaded = new Map<Language, Catalogue>();

function catalogue(language: Language): Catalogue {
	let found = loaded.get(language);
	if (!found) {
		found = JSON.parse(readFileSync(`${I18N}${language}.json`, 'utf8')) as Catalogue;
		loaded.set(language, found);
	}
	return found;
}

/** Fills `{name}` placeholders; refuses ICU plurals and selects, which only the app's formatter renders faithfully. */
function fill(message: string, values: Record<string, string>): string {
	if (/\{\s*\w+\s*,/.test(message)) throw new Error(`"${message}" uses ICU syntax; extend the test's formatter before comparing it.`);
	return message.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
		const value = values[name];
		if (value === undefined) throw new Error(`"${message}" needs a value for {${name}}.`);
		return value;
	});
}

/** The sentence and the hint ErrorMessage shows for an error kind, with its values filled in. */
export function errorWords(language: Language, kind: string, values: Record<string, string> = {}): { title: string; hint: string; whatToDo: string } {
	const errors = catalogue(language).errors;
	const entry = errors[kind];
	if (typeof entry !== 'object') throw new Error(`${language}.json has no errors.${kind}.`);
	return { title: fill(entry.title, values), hint: fill(entry.hint, values), whatToDo: String(errors.whatToDo) };
}

/** A `connect.*` label, e.g. `connectWord('de', 'url')` or `connectWord('en', 'secret.api-token')`. */
export function connectWord(language: Language, path: string): string {
	let node: unknown = catalogue(language).connect;
	for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
	if (typeof node !== 'string') throw new Error(`${language}.json has no connect.${path}.`);
	return node;
}
