// The Help Center: categories, (nested) sections, articles with HTML bodies, translations and article attachments.
import { DAY_MS, ID, userId, type AccountPlan } from '../plan';
import { attachmentToken } from './attachments';
import { between, labelCode, mix, unit } from './hash';
import { escapeHtml, seededFaker } from './language';
import { isoSeconds } from './time';

export const HC_LOCALES = ['en-us', 'de', 'fr', 'ja'] as const;
export const HC_DEFAULT_LOCALE = 'en-us';

export interface CategoryRecord {
	id: number;
	name: string;
	description: string;
	locale: string;
	source_locale: string;
	position: number;
	outdated: boolean;
	created_at: string;
	updated_at: string;
}

export interface SectionRecord extends CategoryRecord {
	category_id: number;
	parent_section_id: number | null;
	sorting: string;
	theme_template: string;
}

const CATEGORY_NAMES = ['Getting started', 'Billing & invoices', 'Troubleshooting — Fehlerbehebung'];
const SECTIONS: readonly [category: number, name: string, parent?: number][] = [
	[0, 'First steps'],
	[0, 'Accounts & sign-in'],
	[1, 'Invoices'],
	[1, 'Payment methods'],
	[2, 'Known issues'],
	[2, 'Mobile apps', 4],
	[2, 'よくある質問']
];

export function categories(plan: AccountPlan): CategoryRecord[] {
	return CATEGORY_NAMES.map((name, index) => ({
		id: ID.category + index,
		name,
		description: `Everything about ${name.toLowerCase()}.`,
		locale: HC_DEFAULT_LOCALE,
		source_locale: HC_DEFAULT_LOCALE,
		position: index,
		outdated: false,
		created_at: isoSeconds(plan.historyStart + index * DAY_MS),
		updated_at: isoSeconds(plan.historyStart + (index + 30) * DAY_MS)
	}));
}

export function sections(plan: AccountPlan): SectionRecord[] {
	return SECTIONS.map(([category, name, parent], index) => ({
		id: ID.section + index,
		name,
		description: '',
		locale: HC_DEFAULT_LOCALE,
		source_locale: HC_DEFAULT_LOCALE,
		position: index,
		outdated: false,
		category_id: ID.category + category,
		parent_section_id: parent === undefined ? null : ID.section + parent,
		sorting: 'manual',
		theme_template: 'section_page',
		created_at: isoSeconds(plan.historyStart + (index + 3) * DAY_MS),
		updated_at: isoSeconds(plan.historyStart + (index + 40) * DAY_MS)
	}));
}

export interface ArticleAttachmentRecord {
	id: number;
	article_id: number;
	token: string;
	file_name: string;
	content_type: string;
	size: number;
	inline: boolean;
	locale: string;
	created_at: string;
	updated_at: string;
}

export function articleAttachments(plan: AccountPlan, index: number): ArticleAttachmentRecord[] {
	const times = articleTimes(plan, index);
	const make = (slot: number, fileName: string, contentType: string, inline: boolean): ArticleAttachmentRecord => {
		const id = ID.articleAttachment + index * 10 + slot;
		return { id, article_id: ID.article + index, token: attachmentToken(plan.seed, id), file_name: fileName, content_type: contentType, size: between(plan.seed, 'article-attachment-size', 0, 600_000, id), inline, locale: HC_DEFAULT_LOCALE, created_at: isoSeconds(times.created), updated_at: isoSeconds(times.created) };
	};
	const attachments: ArticleAttachmentRecord[] = [];
	if (index % 2 === 0) attachments.push(make(0, 'diagram.png', 'image/png', true));
	if (index % 3 === 0) attachments.push(make(1, index % 2 === 0 ? 'Handbuch – Übersicht.pdf' : 'guide.pdf', 'application/pdf', false));
	return attachments;
}

export function articleAttachmentUrl(baseUrl: string, attachment: Pick<ArticleAttachmentRecord, 'id' | 'file_name'>): string {
	return `${baseUrl}/hc/article_attachments/${attachment.id}/${encodeURIComponent(attachment.file_name)}`;
}

export function articleTimes(plan: AccountPlan, index: number): { created: number; updated: number } {
	const span = plan.historyEnd - plan.historyStart;
	const created = plan.historyStart + 60 * DAY_MS + Math.floor((index / Math.max(1, plan.articles)) * (span - 90 * DAY_MS));
	return { created, updated: Math.min(plan.historyEnd - 3_600_000, created + between(plan.seed, 'article-updated', 0, 200, index) * DAY_MS) };
}

/** Locales an article is translated into: the source locale always, others by pattern. */
export function articleLocales(index: number): string[] {
	return HC_LOCALES.filter((locale, position) => position === 0 || (locale === 'de' && index % 2 === 0) || (locale === 'fr' && index % 3 === 0) || (locale === 'ja' && index % 5 === 0));
}

