// The sandbox's agent view of one help-centre article (title, where it sits, author, status, body, attachments, tags)
// and the knowledge base's list of articles by category and section.
import type { Reply } from '../../common/reply';
import type { AccountState } from '../state';
import { html, missingPage, page, sanitizedBody, tagList, timeTag } from './html';
import { attachmentList, userLink, type PageContext } from './parts';

function firstText(state: AccountState, ids: readonly number[]): string {
	return ids.map((id) => state.localeStrings.get(id)?.translation ?? '').find((text) => text !== '') ?? '';
}

function sectionPath(state: AccountState, sectionId: number): string {
	const section = state.sections.get(sectionId);
	if (!section) return `section ${sectionId}`;
	const category = state.categories.get(section.category_id);
	return `${category ? firstText(state, category.title_ids) : `category ${section.category_id}`} › ${firstText(state, section.title_ids)}`;
}

export function articlePage(context: PageContext, id: number): Reply {
	const { state } = context;
	const article = state.articles.get(id);
	if (!article) return missingPage(context.home, `article ${id}`);
	const title = firstText(state, article.title_ids) || `Article ${article.id}`;
	// Every locale's contents: a migrated article usually has one, and each is shown as Kayako keeps it.
	const contents = article.content_ids.map((contentId) => state.localeStrings.get(contentId)).filter((entry) => entry !== undefined);
	return page(
		200,
		context.home,
		title,
		html`<h1>${title}</h1>
<p>Article ${article.id}</p>
<dl>
<dt>Section</dt><dd>${sectionPath(state, article.section_id)}</dd>
<dt>Status</dt><dd>${article.status.toLowerCase()}</dd>
<dt>Author</dt><dd>${userLink(context, article.author_id)}</dd>
<dt>Created</dt><dd>${timeTag(article.created_at)}</dd>
<dt>Updated</dt><dd>${timeTag(article.updated_at)}</dd>
<dt>Legacy id</dt><dd>${article.legacy_id ?? '—'}</dd>
</dl>
<section aria-labelledby="contents"><h2 id="contents">Contents</h2>
${contents.length === 0 ? html`<p>No contents.</p>` : contents.map((entry) => html`<article lang="${entry.locale}">${sanitizedBody(entry.translation ?? '')}</article>`)}
</section>
<section aria-labelledby="attachments"><h2 id="attachments">Attachments</h2>${attachmentList(context, article.attachment_ids, 'No attachments.')}</section>
<section aria-labelledby="tags"><h2 id="tags">Tags</h2>${tagList(article.tags)}</section>`
	);
}

export function knowledgeBasePage(context: PageContext): Reply {
	const { state } = context;
	const articles = [...state.articles.values()].sort((a, b) => a.section_id - b.section_id || a.id - b.id);
	return page(
		200,
		context.home,
		'Knowledge base',
		html`<h1>Knowledge base</h1>
${articles.length === 0 ? html`<p>No articles yet.</p>` : html`<ul>${articles.map((article) => html`<li><a href="${context.home}/agent/knowledgebase/article/${article.id}">${firstText(state, article.title_ids) || `Article ${article.id}`}</a> (${sectionPath(state, article.section_id)})</li>`)}</ul>`}`
	);
}
