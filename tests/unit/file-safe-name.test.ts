// The file names downloads get from a migration's name: German umlauts spelled out, accents dropped, nothing torn mid-word.
import { describe, expect, it } from 'vitest';
import { fileSafe } from '../../src/lib/client/save-file';

describe('fileSafe', () => {
	it('spells out ä, ö, ü and ß as German does', () => {
		expect(`${fileSafe('Zendesk-Umzug Frühjahr')}-archive.json`).toBe('zendesk-umzug-fruehjahr-archive.json');
		expect(fileSafe('Größe Äpfel Öl Straße')).toBe('groesse-aepfel-oel-strasse');
	});

	it('drops accents instead of breaking the word', () => {
		expect(fileSafe('Café São Paulo')).toBe('cafe-sao-paulo');
	});

	it('keeps letters, digits and dashes, and falls back to a name when nothing is left', () => {
		expect(fileSafe('  Support 2024 / EU  ')).toBe('support-2024-eu');
		expect(fileSafe('???')).toBe('migration');
	});
});
