// A source user's social identities (Twitter, Facebook) and picture on the Kayako user. Kayako's API lists `twitter[]` and
// `facebook[]` on a user but documents no way to add them, and takes an avatar only as a file upload: so the handles,
// profile pages and picture address go into a note on the user, where agents see them, and the report says so.
import type { User } from '../../../model';
import type { KayakoSession } from '../session';
import { listAll, type WriteWarning } from './context';

const NETWORK_NAMES = { twitter: 'Twitter', facebook: 'Facebook' } as const;

/** The note's text, or undefined for a user with no social identity. */
export function socialNoteText(user: User): string | undefined {
	const profiles = user.socialProfiles ?? [];
	if (profiles.length === 0) return undefined;
	const lines = profiles.map((profile) => `${NETWORK_NAMES[profile.network]}: ${profile.network === 'twitter' ? `@${profile.handle}` : profile.handle} — ${profile.url}`);
	if (user.photoUrl) lines.push(`Picture in Zendesk: ${user.photoUrl}`);
	return `Known in Zendesk by a social identity, which Kayako's API cannot add to a user:\n${lines.join('\n')}`;
}

/**
 * Writes the note once: a user found again after a crash (`fresh` false) is asked for its notes first, so a repeated
 * step does not write a second one.
 */
export async function addSocialNote(session: KayakoSession, user: User, kayakoId: number, fresh: boolean, warnings: WriteWarning[]): Promise<void> {
	const contents = socialNoteText(user);
	if (!contents) return;
	if (!fresh) {
		const notes = await listAll<{ body_text?: string }>(session, `users/${kayakoId}/notes.json`, {});
		if (notes.some((note) => note.body_text === contents)) return;
	}
	await session.request({ method: 'POST', path: `users/${kayakoId}/notes.json`, json: { contents, is_html: false } });
	const handles = (user.socialProfiles ?? []).map((profile) => `${profile.network === 'twitter' ? `@${profile.handle}` : `Facebook ${profile.handle}`} (${profile.url})`).join(', ');
	const address = user.emails.length === 0 ? ' has no e-mail address, and' : '';
	const picture = user.photoUrl ? ' Their Zendesk picture is not carried (Kayako takes an avatar only as an upload); its address is in the note.' : '';
	warnings.push({ sourceId: user.id, message: `${user.name}${address} Kayako's API cannot add a Twitter or Facebook identity: ${handles} kept in a note on the Kayako user.${picture}` });
}
