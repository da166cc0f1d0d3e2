// Help Center: categories, sections and articles with the source id as legacy_id, article attachments, and links between migrated articles.
import type { Article, KbCategory, KbSection } from '../../../model';
import type { KayakoSession } from '../session';
import { chunks, listAll, localized, type WriteContext, type Written } from './context';
import { uploadAttachments } from './files';
import { rewriteInlineImages } from './inline-images';

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Points links to migrated articles at their new address. `links` maps an old article URL to the new one; a link
 * matches with or without a trailing slash, query or fragment, and keeps its fragment.
 */
export function rewriteArticleLinks(html: string, links: ReadonlyMap<string, string>): string {
	let out = html;
	for (const [oldUrl, newUrl] of links) {
		const base = oldUrl.replace(/[?#].*$/, '').replace(/\/+$/, '');
		if (!base) continue;
		const pattern = new RegExp(`(href\\s*=\\s*["'])${escapeRegExp(base)}/?(?:\\?[^"'#]*)?(#[^"']*)?(["'])`, 'gi');
		out = out.replace(pattern, (_match, open: string, fragment: string | undefined, close: string) => `${open}${newUrl}${fragment ?? ''}${close}`);
	}
	return out;
}

/** The public address of a Kayako Help Center article (inferred from Kayako's Help Center URLs: /article/<id>). */
export function helpCenterArticleUrl(baseUrl: string, id: number): string {
	return `${baseUrl.replace(/\/+$/, '')}/article/${id}`;
}

export async function createCategory(ctx: Pick<WriteContext, 'session'>, category: KbCategory, brandId?: number): Promise<Written> {
	const body = {
		titles: localized(category.title || `Category ${category.id}`, category.locale),
		...(category.description && { descriptions: localized(category.description, category.locale) }),
		...(brandId !== undefined && { brand_id: brandId }),
		legacy_id: category.id
	};
	return { id: (await ctx.session.request<{ id: number }>({ method: 'POST', path: 'categories.json', json: body })).data.id, warnings: [] };
}

/** `categoryId` is the Kayako id of the section's migrated category. */
export async function createSection(ctx: Pick<WriteContext, 'session'>, section: KbSection, categoryId: number): Promise<Written> {
	const body = {
		titles: localized(section.title || `Section ${section.id}`, section.locale),
		...(section.description && { descriptions: localized(section.description, section.locale) }),
		category_id: categoryId,
		visibility: 'PUBLIC',
		legacy_id: section.id
	};
	return { id: (await ctx.session.request<{ id: number }>({ method: 'POST', path: 'sections.json', json: body })).data.id, warnings: [] };
}

/**
 * Creates the article in the Kayako section `sectionId`, with its attachments, inline images handled per option and
 * links to already migrated articles rewritten. Links to articles migrated later are fixed with `updateArticleContents`.
 */
export async function createArticle(ctx: Pick<WriteContext, 'session' | 'resolve' | 'download' | 'options'>, article: Article, sectionId: number, links: ReadonlyMap<string, string> = new Map()): Promise<Written> {
	const { files, warnings } = await uploadAttachments(ctx, article.id, article.attachments);
	const { html } = rewriteInlineImages(article.html, files.filter((file) => file.attachment.inline), ctx.options.inlineImages);
	const authorId = article.authorId ? ctx.resolve('users', article.authorId) : undefined;
	if (article.authorId && authorId === undefined) warnings.push({ sourceId: article.id, message: `The author ${article.authorId} was not migrated; the article is filed under the migration account.` });
	const body = {
		titles: localized(article.title || `Article ${article.id}`, article.locale),
		contents: localized(rewriteArticleLinks(html, links) || '<p></p>', article.locale),
		section_id: sectionId,
		status: article.draft ? 'DRAFT' : 'PUBLISHED',
		legacy_id: article.id,
		...(authorId !== undefined && { author_id: authorId }),
		...(article.tags.length > 0 && { tags: article.tags.join(',') }),
		...(files.length > 0 && { attachment_file_ids: files.map((file) => file.id).join(',') })
	};
	const id = (await ctx.session.request<{ id: number }>({ method: 'POST', path: 'articles.json', json: body })).data.id;
	return { id, warnings };
}

/** The second pass for links: replaces the article's contents (in its locale). */
export async function updateArticleContents(session: KayakoSession, id: number, html: string, locale = 'en-us'): Promise<void> {
	await session.request({ method: 'PUT', path: `articles/${id}.json`, json: { contents: localized(html, locale) } });
}

/** Reconciliation: source id -> Kayako id, for `categories`, `sections` or `articles` that already exist. */
export async function findHelpCenterByLegacyIds(session: KayakoSession, kind: 'categories' | 'sections' | 'articles', ids: readonly string[]): Promise<Map<string, number>> {
	const found = new Map<string, number>();
	for (const chunk of chunks(ids, 100)) {
		for (const row of await listAll<{ id: number; legacy_id: string | null }>(session, `${kind}.json`, { legacy_ids: chunk.join(',') })) if (row.legacy_id) found.set(row.legacy_id, row.id);
	}
	return found;
}
