// Records as the API returns them: self `url`s and download links on the sandbox's own base URL.
import type { AttachmentRecord } from './generator/attachments';
import type { CommentRecord } from './generator/comments';
import type { TicketRecord } from './generator/tickets';
import { apiUrl, attachmentContentUrl, photoContentUrl } from './generator/urls';

export function presentAttachment(baseUrl: string, attachment: AttachmentRecord): Record<string, unknown> {
	const contentUrl = attachmentContentUrl(baseUrl, attachment);
	return {
		url: apiUrl(baseUrl, `attachments/${attachment.id}`),
		id: attachment.id,
		file_name: attachment.file_name,
		content_url: contentUrl,
		mapped_content_url: contentUrl,
		content_type: attachment.content_type,
		size: attachment.size,
		...(attachment.width !== undefined && { width: attachment.width, height: attachment.height }),
		inline: attachment.inline,
		deleted: false,
		malware_access_override: false,
		malware_scan_result: 'malware_not_found',
		thumbnails: attachment.thumbnail ? [thumbnailOf(baseUrl, attachment)] : []
	};
}

/** A thumbnail as Zendesk lists it under its image: its own id and name, a small size; its link is the image's. */
function thumbnailOf(baseUrl: string, attachment: AttachmentRecord): Record<string, unknown> {
	const contentUrl = attachmentContentUrl(baseUrl, attachment);
	const id = attachment.id + 500_000_000_000_000;
	const fileName = attachment.file_name.replace(/(\.[^.]*)?$/, '_thumb$1');
	return { url: apiUrl(baseUrl, `attachments/${id}`), id, file_name: fileName, content_url: contentUrl, mapped_content_url: contentUrl, content_type: attachment.content_type, size: Math.min(attachment.size, 4096), width: 80, height: 58, inline: false, deleted: false, malware_access_override: false, malware_scan_result: 'malware_not_found' };
}

/** Inline images are part of the list only when asked for (`include_inline_images=true`), after the files. */
export function presentComment(baseUrl: string, comment: CommentRecord, includeInlineImages: boolean): Record<string, unknown> {
	const { files, inlineImages, ...rest } = comment;
	const attachments = includeInlineImages ? [...files, ...inlineImages] : files;
	return { ...rest, attachments: attachments.map((attachment) => presentAttachment(baseUrl, attachment)) };
}

export function presentTicket(baseUrl: string, ticket: TicketRecord, deleted = false): Record<string, unknown> {
	return {
		url: apiUrl(baseUrl, `tickets/${ticket.id}`),
		...ticket,
		// Zendesk returns the custom field values twice, as `custom_fields` and `fields`.
		fields: ticket.custom_fields,
		...(deleted && { status: 'deleted' })
	};
}

export function withUrl<T extends { id: number }>(baseUrl: string, collection: string, record: T): T & { url: string } {
	const presented = { url: apiUrl(baseUrl, `${collection}/${record.id}`), ...record };
	return collection === 'users' ? (withPhoto(baseUrl, presented as { photo?: unknown }) as T & { url: string }) : presented;
}

/** A user's `photo` links to the account's own host, like Zendesk's `/system/photos/…` (which redirects to the file host). */
function withPhoto<T extends { photo?: unknown }>(baseUrl: string, user: T): T {
	const photo = user.photo as { id: number; file_name: string } | null | undefined;
	if (!photo) return user;
	const contentUrl = photoContentUrl(baseUrl, photo);
	return { ...user, photo: { ...photo, url: apiUrl(baseUrl, `attachments/${photo.id}`), content_url: contentUrl, mapped_content_url: contentUrl } };
}
