// Real-shaped Zendesk records (issue 12): a Twitter user without e-mail, nulls everywhere, via on tickets and comments, due_at, "" and "1,2" values.
import { describe, expect, it } from 'vitest';
import { mapUser } from '../../src/lib/engine/connectors/zendesk/map-people';
import { mapComment, mapTicket } from '../../src/lib/engine/connectors/zendesk/map-ticket';
import { fieldValues } from '../../src/lib/engine/connectors/zendesk/map-values';
import type { ZendeskComment, ZendeskTicket, ZendeskUser } from '../../src/lib/engine/connectors/zendesk/types';

const lookups = { userFieldIds: new Map<string, string>(), teamIdsByUser: new Map<number, string[]>() };

/** As the real account's export holds a Twitter end user: no address, no phone, nulls, a photo. */
const TWITTER_USER = {
	id: 3870001,
	name: 'Jana Doe',
	email: null,
	phone: null,
	role: 'end-user',
	role_type: null,
	active: true,
	suspended: false,
	organization_id: null,
	alias: null,
	details: null,
	notes: null,
	signature: null,
	last_login_at: null,
	default_group_id: null,
	tags: [],
	user_fields: { plan: null },
	locale: 'en-US',
	time_zone: 'Berlin',
	iana_time_zone: 'Europe/Berlin',
	photo: { content_url: 'https://acme.zendesk.com/system/photos/3870001/profile.png' },
	created_at: '2016-03-01T10:00:00Z',
	updated_at: '2016-03-01T10:00:00Z'
} as ZendeskUser;

describe('a Zendesk social user without e-mail', () => {
	it('keeps the Twitter handle and profile URL from its identity, and its photo', () => {
		const user = mapUser(TWITTER_USER, { ...lookups, identities: [{ id: 1, type: 'twitter', value: 'janadoe', primary: true }] });
		expect(user).toMatchObject({ name: 'Jana Doe', emails: [], phones: [], socialProfiles: [{ network: 'twitter', handle: 'janadoe', url: 'https://twitter.com/janadoe' }], photoUrl: 'https://acme.zendesk.com/system/photos/3870001/profile.png' });
		expect(user.notes).toBeUndefined();
		expect(user.fields).toEqual({});
	});

	it('is named by its handle when Zendesk gave no name, never left nameless', () => {
		const twitter = mapUser({ ...TWITTER_USER, name: '' }, { ...lookups, identities: [{ id: 1, type: 'twitter', value: 'janadoe' }] });
		expect(twitter.name).toBe('@janadoe');
		const facebook = mapUser({ ...TWITTER_USER, name: null }, { ...lookups, identities: [{ id: 2, type: 'facebook', value: '100004711' }] });
		expect(facebook).toMatchObject({ name: 'https://www.facebook.com/100004711', socialProfiles: [{ network: 'facebook', handle: '100004711' }] });
	});
});

describe('via, recipient and due_at of real tickets and comments', () => {
	const ticket = {
		id: 12,
		subject: 'Order late',
		status: 'open',
		priority: null,
		type: 'task',
		due_at: '2016-04-01T12:00:00Z',
		requester_id: 3870001,
		submitter_id: -1,
		recipient: null,
		custom_fields: [
			{ id: 1, value: null },
			{ id: 2, value: '' },
			{ id: 3, value: '1,2' }
		],
		via: { channel: 'twitter', source: { from: { name: 'Jana Doe', username: 'janadoe', profile_url: 'https://twitter.com/janadoe', twitter_id: '99' }, to: { name: 'Acme Support', username: 'AcmeSupport', profile_url: 'https://twitter.com/AcmeSupport' }, rel: 'mention' } },
		created_at: '2016-03-01T10:00:00Z',
		updated_at: '2016-03-02T10:00:00Z'
	} as ZendeskTicket;
	const ticketLookups = { brandNames: new Map(), statusLabels: new Map(), userEmails: new Map(), baseUrl: 'https://acme.zendesk.com', solvedTimes: new Map() } as unknown as Parameters<typeof mapTicket>[1];

	it('carries due_at and the sender and receiver of a tweet; -1 is no submitter; "" is unset, "1,2" is kept as written', () => {
		const mapped = mapTicket(ticket, ticketLookups);
		expect(mapped).toMatchObject({ dueAt: '2016-04-01T12:00:00Z', via: { channel: 'twitter', from: 'Jana Doe <@janadoe> https://twitter.com/janadoe', to: 'Acme Support <@AcmeSupport> https://twitter.com/AcmeSupport' }, fields: { '3': '1,2' } });
		expect(mapped.submitterId).toBeUndefined();
		expect(mapped.recipient).toBeUndefined();
		expect(mapped.priority).toBeUndefined();
		expect(mapped.fields).toEqual({ '3': '1,2' });
	});

	it('reads an e-mail ticket\'s recipient and sender address, and a web ticket\'s empty source as the channel alone', () => {
		const mail = mapTicket({ ...ticket, recipient: 'support@acme.example', via: { channel: 'email', source: { from: { address: 'ann@example.org', name: 'Ann' }, to: { address: 'support@acme.example', name: 'Acme' }, rel: null } } }, ticketLookups);
		expect(mail).toMatchObject({ recipient: 'support@acme.example', via: { channel: 'email', from: 'Ann <ann@example.org>', to: 'Acme <support@acme.example>' } });
		expect(mapTicket({ ...ticket, via: { channel: 'web', source: { from: {}, to: {}, rel: null } } }, ticketLookups).via).toEqual({ channel: 'web' });
	});

	it('leaves out a recipient that is the account\'s default support address, and keeps one sent to another support address', () => {
		const lookups = { ...ticketLookups, defaultRecipients: new Set(['support@acme.example']) };
		expect(mapTicket({ ...ticket, recipient: 'Support@Acme.example' }, lookups).recipient).toBeUndefined();
		expect(mapTicket({ ...ticket, recipient: 'billing@acme.example' }, lookups).recipient).toBe('billing@acme.example');
	});

	it('carries a comment\'s via, and tolerates a comment without one', () => {
		const comment = { id: 5, author_id: 3870001, public: true, html_body: '<p>hi &amp;amp; bye</p>', created_at: '2016-03-01T10:00:00Z', attachments: null, via: { channel: 'facebook', source: { from: { name: 'Jana', facebook_id: '100004711', profile_url: 'https://www.facebook.com/100004711' }, to: {}, rel: 'post' } } } as ZendeskComment;
		expect(mapComment(comment, '12').via).toEqual({ channel: 'facebook', from: 'Jana <Facebook 100004711> https://www.facebook.com/100004711' });
		expect(mapComment({ ...comment, via: null }, '12').via).toBeUndefined();
	});

	it('leaves every null and "" out of the field values', () => {
		expect(fieldValues([['1', null], ['2', ''], ['3', undefined], ['4', 0], ['5', false]])).toEqual({ '4': 0, '5': false });
	});
});
