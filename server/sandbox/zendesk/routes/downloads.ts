// File downloads: ticket attachments and user photos (a 302 from the account's host to a signed URL on the file host, as
// Zendesk's `*.zdusercontent.com`) and Help Center article attachments, streamed from the seed.
import { attachmentIdFromToken } from '../generator/attachments';
import { signedAttachmentUrl, signedPhotoUrl, signatureOf } from '../generator/urls';
import { photoUserIndex } from '../generator/real-profile';
import { fileChunks } from '../generator/bytes';
import { articleAttachments } from '../generator/help-center';
import { htmlPage } from '../../common/reply';
import type { RequestContext, RouteSpec } from '../http/context';
import type { ZendeskReply } from '../http/reply';
import { ID, userCount } from '../plan';

function fileReply(seed: number, file: { id: number; file_name: string; content_type: string; size: number }): ZendeskReply {
	return {
		status: 200,
		headers: {
			'Content-Type': file.content_type,
			'Content-Disposition': `attachment; filename="${file.file_name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
			'Cache-Control': 'private, max-age=0'
		},
		stream: { length: file.size, chunks: () => fileChunks(seed, file.id, file.content_type, file.size) }
	};
}

function notFoundPage(): ZendeskReply {
	return htmlPage(404, 'Page not found', 'The page you were looking for does not exist.');
}

/** How long a signed file URL is good for, like Zendesk's short-lived `zdusercontent` links. */
export const SIGNED_URL_SECONDS = 3600;

function ticketAttachmentOf(context: RequestContext) {
	const id = attachmentIdFromToken(context.account.plan.seed, context.params.token ?? '');
	return id === undefined ? undefined : context.account.tickets.attachment(id);
}

/** The account's host answers a download with 302 to the file host; without a file host (not listening) it serves the bytes itself. */
function ticketAttachment(context: RequestContext): ZendeskReply {
	const attachment = ticketAttachmentOf(context);
	if (!attachment) return notFoundPage();
	if (!context.filesUrl) return fileReply(context.account.plan.seed, attachment);
	const expires = Math.floor(context.account.clock.now() / 1000) + SIGNED_URL_SECONDS;
	const location = signedAttachmentUrl(context.filesUrl, context.account.plan.seed, attachment, expires);
	return { status: 302, headers: { Location: location, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }, body: { text: `<html><body>You are being <a href="${location}">redirected</a>.</body></html>` } };
}

/** The file host: bytes only for a URL whose signature is right and not expired. */
function signedAttachment(context: RequestContext): ZendeskReply {
	const attachment = ticketAttachmentOf(context);
	const expires = Number(context.query.get('expires'));
	if (!attachment || context.query.get('signature') !== signatureOf(context.account.plan.seed, attachment.id, expires)) return { status: 403, headers: { 'Content-Type': 'text/plain' }, body: { text: 'Forbidden: the link is not signed.' } };
	if (expires * 1000 < context.account.clock.now()) return { status: 403, headers: { 'Content-Type': 'text/plain' }, body: { text: 'Forbidden: the link has expired.' } };
	return fileReply(context.account.plan.seed, attachment);
}

/** The photo a `/system/photos/:id/:name` path names: a user of the account whose photo has that id. */
function photoOf(context: RequestContext) {
	const id = Number(context.params.id);
	const index = photoUserIndex(id);
	if (index === undefined || index >= userCount(context.account.plan)) return undefined;
	const photo = context.account.user(index).photo;
	return photo && photo.id === id ? photo : undefined;
}

function photoRedirect(context: RequestContext): ZendeskReply {
	const photo = photoOf(context);
	if (!photo) return notFoundPage();
	if (!context.filesUrl) return fileReply(context.account.plan.seed, photo);
	const location = signedPhotoUrl(context.filesUrl, context.account.plan.seed, photo, Math.floor(context.account.clock.now() / 1000) + SIGNED_URL_SECONDS);
	return { status: 302, headers: { Location: location, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }, body: { text: `<html><body>You are being <a href="${location}">redirected</a>.</body></html>` } };
}

function signedPhoto(context: RequestContext): ZendeskReply {
	const photo = photoOf(context);
	const expires = Number(context.query.get('expires'));
	if (!photo || context.query.get('signature') !== signatureOf(context.account.plan.seed, photo.id, expires)) return { status: 403, headers: { 'Content-Type': 'text/plain' }, body: { text: 'Forbidden: the link is not signed.' } };
	if (expires * 1000 < context.account.clock.now()) return { status: 403, headers: { 'Content-Type': 'text/plain' }, body: { text: 'Forbidden: the link has expired.' } };
	return fileReply(context.account.plan.seed, photo);
}

function articleAttachment(context: RequestContext): ZendeskReply {
	const id = Number(context.params.id);
	const index = Math.floor((id - ID.articleAttachment) / 10);
	const attachment = Number.isInteger(index) && index >= 0 && index < context.account.plan.articles ? articleAttachments(context.account.plan, index).find((candidate) => candidate.id === id) : undefined;
	return attachment ? fileReply(context.account.plan.seed, attachment) : notFoundPage();
}

/** Download links carry their own token, so they need no credentials (Zendesk's default without "secure downloads"). */
export const downloadRoutes: Record<string, RouteSpec> = {
	// No faults here: a fault on `/attachments/token/*` strikes the file host's hop, where the bytes are.
	'/attachments/token/:token': { handler: ticketAttachment, access: 'public', counter: 'support', faultFree: true },
	'/system/photos/:id/:name': { handler: photoRedirect, access: 'public', counter: 'support', faultFree: true },
	'/hc/article_attachments/:id/:name': { handler: articleAttachment, access: 'public', counter: 'help-center' }
};

export const DOWNLOAD_PATTERNS = new Set(Object.keys(downloadRoutes));

/** The file host's one route: the same path as the account's, signed, so a fault rule for `/attachments/token/*` meets the bytes. */
export const fileHostRoutes: Record<string, RouteSpec> = {
	'/attachments/token/:token': { handler: signedAttachment, access: 'public', counter: 'support' },
	'/system/photos/:id/:name': { handler: signedPhoto, access: 'public', counter: 'support' }
};
