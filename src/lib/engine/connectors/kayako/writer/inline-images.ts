// Inline images: an `<img src>` that points at one of the record's inline attachments now points at the uploaded copy, or becomes a note that it is attached.
import type { UploadedFile } from './files';

function normalized(url: string): string {
	return url.trim().replace(/&amp;/g, '&').replace(/[?#].*$/, '').replace(/\/+$/, '').toLowerCase();
}

/** Does this `src` refer to the attachment? Same URL (query aside), or a `cid:` reference by file name, as mail bodies have. */
export function srcMatches(src: string, file: UploadedFile): boolean {
	const { url, fileName } = file.attachment;
	if (src.trim().replace(/&amp;/g, '&') === url) return true;
	if (url && normalized(src) === normalized(url)) return true;
	return src.toLowerCase().startsWith('cid:') && fileName !== '' && src.slice(4).toLowerCase().startsWith(fileName.toLowerCase());
}

function escapeAttribute(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

const IMG = /<img\b[^>]*?\bsrc\s*=\s*(["'])(.*?)\1[^>]*>/gis;

/**
 * Rewrites the inline images of `html`. In `rewrite` mode the `src` becomes the uploaded file's URL; in `attach` mode
 * the image is replaced by `[image: name]` and the file is only attached. Returns the files the body referred to.
 */
export function rewriteInlineImages(html: string, files: readonly UploadedFile[], mode: 'rewrite' | 'attach'): { html: string; used: UploadedFile[] } {
	const used = new Set<UploadedFile>();
	const out = html.replace(IMG, (tag: string, quote: string, src: string) => {
		const file = files.find((each) => srcMatches(src, each));
		if (!file) return tag;
		used.add(file);
		if (mode === 'attach' || !file.url) return `[image: ${escapeAttribute(file.attachment.fileName)}]`;
		return tag.replace(`${quote}${src}${quote}`, `${quote}${escapeAttribute(file.url)}${quote}`);
	});
	return { html: out, used: [...used] };
}
