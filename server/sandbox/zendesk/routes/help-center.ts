// Help Center: locales, categories, sections, articles (per locale), translations, article attachments and the incremental article export.
import { jsonReply, type Reply } from '../../common/reply';
import { articleAttachmentUrl, articleAttachments, articleLocales, articleTimes, categories, generateArticle, HC_DEFAULT_LOCALE, HC_LOCALES, sections, type ArticleAttachmentRecord } from '../generator/help-center';
import { unixSeconds } from '../generator/time';
import { invalidValue, recordNotFound } from '../http/errors';
import { numberParam, type RequestContext, type RouteSpec } from '../http/context';
import { linkTo, paginate } from '../http/pagination';
import { ID } from '../plan';

const HC_PER_PAGE = 30;

function localeOf(context: RequestContext): string | undefined {
	const locale = (context.params.locale ?? HC_DEFAULT_LOCALE).toLowerCase();
	return (HC_LOCALES as readonly string[]).includes(locale) ? locale : undefined;
}

function hcUrls(context: RequestContext, kind: string, id: number, locale: string): { url: string; html_url: string } {
	return { url: `${context.baseUrl}/api/v2/help_center/${locale}/${kind}/${id}.json`, html_url: `${context.baseUrl}/hc/${locale}/${kind}/${id}` };
}

/** Help Center offset pages default to 30 records and report page, per_page and page_count too. */
function hcPage<K>(context: RequestContext, all: readonly K[], keyOf: (item: K) => number[]): { ok: true; items: K[]; envelope: Record<string, unknown> } | { ok: false; reply: Reply } {
	const page = paginate(context, all, { keyOf, defaultPerPage: HC_PER_PAGE });
	if (!page.ok || page.cursorMode) return page;
	const perPage = Math.min(100, Number(context.query.get('per_page') ?? HC_PER_PAGE));
	const number = Number(context.query.get('page') ?? 1);
	return {
		...page,
		envelope: { ...page.envelope, page: number, per_page: perPage, page_count: Math.ceil(all.length / perPage), sort_by: context.query.get('sort_by') ?? 'position', sort_order: context.query.get('sort_order') ?? 'asc' }
	};
}

function canSeeRestricted(context: RequestContext): boolean {
	return context.principal.kind === 'user' && context.principal.role !== 'end-user';
}

function listCategories(context: RequestContext) {
	const locale = localeOf(context);
	if (!locale) return recordNotFound();
	const page = hcPage(context, categories(context.account.plan), (category) => [category.position]);
	if (!page.ok) return page.reply;
	return jsonReply(200, { categories: page.items.map((category) => ({ ...category, ...hcUrls(context, 'categories', category.id, locale), locale })), ...page.envelope });
}

function listSections(context: RequestContext) {
	const locale = localeOf(context);
	if (!locale) return recordNotFound();
	const categoryId = numberParam(context, 'category_id');
	const all = sections(context.account.plan).filter((section) => categoryId === undefined || section.category_id === categoryId);
	if (categoryId !== undefined && !categories(context.account.plan).some((category) => category.id === categoryId)) return recordNotFound();
	const page = hcPage(context, all, (section) => [section.position]);
	if (!page.ok) return page.reply;
	return jsonReply(200, { sections: page.items.map((section) => ({ ...section, ...hcUrls(context, 'sections', section.id, locale), locale })), ...page.envelope });
}

function showOne(kind: 'categories' | 'sections') {
	return (context: RequestContext) => {
		const locale = localeOf(context);
		const id = numberParam(context, 'id');
		const records = kind === 'categories' ? categories(context.account.plan) : sections(context.account.plan);
		const record = records.find((candidate) => candidate.id === id);
		if (!locale || !record) return recordNotFound();
		return jsonReply(200, { [kind === 'categories' ? 'category' : 'section']: { ...record, ...hcUrls(context, kind, record.id, locale), locale } });
	};
}

function presentArticle(context: RequestContext, index: number, locale: string): Record<string, unknown> {
	const article = generateArticle(context.account.plan, index, locale, context.baseUrl);
	return { ...article, ...hcUrls(context, 'articles', article.id, locale) };
}

function visibleArticles(context: RequestContext, locale: string): number[] {
	const plan = context.account.plan;
	const restricted = canSeeRestricted(context);
	// Visitors without an agent login see published, unrestricted articles only.
	return Array.from({ length: plan.articles }, (_, index) => index).filter((index) => articleLocales(index).includes(locale) && (restricted || (index % 11 !== 10 && index % 9 !== 0)));
}

function listArticles(context: RequestContext) {
	const locale = localeOf(context);
	if (!locale) return recordNotFound();
	const sectionId = numberParam(context, 'section_id');
	const categoryId = numberParam(context, 'category_id');
	const sectionOf = (index: number) => ID.section + (index % sections(context.account.plan).length);
	const categoryOf = new Map(sections(context.account.plan).map((section) => [section.id, section.category_id]));
	const indexes = visibleArticles(context, locale).filter((index) => (sectionId === undefined || sectionOf(index) === sectionId) && (categoryId === undefined || categoryOf.get(sectionOf(index)) === categoryId));
	const sortBy = context.query.get('sort_by') ?? 'position';
	const sign = context.query.get('sort_order') === 'desc' ? -1 : 1;
	const keyOf = (index: number): number[] => (sortBy === 'updated_at' ? [sign * articleTimes(context.account.plan, index).updated, sign * index] : sortBy === 'created_at' ? [sign * articleTimes(context.account.plan, index).created, sign * index] : [sign * index]);
	const sorted = [...indexes].sort((a, b) => {
		const [ka, kb] = [keyOf(a), keyOf(b)];
		return (ka[0] ?? 0) - (kb[0] ?? 0) || (ka[1] ?? 0) - (kb[1] ?? 0);
	});
	const page = hcPage(context, sorted, keyOf);
	if (!page.ok) return page.reply;
	return jsonReply(200, { articles: page.items.map((index) => presentArticle(context, index, locale)), ...page.envelope });
}

