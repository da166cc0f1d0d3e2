// Building the posts of an imported case: contents with inline images handled, MAIL for public and NOTE for private, original author and time.
import type { Comment } from '../../../model';
import type { UploadedFile } from './files';
import { rewriteInlineImages } from './inline-images';
import { kayakoTimestamp } from './field-values';
import { formatWhen, type Words } from '../../../words';
import { en } from '../../../words/en';

export interface PostAuthor {
	/** The Kayako user the post is filed under, when the source author was migrated. */
	creatorId?: number;
	/** Shown in the byline when the post cannot carry its real author or date. */
	name: string;
}

export interface BuiltPost {
	contents: string;
	fileIds: number[];
	/** Inline images shown in the text that are attached as well: Kayako keeps an uploaded file only when a post carries it. */
	inlineAttached: number;
}

/**
 * The report's words for inline images that are attachments too. Kayako's API takes a file only as an attachment
 * (`attachment_file_ids`); an upload no post carries expires after three hours, and the image in the text with it.
 */
export function inlineAttachedNote(count: number): string | undefined {
	if (count === 0) return undefined;
	const images = count === 1 ? '1 inline image is' : `${count} inline images are`;
	return `${images} shown in the text and also listed as attachments of their posts: Kayako keeps an uploaded file only when a post carries it as an attachment. Each file was uploaded once.`;
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** "Originally by Ann Lee (ann@example.com) on 1 March 2024 at 10:00 UTC", in the migration's language, for posts that cannot keep their author or date. */
export function byline(words: Words, name: string, createdAt: string, timeZone?: string): string {
	return words.originallyBy(name, formatWhen(words, createdAt, timeZone));
}

/**
 * A comment's body for Kayako: HTML (or escaped plain text), inline images rewritten or swapped for a note,
 * and every uploaded file attached (inline images too: an uploaded file nobody attaches expires).
 */
export function buildPost(comment: Comment, files: readonly UploadedFile[], inlineImages: 'rewrite' | 'attach', firstLine?: string, words: Words = en): BuiltPost {
	const inline = files.filter((file) => file.attachment.inline);
	const source = comment.html.trim() ? comment.html : comment.plain.trim() ? `<p>${escapeHtml(comment.plain).replace(/\n/g, '<br>')}</p>` : '';
	const { html, used } = rewriteInlineImages(source, inline, inlineImages);
	let contents = html.trim() ? html : `<p>${escapeHtml(files.length > 0 ? words.attachmentsOnly : words.emptyMessage)}</p>`;
	if (firstLine) contents = `<p><em>${escapeHtml(firstLine)}</em></p>\n${contents}`;
	const inlineAttached = inlineImages === 'rewrite' ? used.filter((file) => file.url).length : 0;
	return { contents, fileIds: files.map((file) => file.id), inlineAttached };
}

/** Public comments are filed as messages (MAIL) and private ones as notes; events are always notes. */
export function channelOf(comment: Comment, mailChannelId: number | undefined): { channel: 'MAIL' | 'NOTE'; channel_id?: number } {
	if (comment.public && !comment.event && mailChannelId !== undefined) return { channel: 'MAIL', channel_id: mailChannelId };
	return { channel: 'NOTE' };
}

/** One entry of a bulk case's `posts[]` (or the case's own first-post fields). */
export function bulkPost(comment: Comment, built: BuiltPost, author: PostAuthor, mailChannelId: number | undefined): Record<string, unknown> {
	return {
		contents: built.contents,
		...channelOf(comment, mailChannelId),
		channel_options: { html: true },
		...(author.creatorId !== undefined && { creator_id: author.creatorId }),
		created_at: kayakoTimestamp(comment.createdAt),
		...(built.fileIds.length > 0 && { attachment_file_ids: built.fileIds.join(',') })
	};
}
