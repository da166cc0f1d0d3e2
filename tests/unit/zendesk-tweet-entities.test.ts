// Tweets and Facebook posts come from Zendesk with their entities escaped twice (issue 12): one level is undone for those
// channels, so Kayako shows "&" and "<3" as the customer wrote them; mail and web comments are left as they are.
import { describe, expect, it } from 'vitest';
import { mapComment } from '../../src/lib/engine/connectors/zendesk/map-ticket';
import type { ZendeskComment } from '../../src/lib/engine/connectors/zendesk/types';

/** A tweet as the real account's comments list holds it: doubled entities, an emoji image, Twitter's via and decoration. */
const TWEET = {
	id: 41871203,
	type: 'Comment',
	author_id: 3870001,
	body: '@AcmeSupport my order R&D <3 still not here',
	html_body:
		'<div class="zd-comment" dir="auto"><p>@AcmeSupport my order R&amp;amp;D &amp;lt;3 still not here &amp;amp; more <img src="https://static.zdassets.com/classic/images/emojis/smile.png" class="emoji" alt=":smile:" title=":smile:"></p></div>',
	plain_body: '@AcmeSupport my order R&D <3 still not here',
	public: true,
	attachments: [],
	audit_id: 41871202,
	via: { channel: 'twitter', source: { from: { name: 'Jana Doe', username: 'janadoe', profile_url: 'https://twitter.com/janadoe', twitter_id: '2860001' }, to: { name: 'Acme Support', username: 'AcmeSupport', twitter_id: '1000000001' }, rel: 'mention' } },
	created_at: '2016-03-01T10:00:00Z',
	metadata: { system: {}, custom: {}, decoration: { source: { name: 'Jana Doe', username: 'janadoe' }, channel: 'twitter' } }
} as unknown as ZendeskComment;

describe("a social comment's html", () => {
	it('loses one level of doubled entities, so it reads "R&amp;D &lt;3" in html and "R&D <3" on screen', () => {
		expect(mapComment(TWEET, '12').html).toBe(
			'<div class="zd-comment" dir="auto"><p>@AcmeSupport my order R&amp;D &lt;3 still not here &amp; more <img src="https://static.zdassets.com/classic/images/emojis/smile.png" class="emoji" alt=":smile:" title=":smile:"></p></div>'
		);
	});

	it('does the same for a Facebook post, numeric entities included', () => {
		const post = { ...TWEET, html_body: '<p>Caf&amp;#233; &amp;amp; cake</p>', via: { channel: 'facebook', source: { from: { name: 'Jana', facebook_id: '100004711' }, to: {}, rel: 'post' } } } as unknown as ZendeskComment;
		expect(mapComment(post, '12').html).toBe('<p>Caf&#233; &amp; cake</p>');
	});

	it('leaves a mail comment alone, where "&amp;amp;" is what the writer meant to show', () => {
		const mail = { ...TWEET, html_body: '<p>Type &amp;amp; to get &amp;</p>', via: { channel: 'email', source: { from: { address: 'jana@example.org' }, to: {}, rel: null } } } as unknown as ZendeskComment;
		expect(mapComment(mail, '12').html).toBe('<p>Type &amp;amp; to get &amp;</p>');
	});
});
