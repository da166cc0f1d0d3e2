// The "real" seed profile: turns the tidy generated records into what a real Zendesk account holds (issue 12) — mostly
// Twitter/Facebook end users without e-mail, the system user -1 as submitter, mixed channels with their real
// `via.source` shapes, nulls at real rates, "1,2" decimals, "" drop-downs, comment metadata, thumbnails, Zendesk's
// emoji images and doubled entities in tweets. Every choice is a pure function of (seed, id), like the tidy profile.
import { customTicketFieldId, SUPPORT_ADDRESSES } from './catalog';
import type { AttachmentRecord } from './attachments';
import type { CommentRecord } from './comments';
import { between, unit } from './hash';
import { SANDBOX_DOMAIN, type IdentityRecord, type UserRecord } from './people';
import type { TicketRecord } from './tickets';
import type { TicketShape } from './ticket-shape';
import { ID, type AccountPlan, type SeedProfile } from '../plan';

export type { SeedProfile } from '../plan';
export const SEED_PROFILES: readonly SeedProfile[] = ['tidy', 'real'];

/** Zendesk's system actor: submitter of channel-made tickets, author of automatic events. Not a user anyone can read. */
export const SYSTEM_USER_ID = -1;

export type Social = 'twitter' | 'facebook';
export type Channel = 'twitter' | 'facebook' | 'sample_ticket' | 'api' | 'email' | 'web';

/** The account's own Twitter handle and Facebook page, the `to` of social tickets. */
export const SUPPORT_TWITTER = { username: 'AcmeSupport', twitter_id: '1000000001', name: 'Acme Support' } as const;
export const SUPPORT_FACEBOOK = { name: 'Acme', facebook_id: '2000000001' } as const;

/** Zendesk's static host: emoji in `html_body` are images from there, not attachments. */
export const EMOJI_HOST = 'https://static.zdassets.com';

/** Four end users in five are Twitter or Facebook users without e-mail (136 of 142 in the account the issue read). */
export function socialOf(plan: AccountPlan, index: number): Social | undefined {
	if (plan.profile !== 'real' || index < plan.agents) return undefined;
	if (unit(plan.seed, 'real-social', index) >= 0.8) return undefined;
	return unit(plan.seed, 'real-social-kind', index) < 0.6 ? 'twitter' : 'facebook';
}

export function twitterHandle(name: string, index: number): string {
	return `${name.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').slice(0, 10) || 'user'}_${index}`;
}

export function facebookId(index: number): string {
	return String(100_000_000_000_000 + index);
}

export function socialProfileUrl(social: Social, user: Pick<UserRecord, 'name'>, index: number): string {
	return social === 'twitter' ? `https://twitter.com/${twitterHandle(user.name, index)}` : `https://www.facebook.com/${facebookId(index)}`;
}

/** A social user's photo id is a pure function of the user's index; the index back from a photo id (the download route's way to the user). */
const PHOTO_ID_BASE = ID.attachment * 2;
export function photoUserIndex(photoId: number): number | undefined {
	const index = photoId - PHOTO_ID_BASE;
	return Number.isSafeInteger(index) && index >= 0 ? index : undefined;
}

function photo(plan: AccountPlan, user: UserRecord, index: number): NonNullable<UserRecord['photo']> {
	const id = PHOTO_ID_BASE + index;
	const url = `https://${SANDBOX_DOMAIN}/system/photos/${id}/profile.png`;
	return { url: `https://${SANDBOX_DOMAIN}/api/v2/attachments/${id}.json`, id, file_name: 'profile.png', content_url: url, mapped_content_url: url, content_type: 'image/png', size: between(plan.seed, 'real-photo-size', 1500, 9000, index), width: 80, height: 80, inline: false, deleted: false, thumbnails: [] };
}

