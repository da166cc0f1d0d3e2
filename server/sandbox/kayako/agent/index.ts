// The sandbox Kayako's read-only agent area at the addresses the migration tool links to (`/<account>/agent/...`), the
// admin page the checklist names, and attachment downloads; all without a sign-in, as it runs on the user's own machine.
import type { IncomingMessage } from 'node:http';
import { parseBody, readBody } from '../../common/body';
import type { Reply } from '../../common/reply';
import type { AccountState } from '../state';
import { adminIndexPage, forbiddenPage, helpCenterSecurityPage, savedRedirect, saveHelpCenterSecurity } from './admin-page';
import { articlePage, knowledgeBasePage } from './article-page';
import { casePage } from './case-page';
import { html, missingPage, page } from './html';
import { caseLine, organizationPage, userPage } from './people-pages';
import type { PageContext } from './parts';

/** The first path segments (after the account) this module answers. */
export const AGENT_AREAS = new Set(['agent', 'admin']);

const HOME_LIMIT = 100;

function homePage(context: PageContext): Reply {
	const cases = [...context.state.cases.values()].sort((a, b) => b.id - a.id);
	const more = cases.length - HOME_LIMIT;
	return page(
		200,
		context.home,
		'Conversations',
		html`<h1>Conversations (${cases.length})</h1>
<p>Newest first. The API this sandbox stands in for lives at <code>${context.home}/api/v1/</code>.</p>
<ul>${cases.slice(0, HOME_LIMIT).map((kase) => html`<li>${caseLine(context, kase)}</li>`)}</ul>
${more > 0 ? html`<p>And ${more} older ones.</p>` : ''}`
	);
}

function attachmentDownload(context: PageContext, id: number): Reply {
	const attachment = context.state.attachments.get(id);
	if (!attachment) return missingPage(context.home, `attachment ${id}`);
	// Always a download, never rendered: an uploaded HTML or SVG file cannot run in the sandbox's origin.
	const ascii = attachment.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
	return {
		status: 200,
		headers: {
			'Content-Type': 'application/octet-stream',
			'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.name)}`,
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'no-store'
		},
		body: { bytes: attachment.bytes }
	};
}

function idOf(segment: string | undefined): number | undefined {
	return segment !== undefined && /^\d{1,15}$/.test(segment) ? Number(segment) : undefined;
}

/** GET pages by path; `path` is what follows the account, e.g. ['agent', 'conversations', '12']. */
function view(context: PageContext, path: readonly string[], url: URL): Reply | undefined {
	const [area, kind, third, fourth] = path;
	const joined = path.join('/');
	if (joined === '' || joined === 'agent' || joined === 'agent/conversations') return homePage(context);
	if (joined === 'admin') return adminIndexPage(context);
	if (joined === 'admin/security/helpcenter') return helpCenterSecurityPage(context, url.searchParams.get('saved') === '1');
	if (joined === 'agent/knowledgebase') return knowledgeBasePage(context);
	if (area !== 'agent') return undefined;
	if (kind === 'knowledgebase' && third === 'article' && path.length === 4) {
		const id = idOf(fourth);
		return id === undefined ? undefined : articlePage(context, id);
	}
	if (path.length !== 3) return undefined;
	const id = idOf(third);
	if (id === undefined) return undefined;
	if (kind === 'conversations') return casePage(context, id);
	if (kind === 'users') return userPage(context, id);
	if (kind === 'organizations') return organizationPage(context, id);
	if (kind === 'attachments') return attachmentDownload(context, id);
	return undefined;
}

function sameOrigin(req: IncomingMessage): boolean {
	const origin = req.headers.origin;
	return origin === undefined || origin === `http://${req.headers.host ?? ''}`;
}

export async function agentReply(state: AccountState, home: string, path: readonly string[], req: IncomingMessage, url: URL): Promise<Reply> {
	const context: PageContext = { state, home };
	const method = (req.method ?? 'GET').toUpperCase();
	if (method === 'POST' && path.join('/') === 'admin/security/helpcenter') {
		if (!sameOrigin(req)) return forbiddenPage(home);
		const read = await readBody(req, 64 * 1024);
		const parsed = read.ok ? parseBody(req.headers['content-type'], read.bytes) : undefined;
		if (!parsed?.ok) return page(400, home, 'Not saved', html`<h1>Not saved</h1><p>The form could not be read. Go back, tick or untick the box and save again.</p>`);
		saveHelpCenterSecurity(context, parsed.body.params);
		return savedRedirect(home);
	}
	if (method !== 'GET' && method !== 'HEAD') {
		const reply = page(405, home, 'Read-only', html`<h1>Read-only</h1><p>The sandbox's agent pages only show records. Changes go through the API at <code>${home}/api/v1/</code>.</p>`);
		reply.headers.Allow = 'GET';
		return reply;
	}
	return view(context, path, url) ?? page(404, home, 'Not found', html`<h1>Not found</h1><p>The sandbox Kayako has no page at this address. It shows conversations, users, organisations and articles at the addresses the migration tool links to, e.g. <a href="${home}/agent/conversations/1">${home}/agent/conversations/1</a>.</p>`);
}
