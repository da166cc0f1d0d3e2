// File downloads: ticket attachments by token and Help Center article attachments, streamed from the seed.
import { attachmentIdFromToken } from '../generator/attachments';
import { fileChunks } from '../generator/bytes';
import { articleAttachments } from '../generator/help-center';
import { htmlPage } from '../../common/reply';
import type { RequestContext, RouteSpec } from '../http/context';
import type { ZendeskReply } from '../http/reply';
import { ID } from '../plan';

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

function ticketAttachment(context: RequestContext): ZendeskReply {
	const seed = context.account.plan.seed;
	const id = attachmentIdFromToken(seed, context.params.token ?? '');
	const attachment = id === undefined ? undefined : context.account.tickets.attachment(id);
	return attachment ? fileReply(seed, attachment) : notFoundPage();
}

function articleAttachment(context: RequestContext): ZendeskReply {
	const id = Number(context.params.id);
	const index = Math.floor((id - ID.articleAttachment) / 10);
	const attachment = Number.isInteger(index) && index >= 0 && index < context.account.plan.articles ? articleAttachments(context.account.plan, index).find((candidate) => candidate.id === id) : undefined;
	return attachment ? fileReply(context.account.plan.seed, attachment) : notFoundPage();
}

/** Download links carry their own token, so they need no credentials (Zendesk's default without "secure downloads"). */
export const downloadRoutes: Record<string, RouteSpec> = {
	'/attachments/token/:token': { handler: ticketAttachment, access: 'public', counter: 'support' },
	'/hc/article_attachments/:id/:name': { handler: articleAttachment, access: 'public', counter: 'help-center' }
};

export const DOWNLOAD_PATTERNS = new Set(Object.keys(downloadRoutes));
