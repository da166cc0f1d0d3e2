// The match step's line "1 of 6 active agents is paired": singular and plural through ICU plural rules, in both languages.
import { get } from 'svelte/store';
import { addMessages, format, init } from 'svelte-i18n';
import { beforeAll, describe, expect, it } from 'vitest';
import de from '../../src/lib/i18n/pages/match.de.json';
import en from '../../src/lib/i18n/pages/match.en.json';

beforeAll(async () => {
	addMessages('en', en);
	addMessages('de', de);
	await init({ fallbackLocale: 'en', initialLocale: 'en' });
});

const intro = (locale: 'en' | 'de', matched: number, total: number) => get(format)('match.agentsIntro', { locale, values: { matched, total } });

describe('match.agentsIntro', () => {
	it('says "ist" for one agent and "sind" for more or none in German', () => {
		expect(intro('de', 1, 6)).toBe('1 von 6 aktiven Agenten ist einem Kayako-Agenten zugeordnet.');
		expect(intro('de', 2, 6)).toBe('2 von 6 aktiven Agenten sind einem Kayako-Agenten zugeordnet.');
		expect(intro('de', 0, 6)).toBe('0 von 6 aktiven Agenten sind einem Kayako-Agenten zugeordnet.');
	});

	it('agrees in English, for the count and for the total', () => {
		expect(intro('en', 1, 6)).toBe('1 of 6 active agents is paired with a Kayako agent.');
		expect(intro('en', 3, 6)).toBe('3 of 6 active agents are paired with a Kayako agent.');
		expect(intro('en', 1, 1)).toBe('1 of 1 active agent is paired with a Kayako agent.');
	});
});