function articleIndex(context: RequestContext): number | undefined {
	const id = numberParam(context, 'id');
	const index = id === undefined ? -1 : id - ID.article;
	return index >= 0 && index < context.account.plan.articles ? index : undefined;
}

function showArticle(context: RequestContext) {
	const locale = localeOf(context);
	const index = articleIndex(context);
	if (!locale || index === undefined || !visibleArticles(context, locale).includes(index)) return recordNotFound();
	return jsonReply(200, { article: presentArticle(context, index, locale) });
}

function translations(context: RequestContext) {
	const index = articleIndex(context);
	if (index === undefined) return recordNotFound();
	const list = articleLocales(index).map((locale, position) => {
		const article = generateArticle(context.account.plan, index, locale, context.baseUrl);
		return { id: ID.translation + index * 10 + position, url: `${context.baseUrl}/api/v2/help_center/articles/${article.id}/translations/${locale}.json`, html_url: hcUrls(context, 'articles', article.id, locale).html_url, source_id: article.id, source_type: 'Article', locale, title: article.title, body: article.body, outdated: false, draft: article.draft, hidden: false, created_at: article.created_at, updated_at: article.updated_at, updated_by_id: article.author_id, created_by_id: article.author_id };
	});
	return jsonReply(200, { translations: list, next_page: null, previous_page: null, count: list.length });
}

function presentArticleAttachment(context: RequestContext, attachment: ArticleAttachmentRecord): Record<string, unknown> {
	const { token: _token, ...rest } = attachment;
	return { ...rest, url: `${context.baseUrl}/api/v2/help_center/articles/attachments/${attachment.id}.json`, content_url: articleAttachmentUrl(context.baseUrl, attachment), relative_path: `/hc/article_attachments/${attachment.id}/${encodeURIComponent(attachment.file_name)}` };
}

function listArticleAttachments(filter: (attachment: ArticleAttachmentRecord) => boolean) {
	return (context: RequestContext) => {
		const index = articleIndex(context);
		if (index === undefined) return recordNotFound();
		const attachments = articleAttachments(context.account.plan, index).filter(filter);
		return jsonReply(200, { article_attachments: attachments.map((attachment) => presentArticleAttachment(context, attachment)), next_page: null, previous_page: null, count: attachments.length });
	};
}

const INCREMENTAL_PER_PAGE = 100;

/** Articles changed since `start_time`, oldest first, a page at a time, with `end_time` for the next call. */
function incrementalArticles(context: RequestContext) {
	const raw = context.query.get('start_time');
	if (raw === null || !/^\d+$/.test(raw)) return invalidValue('start_time is required and must be an integer Unix timestamp');
	const start = Number(raw);
	const plan = context.account.plan;
	const changed = Array.from({ length: plan.articles }, (_, index) => ({ index, stamp: unixSeconds(articleTimes(plan, index).updated) }))
		.filter((entry) => entry.stamp >= start && articleLocales(entry.index).includes(HC_DEFAULT_LOCALE))
		.sort((a, b) => a.stamp - b.stamp || a.index - b.index);
	const page = changed.slice(0, INCREMENTAL_PER_PAGE);
	const last = page[page.length - 1];
	const endTime = last?.stamp ?? start;
	const more = changed.length > INCREMENTAL_PER_PAGE;
	return jsonReply(200, {
		articles: page.map((entry) => presentArticle(context, entry.index, HC_DEFAULT_LOCALE)),
		count: page.length,
		end_time: endTime,
		next_page: more ? linkTo(context, { start_time: String(endTime + (last && page.every((entry) => entry.stamp === endTime) ? 1 : 0)) }) : null,
		end_of_stream: !more
	});
}

function listLocales() {
	return jsonReply(200, { locales: [...HC_LOCALES], default_locale: HC_DEFAULT_LOCALE });
}

const hc = (handler: RouteSpec['handler'], list = false): RouteSpec => ({ handler, access: 'public', counter: 'help-center', list });

const localized: Record<string, RouteSpec> = {
	'categories': hc(listCategories, true),
	'categories/:id': hc(showOne('categories')),
	'categories/:category_id/sections': hc(listSections, true),
	'categories/:category_id/articles': hc(listArticles, true),
	'sections': hc(listSections, true),
	'sections/:id': hc(showOne('sections')),
	'sections/:section_id/articles': hc(listArticles, true),
	'articles': hc(listArticles, true),
	'articles/:id': hc(showArticle),
	'articles/:id/attachments': hc(listArticleAttachments(() => true), true),
	'articles/:id/attachments/inline': hc(listArticleAttachments((attachment) => attachment.inline), true),
	'articles/:id/attachments/block': hc(listArticleAttachments((attachment) => !attachment.inline), true)
};

export const helpCenterRoutes: Record<string, RouteSpec> = {
	...Object.fromEntries(Object.entries(localized).flatMap(([path, spec]) => [[`/api/v2/help_center/${path}`, spec], [`/api/v2/help_center/:locale/${path}`, spec]])),
	'/api/v2/help_center/articles/:id/translations': hc(translations, true),
	'/api/v2/help_center/incremental/articles': hc(incrementalArticles, true),
	'/api/v2/help_center/locales': hc(listLocales)
};
