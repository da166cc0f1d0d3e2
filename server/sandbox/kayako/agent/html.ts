// The sandbox's read-only agent pages: an escaping `html` template, the page frame with its banner, a strict CSP, and
// migrated HTML made inert (sanitize-html) before it is shown.
import { createHash } from 'node:crypto';
import sanitizeHtml from 'sanitize-html';
import type { Reply } from '../../common/reply';

/** Markup that is already safe: only `html` and `sanitizedBody` make these. */
export class Html {
	constructor(readonly text: string) {}
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

export function escapeHtml(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function render(part: Part): string {
	if (part instanceof Html) return part.text;
	if (Array.isArray(part)) return part.map(render).join('');
	if (part === null || part === undefined || part === false || part === true) return '';
	return escapeHtml(String(part));
}

/** A template whose every interpolation is escaped, except markup made by `html` itself; lists are joined. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
	let text = strings[0] ?? '';
	values.forEach((value, index) => {
		text += render(value) + (strings[index + 1] ?? '');
	});
	return new Html(text);
}

const BODY_OPTIONS: sanitizeHtml.IOptions = {
	allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'span', 'u', 's', 'del', 'ins', 'sub', 'sup'],
	allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title', 'width', 'height'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
	allowedSchemes: ['http', 'https', 'mailto', 'tel'],
	allowedSchemesByTag: { img: ['data'] },
	allowProtocolRelative: false,
	transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }) }
};

/** A post's or an article's contents as Kayako would show them: HTML without scripts, handlers or frames; plain text kept as typed. */
export function sanitizedBody(contents: string): Html {
	if (/<[a-z!/][^>]*>/i.test(contents)) return html`<div class="body">${new Html(sanitizeHtml(contents, BODY_OPTIONS))}</div>`;
	return html`<div class="body plain">${contents}</div>`;
}

const STYLE = [
	'body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2430;background:#f6f7f9}',
	'main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem 3rem}',
	'.banner{background:#3b2f8f;color:#fff;padding:.6rem 1.5rem;font-weight:600}',
	'.banner a{color:#fff}',
	'nav{padding:.4rem 1.5rem;background:#e8e9f3}',
	'nav a{margin-right:1rem}',
	'dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}',
	'dt{font-weight:600}',
	'dd{margin:0}',
	'.post{background:#fff;border:1px solid #d5d8de;border-radius:6px;padding:.6rem 1rem;margin:.8rem 0}',
	'.post.note{background:#fff8dc;border-color:#e6cf73}',
	'.post header{color:#4a5262;font-size:.9rem}',
	'.body{overflow-wrap:anywhere}',
	'.body.plain{white-space:pre-wrap}',
	'.tag{display:inline-block;background:#e8e9f3;border-radius:3px;padding:0 .4rem;margin:0 .3rem .3rem 0}',
	'.trash{background:#fde8e8;border:1px solid #d88;padding:.5rem 1rem}',
	'table{border-collapse:collapse}',
	'td,th{border:1px solid #d5d8de;padding:.2rem .6rem;text-align:left}'
].join('\n');

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** Nothing runs, nothing loads from elsewhere, no frame may hold it; forms post only back to the sandbox. */
export const AGENT_PAGE_POLICY = [
	"default-src 'none'",
	`style-src 'sha256-${STYLE_HASH}'`,
	"img-src 'self' data:",
	"form-action 'self'",
	"base-uri 'none'",
	"frame-ancestors 'none'"
].join('; ');

const PAGE_HEADERS = {
	'Content-Type': 'text/html; charset=UTF-8',
	'Content-Security-Policy': AGENT_PAGE_POLICY,
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'Cache-Control': 'no-store'
};

export const BANNER_TEXT = 'Sandbox Kayako — a read-only stand-in for your Kayako';

/** `home` is the account's address on the sandbox, e.g. `/acme`; every page links back to its agent and admin start. */
export function page(status: number, home: string, title: string, content: Html): Reply {
	const text = html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Sandbox Kayako</title><style>${new Html(STYLE)}</style></head>
<body>
<div class="banner" role="note">${BANNER_TEXT}. It shows what the migration sent; a real Kayako shows the same records in its own agent area.</div>
<nav aria-label="Sandbox Kayako"><a href="${home}/agent">Conversations</a><a href="${home}/agent/knowledgebase">Knowledge base</a><a href="${home}/admin">Admin</a></nav>
<main>
${content}
</main>
</body>
</html>
`.text;
	return { status, headers: { ...PAGE_HEADERS }, body: { text } };
}

/** A record the account does not hold: the page says which, and the likely reasons. */
export function missingPage(home: string, what: string): Reply {
	return page(
		404,
		home,
		`No ${what}`,
		html`<h1>No ${what} here</h1><p>This sandbox account holds no ${what}. A rollback may have deleted it, or the sandbox started afresh: <code>npm start</code> begins with the seeded account each time, so links from an earlier start lead nowhere.</p>`
	);
}

export function formatTime(ms: number): string {
	return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export function timeTag(ms: number): Html {
	return html`<time datetime="${new Date(ms).toISOString()}">${formatTime(ms)}</time>`;
}

export function tagList(tags: readonly string[]): Html {
	if (tags.length === 0) return html`<p>No tags.</p>`;
	return html`<p>${tags.map((tag) => html`<span class="tag">${tag}</span>`)}</p>`;
}
