// German and English for the whole UI, through svelte-i18n; the chosen language is kept in localStorage.
import { addMessages, init, locale } from 'svelte-i18n';
import de from './de.json';
import en from './en.json';

export const LANGUAGES = [
	{ code: 'en', label: 'English' },
	{ code: 'de', label: 'Deutsch' }
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'kayako-migrator.language';

type Catalog = Parameters<typeof addMessages>[1];
/**
 * Each wizard step keeps its words in its own pair of files, `pages/<step>.en.json` and
 * `pages/<step>.de.json`, under one top-level key named after the step.
 */
const pages = import.meta.glob<Catalog>('./pages/*.json', { eager: true, import: 'default' });
const pagesIn = (language: string): Catalog[] =>
	Object.entries(pages)
		.filter(([path]) => path.endsWith(`.${language}.json`))
		.map(([, catalog]) => catalog);

addMessages('en', en, ...pagesIn('en'));
addMessages('de', de, ...pagesIn('de'));

function initialLanguage(): Language {
	const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
	if (saved === 'de' || saved === 'en') return saved;
	const preferred = typeof navigator === 'undefined' ? 'en' : navigator.language;
	return preferred.toLowerCase().startsWith('de') ? 'de' : 'en';
}

init({ fallbackLocale: 'en', initialLocale: initialLanguage() });

locale.subscribe((value) => {
	if (typeof document !== 'undefined' && value) document.documentElement.lang = value;
});

export function setLanguage(language: Language): void {
	localStorage.setItem(STORAGE_KEY, language);
	locale.set(language);
}

export { _, date, locale, number, time } from 'svelte-i18n';
