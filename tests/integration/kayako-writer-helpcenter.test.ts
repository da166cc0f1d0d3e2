// The Help Center writer against the sandbox: category, section, article with attachments and rewritten links, found again, rolled back.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KayakoSandbox } from '../../server/sandbox/kayako/index';
import { articleAddresses, createArticle, createCategory, createSection, findHelpCenterByLegacyIds, helpCenterArticleUrl, relinkArticle, updateArticleContents } from '../../src/lib/engine/connectors/kayako/writer/helpcenter';
import { deleteRecord } from '../../src/lib/engine/connectors/kayako/writer/rollback';
import type { Article } from '../../src/lib/engine/model';
import { adminSession, startWriterSandbox, writeContext, type TestContext } from './kayako-writer-helpers';

let sandbox: KayakoSandbox;
let ctx: TestContext;
const BYTES = new Uint8Array(Array.from({ length: 2048 }, (_, index) => (index * 7) % 256));

beforeAll(async () => {
	sandbox = await startWriterSandbox();
	ctx = writeContext(adminSession(sandbox), { inlineImages: 'attach' });
	ctx.bytes.set('a1', BYTES);
});

afterAll(() => sandbox.close());

function article(id: string, overrides: Partial<Article> = {}): Article {
	return { id, sectionId: 'S1', title: `Article ${id}`, html: `<p>${id}</p>`, draft: false, locale: 'en-us', tags: [], attachments: [], url: `https://acme.zendesk.com/hc/en-us/articles/${id}`, ...overrides };
}

describe('the Help Center', () => {
	it('creates a category, a section and articles with attachments and links between them', async () => {
		const category = await createCategory(ctx, { id: 'K1', title: 'Getting started', description: 'Basics', locale: 'en-us' });
		const section = await createSection(ctx, { id: 'S1', categoryId: 'K1', title: 'Setup', locale: 'en-us' }, category.id);
		const first = await createArticle(ctx, article('A1', { draft: true, tags: ['setup'], html: '<p>See <img src="https://src.example/a1"></p>', attachments: [{ id: 'a1', fileName: 'diagram.png', contentType: 'image/png', size: BYTES.length, url: 'https://src.example/a1', inline: true }] }), section.id);
		const links = articleAddresses([['https://acme.zendesk.com/hc/en-us/articles/A1', helpCenterArticleUrl(sandbox.accountUrl('acme'), first.id)]]);
		const second = await createArticle(ctx, article('A2', { html: '<p><a href="https://acme.zendesk.com/hc/en-us/articles/A1#top">first</a></p>' }), section.id, links);
		const state = sandbox.state();
		expect(state.categories.find((each) => each.id === category.id)).toMatchObject({ legacy_id: 'K1', titles: ['Getting started'] });
		expect(state.sections.find((each) => each.id === section.id)).toMatchObject({ legacy_id: 'S1', category_id: category.id });
		const stored = state.articles.find((each) => each.id === first.id)!;
		expect(stored).toMatchObject({ legacy_id: 'A1', status: 'DRAFT', contents: ['<p>See [image: diagram.png]</p>'] });
		expect(stored.attachments.map((each) => each.sha256)).toEqual([createHash('sha256').update(BYTES).digest('hex')]);
		expect(state.articles.find((each) => each.id === second.id)).toMatchObject({ status: 'PUBLISHED', contents: [`<p><a href="${sandbox.accountUrl('acme')}/article/${first.id}#top">first</a></p>`] });
		await updateArticleContents(ctx.session, first.id, '<p>updated</p>');
		expect(sandbox.state().articles.find((each) => each.id === first.id)?.contents).toEqual(['<p>updated</p>']);
		expect(await findHelpCenterByLegacyIds(ctx.session, 'articles', ['A1', 'A2', 'A3'])).toEqual(new Map([['A1', first.id], ['A2', second.id]]));
	});

	it('sends the sanitizer\'s output when it relinks an article, whatever Kayako held', async () => {
		const id = (await findHelpCenterByLegacyIds(ctx.session, 'articles', ['A1'])).get('A1')!;
		// Someone edited the article in Kayako with unsafe HTML allowed; the relink pass must not carry that on.
		await updateArticleContents(ctx.session, id, '<p><a href="https://acme.zendesk.com/hc/en-us/articles/A9">later</a><img src="x" onerror="alert(1)"></p>');
		const target = helpCenterArticleUrl(sandbox.accountUrl('acme'), 99);
		expect(await relinkArticle(ctx.session, id, articleAddresses([['https://acme.zendesk.com/hc/en-us/articles/A9', target]]))).toBe(true);
		const [contents] = sandbox.state().articles.find((each) => each.id === id)!.contents;
		expect(contents).toContain(`href="${target}"`);
		expect(contents).not.toMatch(/onerror/i);
	});

	it('rolls back a category with everything in it', async () => {
		const id = (await findHelpCenterByLegacyIds(ctx.session, 'categories', ['K1'])).get('K1')!;
		expect(await deleteRecord(ctx.session, 'categories', id)).toBe(true);
		const state = sandbox.state();
		expect(state.categories.find((each) => each.legacy_id === 'K1')).toBeUndefined();
		expect(state.articles.filter((each) => each.legacy_id === 'A1' || each.legacy_id === 'A2')).toEqual([]);
	});
});
