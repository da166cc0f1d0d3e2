// The note that keeps a social user's handles on the Kayako user is text a support lead reads: it is in the migration's language.
import { describe, expect, it } from 'vitest';
import { socialNoteText } from '../../src/lib/engine/connectors/kayako/writer/user-social';
import type { User } from '../../src/lib/engine/model';
import { wordsFor } from '../../src/lib/engine/words';

const jana = {
	id: '3870001',
	name: 'Jana Doe',
	emails: [],
	role: 'customer',
	socialProfiles: [{ network: 'twitter', handle: 'janadoe', url: 'https://twitter.com/janadoe' }],
	photoUrl: 'https://example.zendesk.com/photos/jana.png'
} as unknown as User;

describe('the social-identity note on a Kayako user', () => {
	it('is written in German for a German migration, with the handle, profile page and picture address', () => {
		expect(socialNoteText(jana, wordsFor('de'))).toBe(
			'In Zendesk über eine soziale Identität bekannt, die Kayakos API einem Benutzer nicht hinzufügen kann:\nTwitter: @janadoe — https://twitter.com/janadoe\nBild in Zendesk: https://example.zendesk.com/photos/jana.png'
		);
	});

	it('is written in English otherwise, and not at all for a user without a social identity', () => {
		expect(socialNoteText(jana, wordsFor('en'))).toMatch(/^Known in Zendesk by a social identity/);
		expect(socialNoteText({ ...jana, socialProfiles: [] }, wordsFor('de'))).toBeUndefined();
	});

	it('leaves the picture out once it is the user\'s Kayako avatar', () => {
		expect(socialNoteText(jana, wordsFor('en'), true)).toBe("Known in Zendesk by a social identity, which Kayako's API cannot add to a user:\nTwitter: @janadoe — https://twitter.com/janadoe");
	});
});
