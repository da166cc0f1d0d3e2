// Help center: categories, sections and articles with localized titles and contents, single and bulk, listed by legacy_ids.
import type { Router } from '../../common/router';
import { isStaff, type Handler, type RequestContext } from '../context';
import { collectionReply, deletedReply, filterByIds, resourceReply } from '../envelope';
import { fieldInvalid, fieldRequired, forbidden, notFound, validationReply, type KayakoError } from '../errors';
import { boolean, existingId, integer, list, localized, text } from '../input';
import { startBulkJob, type BulkKind, type BulkRowEnv } from '../jobs';
import { createArticle, createCategory, createSection } from '../mutate/helpcenter';
import type { ArticleRecord, RoleType, SectionRecord } from '../records';
import { addLocaleStrings, roleTypeOf } from '../state';
import { resolveFiles } from '../validate/files';

type Env = Pick<BulkRowEnv, 'state' | 'now' | 'actorRole'> & { actorId: number };

function titlesOf(body: Record<string, unknown>, name: string, errors: KayakoError[], required: boolean): { locale: string; translation: string }[] | undefined {
	if (body[name] === undefined) {
		if (required) errors.push(fieldRequired(name));
		return undefined;
	}
	const values = localized(body[name]);
	if (!values || values.length === 0) errors.push(fieldInvalid(name, 'must be a non-empty array of {locale, translation}'));
	return values;
}

function prepareCategory(env: Env, body: Record<string, unknown>) {
	const errors: KayakoError[] = [];
	const titles = titlesOf(body, 'titles', errors, true);
	const descriptions = titlesOf(body, 'descriptions', errors, false);
	const brandId = existingId(errors, 'brand_id', body.brand_id, (id) => env.state.brands.has(id));
	return { errors, create: () => titles && createCategory(env.state, { titles, ...(descriptions && { descriptions }), ...(brandId !== undefined && { brand_id: brandId }), legacy_id: text(body.legacy_id) ?? null }, env.now) };
}

const VISIBILITY: readonly SectionRecord['visibility'][] = ['PUBLIC', 'AUTHORIZED', 'AGENTS'];

function prepareSection(env: Env, body: Record<string, unknown>) {
	const errors: KayakoError[] = [];
	const titles = titlesOf(body, 'titles', errors, true);
	const descriptions = titlesOf(body, 'descriptions', errors, false);
	if (body.category_id === undefined) errors.push(fieldRequired('category_id'));
	const categoryId = existingId(errors, 'category_id', body.category_id, (id) => env.state.categories.has(id));
	const visibility = (text(body.visibility)?.toUpperCase() ?? 'PUBLIC') as SectionRecord['visibility'];
	if (!VISIBILITY.includes(visibility)) errors.push(fieldInvalid('visibility', 'must be PUBLIC, AUTHORIZED or AGENTS'));
	const orderBy = text(body.article_order_by)?.toUpperCase() === 'POPULAR' ? 'POPULAR' : 'LATEST';
	return {
		errors,
		create: () => titles && categoryId !== undefined && createSection(env.state, { category_id: categoryId, titles, ...(descriptions && { descriptions }), legacy_id: text(body.legacy_id) ?? null, visibility, article_order_by: orderBy }, env.now)
	};
}

const STATUSES: readonly ArticleRecord['status'][] = ['PUBLISHED', 'DRAFT', 'PENDINGAPPROVAL'];

function prepareArticle(env: Env, body: Record<string, unknown>) {
	const errors: KayakoError[] = [];
	const titles = titlesOf(body, 'titles', errors, true);
	const contents = titlesOf(body, 'contents', errors, true);
	if (body.section_id === undefined) errors.push(fieldRequired('section_id'));
	const sectionId = existingId(errors, 'section_id', body.section_id, (id) => env.state.sections.has(id));
	const authorId =
		existingId(errors, 'author_id', body.author_id, (id) => {
			const user = env.state.users.get(id);
			return user !== undefined && isStaff(roleTypeOf(env.state, user));
		}) ?? env.actorId;
	const status = (text(body.status)?.toUpperCase() ?? 'DRAFT') as ArticleRecord['status'];
	if (!STATUSES.includes(status)) errors.push(fieldInvalid('status', 'must be PUBLISHED, DRAFT or PENDINGAPPROVAL'));
	if (env.actorRole === 'COLLABORATOR' && status !== 'DRAFT') errors.push({ code: 'PERMISSIONS_DENIED', parameter: 'status', message: 'Collaborators can create only DRAFT articles' });
	const files = resolveFiles(env.state, body.attachment_file_ids, env.now, errors);
	return {
		errors,
		create: () =>
			titles &&
			contents &&
			sectionId !== undefined &&
			createArticle(env.state, {
				section_id: sectionId,
				titles,
				contents,
				author_id: authorId,
				creator_id: env.actorId,
				legacy_id: text(body.legacy_id) ?? null,
				status,
				keywords: text(body.keywords) ?? '',
				tags: list(body.tags) ?? [],
				is_featured: boolean(body.is_featured) ?? false,
				allow_comments: boolean(body.allow_comments) ?? true,
				files
			}, env.now)
	};
}

function envOf(context: RequestContext): Env {
	return { state: context.state, now: context.now, actorRole: context.actorRole, actorId: context.actor.id };
}

