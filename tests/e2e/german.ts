// The German check: with the page in German, no sentence of the English catalogue may show, in its text or its labels.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';

const I18N = fileURLToPath(new URL('../../src/lib/i18n/', import.meta.url));
/** Shorter fragments are words a German page may share with English ("Name", "Demo"), not untranslated sentences. */
const MIN_LENGTH = 5;

type Catalog = { [key: string]: string | Catalog };

/** Every string of a language, the main catalogue and the pages' ones, by its dotted key. */
export function catalog(language: 'en' | 'de'): Map<string, string> {
	const files = [`${I18N}${language}.json`, ...readdirSync(`${I18N}pages`).filter((name) => name.endsWith(`.${language}.json`)).map((name) => `${I18N}pages/${name}`)];
	const flat = new Map<string, string>();
	const walk = (node: Catalog, path: string) => {
		for (const [key, value] of Object.entries(node)) {
			const at = path ? `${path}.${key}` : key;
			if (typeof value === 'string') flat.set(at, value);
			else walk(value, at);
		}
	};
	for (const file of files) walk(JSON.parse(readFileSync(file, 'utf8')) as Catalog, '');
	return flat;
}

export interface EnglishFragment {
	key: string;
	text: string;
}

/**
 * The English pieces to look for: each string cut at its {placeholders}, leaving out what German says the same way
 * (equal strings, names and terms the German catalogue uses too), short words, plurals, numbers and addresses.
 */
export function englishFragments(): EnglishFragment[] {
	const english = catalog('en');
	const german = catalog('de');
	const germanText = [...german.values()].join('\n');
	const fragments: EnglishFragment[] = [];
	for (const [key, value] of english) {
		if (german.get(key) === value || /,\s*(plural|select)\s*,/.test(value)) continue;
		for (const piece of value.split(/\{[^{}]*\}/)) {
			const text = piece.replace(/\s+/g, ' ').trim().replace(/^[\s.,:;·()–—“”„"-]+|[\s.,:;·()–—“”„"-]+$/g, '');
			if (text.length < MIN_LENGTH || !/\p{L}{3}/u.test(text) || /^\d[\d\s.,:%]*$/.test(text) || /https?:\/\/|\.\w{2,3}\b/.test(text)) continue;
			if (germanText.includes(text)) continue;
			fragments.push({ key, text });
		}
	}
	return fragments;
}

/**
 * What a German reader meets on the page: visible text, labels, titles, placeholders. Parts marked lang="en" (log lines,
 * record reasons) are left out, and so is the helpdesks' own data, marked translate="no" (a field called "VIP customer"):
 * its text is taken out wherever it shows, in a sentence of the app too.
 */
async function pageText(page: Page): Promise<string[]> {
	const texts = await page.evaluate(() => {
		const english = (element: Element) => (element.closest('[lang]')?.getAttribute('lang') ?? '').startsWith('en') || element.closest('[translate="no"]') !== null;
		const shown = (element: Element) => element.checkVisibility({ visibilityProperty: true });
		const texts: string[] = [document.title];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const parent = node.parentElement;
			// SvelteKit's route announcer repeats the title of the last navigation, from before the language changed.
			if (!parent || !node.textContent?.trim() || english(parent) || !shown(parent) || parent.closest('script, style, #svelte-announcer')) continue;
			texts.push(node.textContent);
		}
		for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]')) {
			if (english(element)) continue;
			for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
				const value = element.getAttribute(name);
				if (value) texts.push(value);
			}
		}
		const data = [...document.body.querySelectorAll('[translate="no"]')].map((element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '');
		return { texts: texts.map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean), data: data.filter((text) => text.length > 0) };
	});
	const data = [...new Set(texts.data)].sort((a, b) => b.length - a.length);
	return texts.texts.map((text) => data.reduce((rest, value) => rest.split(value).join(' '), text)).filter((text) => text.trim());
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Fails when a fragment of the English catalogue appears on the page (whole words, not parts of e-mail addresses), naming its key and where. */
export async function expectNoEnglish(page: Page, what: string): Promise<void> {
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	const texts = await pageText(page);
	const found: string[] = [];
	for (const fragment of englishFragments()) {
		// A word glued to an @ is part of an e-mail address (data, like agent@example.com), not a sentence.
		const pattern = new RegExp(`(?<![\\p{L}\\d@])${escape(fragment.text)}(?![\\p{L}\\d@])`, 'u');
		const hit = texts.find((text) => pattern.test(text));
		if (hit) found.push(`${fragment.key}: "${fragment.text}" in "${hit.slice(0, 120)}"`);
	}
	expect(found, `English text on the German ${what}`).toEqual([]);
}

/** Switches the app's language with its own picker, as a person would. */
export async function switchLanguage(page: Page, language: 'de' | 'en'): Promise<void> {
	await page.locator('header select').selectOption(language);
	await expect(page.locator('html')).toHaveAttribute('lang', language);
}
