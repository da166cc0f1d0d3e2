// A source user's social identities (Twitter, Facebook) on the Kayako user. Kayako's API lists `twitter[]` and
// `facebook[]` on a user but documents no way to add them: so the handles and profile pages go into a note on the user,
// where agents see them, and the report says so. The picture becomes the avatar (user-avatar.ts); only when it could
// not does the note keep its address.
import type { User } from '../../../model';
import { because } from '../../../reports/reasons/because';
import type { Words } from '../../../words';
import { en } from '../../../words/en';
import type { KayakoSession } from '../session';
import { listAll, type WriteWarning } from './context';

const NETWORK_NAMES = { twitter: 'Twitter', facebook: 'Facebook' } as const;

/** The note's text, or undefined for a user with no social identity. `avatar`: the picture is the user's avatar already. */
export function socialNoteText(user: User, words: Words = en, avatar = false): string | undefined {
	const profiles = user.socialProfiles ?? [];
	if (profiles.length === 0) return undefined;
	const lines = profiles.map((profile) => `${NETWORK_NAMES[profile.network]}: ${profile.network === 'twitter' ? `@${profile.handle}` : profile.handle} — ${profile.url}`);
	if (user.photoUrl && !avatar) lines.push(words.socialPicture(user.photoUrl));
	return `${words.socialNoteIntro}\n${lines.join('\n')}`;
}

/**
 * Writes the note once: a user found again after a crash (`fresh` false) is asked for its notes first, so a repeated
 * step does not write a second one.
 */
export async function addSocialNote(session: KayakoSession, user: User, kayakoId: number, fresh: boolean, warnings: WriteWarning[], words: Words = en, avatar = false): Promise<void> {
	const contents = socialNoteText(user, words, avatar);
	if (!contents) return;
	if (!fresh) {
		const notes = await listAll<{ body_text?: string }>(session, `users/${kayakoId}/notes.json`, {});
		if (notes.some((note) => note.body_text === contents)) return;
	}
	await session.request({ method: 'POST', path: `users/${kayakoId}/notes.json`, json: { contents, is_html: false } });
	const handles = (user.socialProfiles ?? []).map((profile) => `${profile.network === 'twitter' ? `@${profile.handle}` : `Facebook ${profile.handle}`} (${profile.url})`);
	warnings.push({ sourceId: user.id, message: because('social-identities-in-note', { handles, noEmail: user.emails.length === 0, picture: Boolean(user.photoUrl) && !avatar }) });
}
