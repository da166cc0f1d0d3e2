// Creating help-center categories, sections and articles with their localized titles and contents.
import type { ArticleRecord, CategoryRecord, FileRecord, SectionRecord } from '../records';
import { addLocaleStrings, nextId, tagId, type AccountState } from '../state';

type Localized = readonly { locale: string; translation: string }[];

export function createCategory(state: AccountState, input: { titles: Localized; descriptions?: Localized; brand_id?: number; legacy_id?: string | null }, now: number): CategoryRecord {
	const id = nextId(state, 'categories');
	const category: CategoryRecord = {
		id,
		legacy_id: input.legacy_id ?? null,
		brand_id: input.brand_id ?? 1,
		title_ids: addLocaleStrings(state, input.titles, now),
		description_ids: addLocaleStrings(state, input.descriptions ?? [], now),
		display_order: state.categories.size + 1,
		created_at: now,
		updated_at: now
	};
	state.categories.set(id, category);
	return category;
}

export function createSection(
	state: AccountState,
	input: { category_id: number; titles: Localized; descriptions?: Localized; legacy_id?: string | null; visibility?: SectionRecord['visibility']; article_order_by?: SectionRecord['article_order_by'] },
	now: number
): SectionRecord {
	const id = nextId(state, 'sections');
	const section: SectionRecord = {
		id,
		legacy_id: input.legacy_id ?? null,
		category_id: input.category_id,
		title_ids: addLocaleStrings(state, input.titles, now),
		description_ids: addLocaleStrings(state, input.descriptions ?? [], now),
		visibility: input.visibility ?? 'PUBLIC',
		article_order_by: input.article_order_by ?? 'LATEST',
		display_order: state.sections.size + 1,
		created_at: now,
		updated_at: now
	};
	state.sections.set(id, section);
	return section;
}

export interface NewArticle {
	section_id: number;
	titles: Localized;
	contents: Localized;
	author_id: number;
	creator_id: number;
	legacy_id?: string | null;
	status?: ArticleRecord['status'];
	keywords?: string;
	tags?: readonly string[];
	is_featured?: boolean;
	allow_comments?: boolean;
	files?: readonly FileRecord[];
}

export function createArticle(state: AccountState, input: NewArticle, now: number): ArticleRecord {
	const id = nextId(state, 'articles');
	const article: ArticleRecord = {
		id,
		legacy_id: input.legacy_id ?? null,
		section_id: input.section_id,
		title_ids: addLocaleStrings(state, input.titles, now),
		content_ids: addLocaleStrings(state, input.contents, now),
		author_id: input.author_id,
		creator_id: input.creator_id,
		status: input.status ?? 'DRAFT',
		keywords: input.keywords ?? '',
		tags: [...(input.tags ?? [])],
		is_featured: input.is_featured ?? false,
		allow_comments: input.allow_comments ?? true,
		attachment_ids: [],
		created_at: now,
		updated_at: now
	};
	state.articles.set(id, article);
	for (const name of article.tags) tagId(state, name);
	for (const file of input.files ?? []) {
		const attachmentId = nextId(state, 'attachments');
		state.attachments.set(attachmentId, {
			id: attachmentId,
			path: `articles/${id}/attachments/${attachmentId}`,
			name: file.name,
			size: file.size,
			type: file.content_type,
			// Bytes are never written to, so the attachment shares the uploaded file's buffer instead of copying megabytes.
			bytes: file.bytes,
			created_at: now
		});
		article.attachment_ids.push(attachmentId);
	}
	return article;
}
