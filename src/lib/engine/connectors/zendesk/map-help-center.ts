// Maps Help Center categories, sections and articles into the canonical knowledge-base records.
import type { Article, Attachment, KbCategory, KbSection } from '../../model';
import { idOf, textOf } from './map-values';
import type { ZendeskArticle, ZendeskCategory, ZendeskSection } from './types';

export function mapCategory(category: ZendeskCategory): KbCategory {
	const description = textOf(category.description);
	return {
		id: String(category.id),
		title: category.name,
		...(description !== undefined && { description }),
		locale: category.locale,
		...(typeof category.position === 'number' && { position: category.position })
	};
}

export function mapSection(section: ZendeskSection): KbSection {
	return { ...mapCategory(section), categoryId: String(section.category_id) };
}

/** `attachments` come from the article's own attachment list, read separately. */
export function mapArticle(article: ZendeskArticle, attachments: Attachment[]): Article {
	const authorId = idOf(article.author_id);
	const url = textOf(article.html_url);
	return {
		id: String(article.id),
		sectionId: String(article.section_id),
		title: article.title,
		html: article.body ?? '',
		...(authorId !== undefined && { authorId }),
		draft: article.draft === true,
		locale: article.locale,
		tags: article.label_names ?? [],
		attachments,
		...(article.created_at && { createdAt: article.created_at }),
		...(article.updated_at && { updatedAt: article.updated_at }),
		...(url !== undefined && { url }),
		...(typeof article.position === 'number' && { position: article.position })
	};
}