/** A user as a real account holds it: social end users without e-mail or phone, and nulls where Zendesk leaves them. */
export function realUser(plan: AccountPlan, index: number, user: UserRecord): UserRecord {
	const agent = index < plan.agents;
	const social = socialOf(plan, index);
	const base: UserRecord = {
		...user,
		alias: agent && unit(plan.seed, 'real-alias', index) < 0.3 ? user.alias : null,
		details: null,
		notes: null,
		signature: agent && unit(plan.seed, 'real-signature', index) < 0.5 ? user.signature : null,
		last_login_at: agent ? user.last_login_at : null,
		...(agent && unit(plan.seed, 'real-default-group', index) < 0.5 && { default_group_id: null }),
		user_fields: Object.fromEntries(Object.keys(user.user_fields).map((key) => [key, null])),
		tags: []
	};
	if (!social) return base;
	return { ...base, email: null, phone: null, shared_phone_number: null, external_id: null, organization_id: null, verified: true, photo: photo(plan, user, index) };
}

/** A social user's identities: the Twitter handle or the Facebook id, nothing else. */
export function realIdentities(plan: AccountPlan, index: number, user: UserRecord, tidy: IdentityRecord[]): IdentityRecord[] {
	const social = socialOf(plan, index);
	if (!social) return tidy.filter((identity) => identity.value !== null);
	const value = social === 'twitter' ? twitterHandle(user.name, index) : facebookId(index);
	return [{ id: ID.identity + index * 10 + 3, user_id: user.id, type: social, value, primary: true, verified: true, undeliverable_count: 0, created_at: user.created_at, updated_at: user.updated_at }];
}

/** The channel a ticket came in by: a social requester's network, else e-mail, web form or API; ticket 1 is Zendesk's sample. */
export function channelOf(plan: AccountPlan, shape: Pick<TicketShape, 'id' | 'requesterIndex'>): Channel {
	if (shape.id === 1) return 'sample_ticket';
	const social = socialOf(plan, shape.requesterIndex);
	if (social) return social;
	return (['email', 'web', 'api'] as const)[shape.id % 3] ?? 'email';
}

function socialFrom(social: Social, name: string, index: number): Record<string, unknown> {
	return social === 'twitter'
		? { name, username: twitterHandle(name, index), profile_url: socialProfileUrl('twitter', { name }, index), twitter_id: String(ID.user + index) }
		: { name, profile_url: socialProfileUrl('facebook', { name }, index), facebook_id: facebookId(index) };
}

/** `via` as real Zendesk writes it for each channel: addresses for e-mail, handles and profile URLs for social, empty for the rest. */
export function viaOf(channel: Channel, requester: Pick<UserRecord, 'name' | 'email'>, requesterIndex: number, plan: AccountPlan, id: number): CommentRecord['via'] {
	switch (channel) {
		case 'twitter':
			return { channel, source: { from: socialFrom('twitter', requester.name, requesterIndex), to: { ...SUPPORT_TWITTER, profile_url: `https://twitter.com/${SUPPORT_TWITTER.username}` }, rel: unit(plan.seed, 'real-dm', id) < 0.5 ? 'mention' : 'direct_message' } };
		case 'facebook':
			return { channel, source: { from: socialFrom('facebook', requester.name, requesterIndex), to: { ...SUPPORT_FACEBOOK, profile_url: `https://www.facebook.com/${SUPPORT_FACEBOOK.facebook_id}` }, rel: unit(plan.seed, 'real-fb', id) < 0.5 ? 'post' : 'message' } };
		case 'email':
			return { channel, source: { from: { address: requester.email, name: requester.name }, to: { name: 'Acme Support', address: `support@${SANDBOX_DOMAIN}` }, rel: null } };
		default:
			return { channel, source: { from: {}, to: {}, rel: null } };
	}
}

/** The value a real ticket holds for each custom field: nearly always null; a decimal with a comma, a drop-down left "". */
function realFieldValue(plan: AccountPlan, ticketId: number, field: { id: number; value: unknown }): TicketRecord['custom_fields'][number]['value'] {
	if (field.id === customTicketFieldId('decimal') && ticketId % 11 === 2) return '1,2';
	if (field.id === customTicketFieldId('tagger') && ticketId % 13 === 3) return '';
	if (ticketId % 29 === 5) return field.value as TicketRecord['custom_fields'][number]['value'];
	return null;
}

