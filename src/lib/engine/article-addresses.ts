// Recognises a link to a Help Center article by what it names (the source host and the article id), not by its exact text.

/** What a link to an article says: its host (empty when the link is relative), the article id and the fragment (`#…` or ''). */
export interface ArticleLink {
	host: string;
	articleId: string;
	fragment: string;
}

/** `/hc/en-us/articles/123-Some-title/`: the id is the segment after `articles/` up to the slug's dash; nothing may follow. */
const ARTICLE_PATH = /\/articles\/([^/?#-]+)(?:-[^/?#]*)?\/?$/;
/** Relative addresses are resolved against this stand-in, so `../articles/12` and `/hc/de/articles/12` read alike. */
const RELATIVE_BASE = 'https://relative.invalid/';

/**
 * Reads `href` as a link to an article: an http(s) address or a relative path ending in `/articles/<id>`, with or
 * without locale, slug, query or fragment. Anything else (mail, other pages, attachments) answers undefined.
 */
export function articleLinkOf(href: string): ArticleLink | undefined {
	const text = href.trim();
	if (!text || text.startsWith('#')) return undefined;
	const relative = !/^[a-z][a-z0-9+.-]*:/i.test(text) && !text.startsWith('//');
	let url: URL;
	try {
		url = new URL(text, RELATIVE_BASE);
	} catch {
		return undefined;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
	const match = ARTICLE_PATH.exec(url.pathname);
	if (!match) return undefined;
	// The fragment as written: the URL parser would re-encode it.
	const hashAt = text.indexOf('#');
	return { host: relative ? '' : url.host.toLowerCase(), articleId: match[1]!, fragment: hashAt >= 0 && hashAt < text.length - 1 ? text.slice(hashAt) : '' };
}

/**
 * The migrated articles a link may lead to, each filed under what its source address names. A link matches an
 * article when it names the article's id and either is relative or points at the host the article lived on.
 */
export class ArticleAddresses<T> {
	readonly #byHostAndId = new Map<string, T>();
	readonly #byId = new Map<string, T>();

	/** Files `value` under the article at `sourceUrl`; false when that address names no article. */
	add(sourceUrl: string, value: T): boolean {
		const link = articleLinkOf(sourceUrl);
		if (!link?.host) return false;
		this.#byHostAndId.set(`${link.host} ${link.articleId}`, value);
		this.#byId.set(link.articleId, value);
		return true;
	}

	get size(): number {
		return this.#byHostAndId.size;
	}

	/** The article `href` leads to, with the fragment to keep; undefined for other sites and articles not filed here. */
	find(href: string): { value: T; fragment: string } | undefined {
		const link = articleLinkOf(href);
		if (!link) return undefined;
		const value = link.host ? this.#byHostAndId.get(`${link.host} ${link.articleId}`) : this.#byId.get(link.articleId);
		return value === undefined ? undefined : { value, fragment: link.fragment };
	}
}

/** Every `href` value in the HTML, as written (entities left as they are). */
export function hrefsOf(html: string): string[] {
	return [...html.matchAll(/href\s*=\s*(["'])(.*?)\1/gis)].map((match) => match[2]!);
}
