// Building posts and case rows for Kayako: inline images, MAIL vs NOTE, bylines, order, and article links.
import { describe, expect, it } from 'vitest';
import type { Attachment, Comment, TicketBundle } from '../../src/lib/engine/model';
import { buildCase } from '../../src/lib/engine/connectors/kayako/writer/case-payload';
import type { UploadedFile } from '../../src/lib/engine/connectors/kayako/writer/files';
import { articleAddresses, rewriteArticleLinks } from '../../src/lib/engine/connectors/kayako/writer/helpcenter';
import { rewriteInlineImages } from '../../src/lib/engine/connectors/kayako/writer/inline-images';
import { buildPost, byline, channelOf } from '../../src/lib/engine/connectors/kayako/writer/posts';
import { en } from '../../src/lib/engine/words/en';
import type { ReferenceData } from '../../src/lib/engine/connectors/kayako/writer/reference-data';

function attachment(id: string, inline: boolean, url = `https://acme.zendesk.com/attachments/token/${id}/?name=${id}.png`): Attachment {
	return { id, fileName: `${id}.png`, contentType: 'image/png', size: 3, url, inline };
}

function uploaded(source: Attachment, id: number): UploadedFile {
	return { attachment: source, id, url: `https://acme.kayako.com/api/v1/files/${id}/content` };
}

function comment(id: string, overrides: Partial<Comment> = {}): Comment {
	return { id, ticketId: 'T1', authorId: 'U1', public: true, html: `<p>${id}</p>`, plain: id, createdAt: '2024-03-01T10:00:00Z', attachments: [], ...overrides };
}

describe('inline images', () => {
	const image = attachment('a1', true);
	const html = `<p>See <img alt="x" src="${image.url.replace('&', '&amp;')}"> and <img src="https://elsewhere.example/logo.png"></p>`;

	it('points an inline image at the uploaded copy and leaves other images alone', () => {
		const { html: out, used } = rewriteInlineImages(html, [uploaded(image, 9)], 'rewrite');
		expect(out).toContain('src="https://acme.kayako.com/api/v1/files/9/content"');
		expect(out).toContain('src="https://elsewhere.example/logo.png"');
		expect(used).toHaveLength(1);
	});

	it('replaces an inline image by a note when images are attached instead', () => {
		const { html: out } = rewriteInlineImages(html, [uploaded(image, 9)], 'attach');
		expect(out).toContain('[image: a1.png]');
		expect(out).not.toContain('attachments/token');
	});

	it('matches a cid: reference by file name, as mail bodies have', () => {
		const { html: out } = rewriteInlineImages('<img src="cid:a1.png@01D">', [uploaded(image, 9)], 'rewrite');
		expect(out).toBe('<img src="https://acme.kayako.com/api/v1/files/9/content">');
	});
});

describe('posts', () => {
	it('files public comments as MAIL under the mailbox and private ones and events as NOTE', () => {
		expect(channelOf(comment('c'), 1)).toEqual({ channel: 'MAIL', channel_id: 1 });
		expect(channelOf(comment('c', { public: false }), 1)).toEqual({ channel: 'NOTE' });
		expect(channelOf(comment('c', { event: true }), 1)).toEqual({ channel: 'NOTE' });
		expect(channelOf(comment('c'), undefined)).toEqual({ channel: 'NOTE' });
	});

	it('attaches every uploaded file, inline ones too, and writes plain text as escaped HTML when there is no HTML', () => {
		const built = buildPost(comment('c', { html: '', plain: 'a < b\nnext' }), [uploaded(attachment('a1', true), 5), uploaded(attachment('a2', false), 6)], 'rewrite');
		expect(built.contents).toBe('<p>a &lt; b<br>next</p>');
		expect(built.fileIds).toEqual([5, 6]);
	});

	it('puts "Originally by NAME on DATE" as the first line when asked', () => {
		expect(byline(en, 'Ann Lee', '2024-03-01T10:05:09Z', 'UTC')).toBe('Originally by Ann Lee on 1 March 2024 at 10:05 UTC');
		expect(buildPost(comment('c'), [], 'rewrite', 'Originally by Ann').contents).toMatch(/^<p><em>Originally by Ann<\/em><\/p>\n<p>c<\/p>$/);
	});

	it('never sends an empty post', () => {
		expect(buildPost(comment('c', { html: ' ', plain: '' }), [], 'rewrite').contents).toBe('<p>(empty message)</p>');
	});
});

const DATA: ReferenceData = {
	roles: [],
	statuses: [{ id: 4, label: 'Completed', type: 'COMPLETED' }],
	priorities: [{ id: 14, label: 'Urgent' }],
	types: [],
	mailChannelId: 1
};