export function realTicket(plan: AccountPlan, shape: TicketShape, ticket: TicketRecord, requester: UserRecord): TicketRecord {
	const channel = channelOf(plan, shape);
	const via = viaOf(channel, requester, shape.requesterIndex, plan, shape.id);
	const keepsTriage = unit(plan.seed, 'real-triage', shape.id) < 0.2;
	const type = keepsTriage ? ticket.type : null;
	return {
		...ticket,
		submitter_id: channel === 'email' || channel === 'web' ? ticket.submitter_id : SYSTEM_USER_ID,
		priority: keepsTriage ? ticket.priority : null,
		type,
		problem_id: type === 'incident' ? ticket.problem_id : null,
		due_at: type === 'task' ? ticket.due_at : null,
		organization_id: requester.organization_id,
		external_id: null,
		custom_fields: ticket.custom_fields.map((field) => ({ id: field.id, value: realFieldValue(plan, shape.id, field) })),
		via,
		// Most mail goes to the default support address; one ticket in three (by id, so small accounts have both) to the other.
		recipient: channel === 'email' ? SUPPORT_ADDRESSES[shape.id % 3 === 0 ? 1 : 0] : null,
		satisfaction_rating: null,
		allow_channelback: channel === 'twitter' || channel === 'facebook'
	};
}

/** A tweet's text as Zendesk stores it: entities escaped twice (`&amp;amp;`), and an emoji as an image of Zendesk's static host. */
function tweetHtml(text: string, position: number): string {
	const doubled = text.replace(/&/g, '&amp;amp;').replace(/</g, '&amp;lt;').replace(/>/g, '&amp;gt;');
	const emoji = position % 2 === 0 ? ` <img src="${EMOJI_HOST}/classic/images/emojis/smile.png" class="emoji" alt=":smile:" title=":smile:">` : '';
	return `<div class="zd-comment" dir="auto"><p>${doubled} &amp;amp; more${emoji}</p></div>`;
}

/** A comment as a real account holds it: the ticket's channel on the first, system metadata only where a browser or mail sent it. */
export function realComment(plan: AccountPlan, shape: TicketShape, position: number, comment: CommentRecord, requester: UserRecord): CommentRecord {
	const channel = channelOf(plan, shape);
	const social = channel === 'twitter' || channel === 'facebook';
	const byRequester = comment.author_id === requester.id;
	const via = position === 0 || (social && byRequester) ? viaOf(channel, requester, shape.requesterIndex, plan, shape.id) : comment.via;
	const system = via.channel === 'web' || via.channel === 'email' ? comment.metadata.system : {};
	const metadata: CommentRecord['metadata'] = social ? { system, custom: {}, decoration: { source: { ...(via.source.from as Record<string, unknown>), channel } } } : { system, custom: {} };
	const files = comment.files.map(realAttachment);
	const inlineImages = comment.inlineImages.map(realAttachment);
	// Only what came in by the social channel itself is stored as a tweet (doubled entities); an agent's reply typed in
	// Zendesk keeps its own channel and ordinary html.
	if (!social || via.channel !== channel) return { ...comment, via, metadata, files, inlineImages };
	const text = `@${SUPPORT_TWITTER.username} ${comment.plain_body.split('\n')[0] ?? ''} R&D <3`;
	return { ...comment, via, metadata, body: text, plain_body: text, html_body: tweetHtml(text, position), files, inlineImages };
}

/** Real attachments: width and height null for files that are not images, thumbnails listed for images. */
export function realAttachment(attachment: AttachmentRecord): AttachmentRecord {
	const image = attachment.content_type.startsWith('image/');
	return image ? { ...attachment, thumbnail: true } : { ...attachment, width: null, height: null };
}

/** Used by tests to pick records: is this ticket's requester one of the social users? */
export function isSocialTicket(plan: AccountPlan, shape: Pick<TicketShape, 'id' | 'requesterIndex'>): boolean {
	const channel = channelOf(plan, shape);
	return channel === 'twitter' || channel === 'facebook';
}

