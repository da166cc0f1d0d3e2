// Zendesk's `via` (channel, sender, receiver) and social identities in readable words: an address, @handle, a profile URL.
import type { SocialProfile, Via } from '../../model';
import type { ZendeskIdentity, ZendeskVia } from './types';

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
}

/** One end of a `via.source`: an e-mail address, a Twitter @handle or a Facebook profile, with the name where given. */
function party(end: Record<string, unknown> | null | undefined): string | undefined {
	if (!end) return undefined;
	const name = text(end.name);
	const address = text(end.address);
	const handle = text(end.username);
	const profile = text(end.profile_url);
	const who = address ?? (handle ? `@${handle}` : undefined) ?? (text(end.facebook_id) ? `Facebook ${text(end.facebook_id)}` : undefined);
	const parts = [name && who ? `${name} <${who}>` : (who ?? name), profile].filter(Boolean);
	return parts.length > 0 ? parts.join(' ') : undefined;
}

/** The channel and, where Zendesk names them, who sent it and to whom; undefined when Zendesk gave no channel. */
export function viaOf(via: ZendeskVia | null | undefined): Via | undefined {
	const channel = via?.channel;
	if (channel === null || channel === undefined || channel === '') return undefined;
	const from = party(via?.source?.from);
	const to = party(via?.source?.to);
	return { channel: String(channel), ...(from && { from }), ...(to && { to }) };
}

/** Twitter identities hold the screen name, Facebook ones the user id; both have a public profile page. */
export function socialProfilesOf(identities: readonly ZendeskIdentity[]): SocialProfile[] {
	const profiles: SocialProfile[] = [];
	for (const identity of identities) {
		const handle = text(identity.value)?.replace(/^@/, '');
		if (!handle) continue;
		if (identity.type === 'twitter') profiles.push({ network: 'twitter', handle, url: `https://twitter.com/${encodeURIComponent(handle)}` });
		if (identity.type === 'facebook') profiles.push({ network: 'facebook', handle, url: `https://www.facebook.com/${encodeURIComponent(handle)}` });
	}
	return profiles;
}