describe('a ticket as a bulk case row', () => {
	const bundle: TicketBundle = {
		ticket: { id: 'T1', subject: 'Printer', status: 'solved', priority: 'urgent', requesterId: 'U1', assigneeId: 'A1', tags: ['vip'], fields: {}, ccEmails: ['cc@x.example'], followerIds: [], createdAt: '2024-03-01T09:00:00Z', updatedAt: '2024-03-02T09:00:00Z' },
		comments: [
			comment('c3', { createdAt: '2024-03-01T12:00:00Z', public: false, authorId: 'A1' }),
			comment('c1', { createdAt: '2024-03-01T09:00:00Z' }),
			comment('c2', { createdAt: '2024-03-01T11:00:00Z', authorId: 'GONE' })
		]
	};
	const ids: Record<string, number> = { 'users:U1': 100, 'users:A1': 200 };
	const ctx = {
		resolve: (kind: string, id: string) => ids[`${kind}:${id}`],
		fieldTarget: () => undefined,
		userName: (id: string) => (id === 'GONE' ? 'Gone Person' : undefined),
		options: { inlineImages: 'rewrite' as const, tagMigrated: 'migrated', oldIdInSubject: true, ccField: 'cc', defaultAgentId: 300, timeZone: 'UTC' }
	};

	it('keeps the posts in time order with their authors, dates and channels', () => {
		const { row } = buildCase(ctx, bundle, 100, DATA, new Map());
		expect(row).toMatchObject({ subject: '[#T1] Printer', requester_id: 100, creator_id: 100, contents: '<p>c1</p>', channel: 'MAIL', channel_id: 1, legacy_id: 'T1', created_at: '2024-03-01T09:00:00+00:00', updated_at: '2024-03-02T09:00:00+00:00', status_id: 4, priority_id: 14, assigned_agent_id: 200, tags: 'vip,migrated', field_values: { cc: 'cc@x.example' } });
		const posts = row.posts as Record<string, unknown>[];
		expect(posts.map((post) => [post.channel, post.creator_id, post.created_at])).toEqual([
			['MAIL', 300, '2024-03-01T11:00:00+00:00'],
			['NOTE', 200, '2024-03-01T12:00:00+00:00']
		]);
		expect(posts[0]?.contents).toContain('Originally by Gone Person on 1 March 2024 at 11:00 UTC');
		expect(posts[1]?.contents).not.toContain('Originally by');
	});

	it('names the helpdesk itself as the writer of a comment by its system actor, filed under the default agent', () => {
		const byZendesk = { ...bundle, comments: [comment('c1', { createdAt: '2024-03-01T09:00:00Z' }), comment('c2', { createdAt: '2024-03-01T11:00:00Z', authorId: undefined, authorName: 'Zendesk' })] };
		const post = (buildCase(ctx, byZendesk, 100, DATA, new Map()).row.posts as Record<string, unknown>[])[0]!;
		expect(post.creator_id).toBe(300);
		expect(post.contents).toContain('Originally by Zendesk on 1 March 2024 at 11:00 UTC');
	});

	it('hands the case of an assignee who did not move to the default agent, and leaves it unassigned only without one', () => {
		const departed = { ...bundle, ticket: { ...bundle.ticket, assigneeId: 'GONE' } };
		expect(buildCase(ctx, departed, 100, DATA, new Map()).row.assigned_agent_id).toBe(300);
		const noDefault = { ...ctx, options: { ...ctx.options, defaultAgentId: undefined } };
		expect(buildCase(noDefault, departed, 100, DATA, new Map()).row).not.toHaveProperty('assigned_agent_id');
		// The writer says nothing of its own about it: the pipeline's one note tells the report what happened.
		expect(buildCase(ctx, departed, 100, DATA, new Map()).warnings.map((warning) => warning.message).join(' ')).not.toMatch(/assignee|unassigned/i);
	});

	it('opens a ticket without comments with its subject as a note', () => {
		const { row } = buildCase(ctx, { ...bundle, comments: [] }, 100, DATA, new Map());
		expect(row).toMatchObject({ contents: '<p>Printer</p>', channel: 'NOTE', creator_id: 100 });
		expect(row.posts).toBeUndefined();
	});
});

describe('links between migrated articles', () => {
	it('rewrites links to migrated articles, keeps fragments, and leaves other links alone', () => {
		const links = articleAddresses([['https://acme.zendesk.com/hc/en-us/articles/1-Setup', 'https://acme.kayako.com/article/9']]);
		const html = '<a href="https://acme.zendesk.com/hc/en-us/articles/1-Setup#step2">x</a> <a href=\'https://acme.zendesk.com/hc/en-us/articles/1-Setup/\'>y</a> <a href="https://acme.zendesk.com/hc/en-us/articles/12-Other">z</a>';
		expect(rewriteArticleLinks(html, links)).toBe('<a href="https://acme.kayako.com/article/9#step2">x</a> <a href=\'https://acme.kayako.com/article/9\'>y</a> <a href="https://acme.zendesk.com/hc/en-us/articles/12-Other">z</a>');
	});
});
