// Help Center: categories, sections and articles with the source id as legacy_id, article attachments, and links between migrated articles.
import { personSeen } from '../../../reports/labels';
import { because } from '../../../reports/reasons/because';
import type { Article, KbCategory, KbSection } from '../../../model';
import { ArticleAddresses } from '../../../article-addresses';
import type { KayakoSession } from '../session';
import { chunks, listAll, localized, type WriteContext, type Written } from './context';
import { uploadAttachments } from './files';
import { rewriteInlineImages } from './inline-images';
import { sanitizeBody } from '../../../html/sanitize';

/**
 * Points links to migrated articles at their new address. A link matches by what it names (see ArticleAddresses):
 * the article id, on the source host or relative, in any locale, with or without slug, query or trailing slash. The
 * fragment stays; links to other sites and to articles not in `links` are left as they are.
 */
export function rewriteArticleLinks(html: string, links: ArticleAddresses<string>): string {
	if (links.size === 0) return html;
	return html.replace(/(href\s*=\s*)(["'])(.*?)\2/gis, (whole, attribute: string, quote: string, href: string) => {
		const found = links.find(href);
		return found ? `${attribute}${quote}${found.value}${found.fragment}${quote}` : whole;
	});
}

/** Old article address -> new address, filed for `rewriteArticleLinks`; addresses that name no article are left out. */
export function articleAddresses(links: Iterable<readonly [oldUrl: string, newUrl: string]>): ArticleAddresses<string> {
	const addresses = new ArticleAddresses<string>();
	for (const [oldUrl, newUrl] of links) addresses.add(oldUrl, newUrl);
	return addresses;
}

/** The public address of a Kayako Help Center article (inferred from Kayako's Help Center URLs: /article/<id>). */
export function helpCenterArticleUrl(baseUrl: string, id: number): string {
	return `${baseUrl.replace(/\/+$/, '')}/article/${id}`;
}

/**
 * The Kayako id of the category, section or article this tool made before with this source id as `legacy_id`
 * (another migration, a state started afresh). Sections and articles are asked with the documented `legacy_ids`
 * filter; for categories the filter is not documented, so the answer is checked here by `legacy_id` whatever Kayako
 * sends back (an account has few categories).
 */
export async function findHelpCenterMadeBefore(session: KayakoSession, kind: 'categories' | 'sections' | 'articles', sourceId: string): Promise<number | undefined> {
	return (await findHelpCenterByLegacyIds(session, kind, [sourceId])).get(sourceId);
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
 * links to already migrated articles rewritten. Links to articles migrated later are fixed by `relinkArticle`.
 */
export async function createArticle(ctx: Pick<WriteContext, 'session' | 'resolve' | 'download' | 'options'>, article: Article, sectionId: number, links: ArticleAddresses<string> = new ArticleAddresses()): Promise<Written> {
	const { files, warnings } = await uploadAttachments(ctx, article.id, article.attachments);
	const { html } = rewriteInlineImages(article.html, files.filter((file) => file.attachment.inline), ctx.options.inlineImages);
	const authorId = article.authorId ? ctx.resolve('users', article.authorId) : undefined;
	if (article.authorId && authorId === undefined) warnings.push({ sourceId: article.id, message: because('article-author-not-migrated', { person: personSeen(article.authorId) }) });
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

/**
 * The second pass for links, once every article is in: rewrites the contents as Kayako holds them (inline images
 * already pointing at Kayako), in every locale, and writes back only when a link changed. True when it wrote.
 */
export async function relinkArticle(session: KayakoSession, id: number, links: ArticleAddresses<string>): Promise<boolean> {
	const { data } = await session.request<{ contents?: { locale?: string; translation?: string }[] }>({ method: 'GET', path: `articles/${id}.json`, searchParams: { include: 'locale_field' } });
	const contents = (data.contents ?? []).filter((entry): entry is { locale: string; translation: string } => typeof entry.locale === 'string' && typeof entry.translation === 'string');
	const rewritten = contents.map((entry) => ({ locale: entry.locale, translation: rewriteArticleLinks(entry.translation, links) }));
	if (rewritten.every((entry, index) => entry.translation === contents[index]!.translation)) return false;
	// What goes back is the sanitizer's output too: the stored contents are Kayako's, not necessarily ours any more.
	const clean = rewritten.map((entry) => ({ locale: entry.locale, translation: sanitizeBody(entry.translation).html }));
	await session.request({ method: 'PUT', path: `articles/${id}.json`, json: { contents: clean } });
	return true;
}

/** Reconciliation: source id -> Kayako id, for `categories`, `sections` or `articles` that already exist. */
export async function findHelpCenterByLegacyIds(session: KayakoSession, kind: 'categories' | 'sections' | 'articles', ids: readonly string[]): Promise<Map<string, number>> {
	const found = new Map<string, number>();
	for (const chunk of chunks(ids, 100)) {
		for (const row of await listAll<{ id: number; legacy_id: string | null }>(session, `${kind}.json`, { legacy_ids: chunk.join(',') })) if (row.legacy_id) found.set(row.legacy_id, row.id);
	}
	return found;
}
