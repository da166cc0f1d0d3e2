// The comments of a generated ticket: public replies and private notes, plain and rich HTML (tables, images, links), with files and inline images.
import { ID, auditId, commentId, userId, type AccountPlan } from '../plan';
import { attachmentContentUrl } from './urls';
import { fileAttachment, inlineImage, type AttachmentRecord } from './attachments';
import { between, unit } from './hash';
import { escapeHtml, languageOf, sentencesIn, type Language } from './language';
import { generateUser } from './people';
import { realComment, realUser } from './real-profile';
import { commentTime, type TicketShape } from './ticket-shape';
import { isoSeconds } from './time';

export interface CommentRecord {
	id: number;
	type: 'Comment';
	author_id: number;
	body: string;
	html_body: string;
	plain_body: string;
	public: boolean;
	audit_id: number;
	created_at: string;
	via: { channel: string; source: { from: Record<string, unknown>; to: Record<string, unknown>; rel: string | null } };
	metadata: { system: Record<string, unknown>; custom: Record<string, unknown>; decoration?: Record<string, unknown> };
	/** Files listed on the comment. */
	files: AttachmentRecord[];
	/** Images pasted into the body: listed only with include_inline_images=true. */
	inlineImages: AttachmentRecord[];
}

export function ticketLanguage(plan: AccountPlan, ticketId: number): Language {
	return languageOf(plan.seed, 'ticket-language', ticketId);
}

function authorIndex(plan: AccountPlan, shape: TicketShape, position: number): number {
	if (position === 0) return shape.submitterIndex;
	if (position % 2 === 1) return shape.assigneeIndex ?? 1;
	return shape.requesterIndex;
}

function table(language: Language): string {
	const header = language === 'de' ? ['Artikel', 'Menge', 'Preis'] : language === 'fr' ? ['Article', 'Quantité', 'Prix'] : language === 'ja' ? ['商品', '数量', '価格'] : ['Item', 'Qty', 'Price'];
	const rows = [['Widget', '2', '19,99 €'], ['Gadget ✨', '1', '¥1,200']];
	const cells = (row: string[], tag: string) => `<tr>${row.map((cell) => `<${tag}>${escapeHtml(cell)}</${tag}>`).join('')}</tr>`;
	return `<table><thead>${cells(header, 'th')}</thead><tbody>${rows.map((row) => cells(row, 'td')).join('')}</tbody></table>`;
}

export function generateComment(plan: AccountPlan, shape: TicketShape, position: number, baseUrl: string): CommentRecord {
	const comment = tidyComment(plan, shape, position, baseUrl);
	return plan.profile === 'real' ? realComment(plan, shape, position, comment, realUser(plan, shape.requesterIndex, generateUser(plan, shape.requesterIndex))) : comment;
}

function tidyComment(plan: AccountPlan, shape: TicketShape, position: number, baseUrl: string): CommentRecord {
	const s = plan.seed;
	const key = commentId(shape.id, position);
	const language = ticketLanguage(plan, shape.id);
	const author = authorIndex(plan, shape, position);
	const byAgent = author < plan.agents;
	const isPublic = position === 0 ? !(byAgent && unit(s, 'first-private', key) < 0.1) : !(byAgent && unit(s, 'private-note', key) < 0.3);
	const sentences = sentencesIn(language, s, 'comment-text', key, between(s, 'sentences', 1, 4, key));
	const rich = unit(s, 'rich', key) < 0.35;
	const inlineImages = rich && unit(s, 'has-inline', key) < 0.5 ? Array.from({ length: between(s, 'inline-count', 1, 2, key) }, (_, slot) => inlineImage(plan, shape.id, position, slot)) : [];
	const files = unit(s, 'has-files', key) < 0.22 ? Array.from({ length: between(s, 'file-count', 1, 3, key) }, (_, slot) => fileAttachment(plan, shape.id, position, slot)) : [];
	const articleLink = rich && unit(s, 'links-article', key) < 0.4 ? `${baseUrl}/hc/en-us/articles/${ID.article + between(s, 'linked-article', 0, plan.articles - 1, key)}` : undefined;

	const plainParts = [...sentences];
	const htmlParts = sentences.map((sentence) => `<p>${escapeHtml(sentence)}</p>`);
	const markdownParts = [...sentences];
	if (rich && unit(s, 'has-table', key) < 0.6) {
		htmlParts.push(table(language));
		plainParts.push('Item Qty Price');
		markdownParts.push('| Item | Qty | Price |');
	}
	for (const image of inlineImages) {
		const src = attachmentContentUrl(baseUrl, image);
		htmlParts.push(`<p><img src="${escapeHtml(src)}" alt="${escapeHtml(image.file_name)}" width="${image.width ?? 0}" height="${image.height ?? 0}"></p>`);
		markdownParts.push(`![${image.file_name}](${src})`);
	}
	if (articleLink) {
		htmlParts.push(`<p>See <a href="${articleLink}" rel="noreferrer">this article</a>.</p>`);
		plainParts.push(`See this article (${articleLink}).`);
		markdownParts.push(`See [this article](${articleLink}).`);
	}
	const channel = position === 0 && !byAgent ? (unit(s, 'channel', shape.id) < 0.7 ? 'email' : 'web') : 'web';
	return {
		id: key,
		type: 'Comment',
		author_id: userId(author),
		body: markdownParts.join('\n\n'),
		html_body: `<div class="zd-comment" dir="auto">${htmlParts.join('')}</div>`,
		plain_body: plainParts.join('\n\n'),
		public: isPublic,
		audit_id: auditId(shape.id, position),
		created_at: isoSeconds(commentTime(shape, position)),
		via: { channel, source: { from: channel === 'email' ? { address: 'customer@example.org', name: 'Customer' } : {}, to: channel === 'email' ? { address: 'support@zendesk-sandbox.test', name: 'Acme Support' } : {}, rel: null } },
		metadata: { system: { client: 'Mozilla/5.0 (X11; Linux x86_64)', ip_address: `192.0.2.${key % 250}`, location: 'Berlin, BE, Germany', latitude: 52.52, longitude: 13.4 }, custom: {} },
		files,
		inlineImages
	};
}