function canWrite(role: RoleType): boolean {
	return isStaff(role);
}

function createOne(type: string, prepare: (env: Env, body: Record<string, unknown>) => { errors: KayakoError[]; create: () => { id: number } | false | undefined }): Handler {
	return (context) => {
		if (!canWrite(context.actorRole)) return forbidden();
		const prepared = prepare(envOf(context), context.body);
		if (prepared.errors.some((error) => error.code === 'PERMISSIONS_DENIED')) return forbidden(prepared.errors[0]?.message);
		if (prepared.errors.length > 0) return validationReply(prepared.errors);
		const created = prepared.create();
		if (!created) return validationReply(prepared.errors);
		return resourceReply(context, type, created.id, 201);
	};
}

function bulkKind(key: string, prepare: (env: Env, body: Record<string, unknown>) => { errors: KayakoError[]; create: () => unknown }): BulkKind {
	return {
		key,
		prepare(row, env) {
			const prepared = prepare({ ...env, actorId: env.actor.id }, row);
			return { errors: prepared.errors, create: () => void prepared.create() };
		}
	};
}

export const CATEGORY_BULK = bulkKind('categories', prepareCategory);
export const SECTION_BULK = bulkKind('sections', prepareSection);
export const ARTICLE_BULK = bulkKind('articles', prepareArticle);

const updateArticle: Handler = (context) => {
	const article = context.state.articles.get(Number(context.params.id));
	if (!article) return notFound();
	if (!canWrite(context.actorRole)) return forbidden();
	const errors: KayakoError[] = [];
	const titles = titlesOf(context.body, 'titles', errors, false);
	const contents = titlesOf(context.body, 'contents', errors, false);
	const status = text(context.body.status)?.toUpperCase() as ArticleRecord['status'] | undefined;
	if (status !== undefined && !STATUSES.includes(status)) errors.push(fieldInvalid('status', 'must be PUBLISHED, DRAFT or PENDINGAPPROVAL'));
	if (errors.length > 0) return validationReply(errors);
	if (titles) article.title_ids = addLocaleStrings(context.state, titles, context.now);
	if (contents) article.content_ids = addLocaleStrings(context.state, contents, context.now);
	if (status) article.status = status;
	if (context.body.tags !== undefined) article.tags = list(context.body.tags) ?? [];
	article.updated_at = context.now;
	return resourceReply(context, 'article', article.id);
};

export function registerHelpCenterRoutes(router: Router<Handler>): void {
	router
		.add('GET', '/categories', (context) => collectionReply(context, 'category', filterByIds(context.state.categories.values(), context.query).map((entry) => entry.id)))
		.add('POST', '/categories', createOne('category', prepareCategory))
		.add('GET', '/categories/:id', (context) => resourceReply(context, 'category', Number(context.params.id)))
		.add('DELETE', '/categories/:id', (context) => {
			const id = Number(context.params.id);
			if (!context.state.categories.has(id)) return notFound();
			// Deleting a category deletes its sections and their articles, as documented.
			for (const section of [...context.state.sections.values()]) {
				if (section.category_id !== id) continue;
				for (const article of [...context.state.articles.values()]) if (article.section_id === section.id) context.state.articles.delete(article.id);
				context.state.sections.delete(section.id);
			}
			context.state.categories.delete(id);
			return deletedReply();
		})
		.add('POST', '/bulk/categories', (context) => startBulkJob(context, 'categories', CATEGORY_BULK))
		.add('GET', '/sections', (context) => {
			const categoryId = integer(context.query.get('category_id') ?? undefined);
			const sections = filterByIds(context.state.sections.values(), context.query).filter((entry) => categoryId === undefined || entry.category_id === categoryId);
			return collectionReply(context, 'section', sections.map((entry) => entry.id));
		})
		.add('POST', '/sections', createOne('section', prepareSection))
		.add('GET', '/sections/:id', (context) => resourceReply(context, 'section', Number(context.params.id)))
		.add('DELETE', '/sections/:id', (context) => {
			const id = Number(context.params.id);
			if (!context.state.sections.has(id)) return notFound();
			// Undocumented whether a section's articles go with it; like a category's, they do here. Rollback deletes articles first either way.
			for (const article of [...context.state.articles.values()]) if (article.section_id === id) context.state.articles.delete(article.id);
			context.state.sections.delete(id);
			return deletedReply();
		})
		.add('POST', '/bulk/sections', (context) => startBulkJob(context, 'sections', SECTION_BULK))
		.add('GET', '/articles', (context) => {
			const sectionId = integer(context.query.get('section_id') ?? undefined);
			const articles = filterByIds(context.state.articles.values(), context.query).filter((entry) => sectionId === undefined || entry.section_id === sectionId);
			return collectionReply(context, 'article', articles.map((entry) => entry.id));
		})
		.add('POST', '/articles', createOne('article', prepareArticle))
		.add('GET', '/articles/:id', (context) => resourceReply(context, 'article', Number(context.params.id)))
		.add('PUT', '/articles/:id', updateArticle)
		.add('DELETE', '/articles/:id', (context) => {
			if (!context.state.articles.delete(Number(context.params.id))) return notFound();
			return deletedReply();
		})
		.add('POST', '/bulk/articles', (context) => startBulkJob(context, 'articles', ARTICLE_BULK));
}