export interface ArticleRecord {
	id: number;
	title: string;
	body: string;
	locale: string;
	source_locale: string;
	author_id: number;
	section_id: number;
	position: number;
	promoted: boolean;
	draft: boolean;
	outdated: boolean;
	outdated_locales: string[];
	comments_disabled: boolean;
	label_names: string[];
	content_tag_ids: string[];
	permission_group_id: number;
	user_segment_id: number | null;
	user_segment_ids: number[];
	vote_sum: number;
	vote_count: number;
	created_at: string;
	updated_at: string;
	edited_at: string;
}

const SLUGS = ['Getting-started', 'Reset-your-password', 'Rechnungen-%C3%BCbersicht', 'FAQ'];

/**
 * A link to article `id` in one of the forms real bodies hold, chosen by `variant`: the address as Zendesk reports it,
 * with a title slug, relative with an anchor, in another locale with a query, or relative without locale.
 */
export function articleLink(baseUrl: string, locale: string, id: number, variant: number): string {
	const slug = SLUGS[variant % SLUGS.length];
	switch (variant % 5) {
		case 0:
			return `${baseUrl}/hc/${locale}/articles/${id}`;
		case 1:
			return `${baseUrl}/hc/${locale}/articles/${id}-${slug}`;
		case 2:
			return `/hc/${locale}/articles/${id}#section-${variant % 3}`;
		case 3:
			return `${baseUrl}/hc/${locale === 'de' ? 'fr' : 'de'}/articles/${id}-${slug}?source=search`;
		default:
			return `/hc/articles/${id}-${slug}`;
	}
}

const TITLE_PREFIX: Record<string, string> = { 'en-us': '', de: '[DE] ', fr: '[FR] ', ja: '[JA] ' };

export function generateArticle(plan: AccountPlan, index: number, locale: string, baseUrl: string): ArticleRecord {
	const faker = seededFaker(locale === 'de' ? 'de' : locale === 'fr' ? 'fr' : locale === 'ja' ? 'ja' : 'en', mix(plan.seed, labelCode('article'), index));
	const times = articleTimes(plan, index);
	const topic = faker.commerce.productName();
	const linked = [1, 2].map((step) => ID.article + ((index + step * 7) % plan.articles));
	const attachments = articleAttachments(plan, index);
	const image = attachments.find((attachment) => attachment.inline);
	const document = attachments.find((attachment) => !attachment.inline);
	const body = [
		`<h2>${escapeHtml(topic)}</h2>`,
		`<p>${escapeHtml(faker.lorem.paragraph())}</p>`,
		`<table><thead><tr><th>Plan</th><th>Limit</th></tr></thead><tbody><tr><td>Team</td><td>200</td></tr><tr><td>Enterprise</td><td>700</td></tr></tbody></table>`,
		image ? `<p><img src="${articleAttachmentUrl(baseUrl, image)}" alt="${escapeHtml(image.file_name)}"></p>` : '',
		`<p>Related: ${linked.map((id, step) => `<a href="${articleLink(baseUrl, locale, id, index + step)}">article ${id}</a>`).join(', ')}.</p>`,
		// Every fourth article still links to one that was deleted since, and to a page outside the Help Center.
		index % 4 === 1 ? `<p>See also <a href="${baseUrl}/hc/${locale}/articles/${ID.article + plan.articles + index}-Archived">an archived article</a> and <a href="https://status.example.com/articles/${ID.article}">the status page</a>.</p>` : '',
		document ? `<p><a href="${articleAttachmentUrl(baseUrl, document)}">${escapeHtml(document.file_name)}</a></p>` : ''
	].join('');
	return {
		id: ID.article + index,
		title: `${TITLE_PREFIX[locale] ?? ''}${topic} — ${faker.hacker.phrase().slice(0, 60)}`,
		body,
		locale,
		source_locale: HC_DEFAULT_LOCALE,
		author_id: userId(index % 3 === 0 ? 0 : 1),
		section_id: ID.section + (index % SECTIONS.length),
		position: index,
		promoted: index % 13 === 0,
		draft: index % 11 === 10,
		outdated: false,
		outdated_locales: [],
		comments_disabled: index % 4 === 0,
		label_names: unit(plan.seed, 'article-label', index) < 0.5 ? ['faq'] : [],
		content_tag_ids: [],
		permission_group_id: 1_000 + (index % 2),
		user_segment_id: index % 9 === 0 ? 2_000 : null,
		user_segment_ids: index % 9 === 0 ? [2_000] : [],
		vote_sum: between(plan.seed, 'votes', -3, 40, index),
		vote_count: between(plan.seed, 'vote-count', 0, 60, index),
		created_at: isoSeconds(times.created),
		updated_at: isoSeconds(times.updated),
		edited_at: isoSeconds(times.updated)
	};
}
