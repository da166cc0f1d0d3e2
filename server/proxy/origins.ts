// Which web pages may use the proxy: the origins in PROXY_ALLOW_ORIGINS (the app's own), judged on each request's Origin.
import type { IncomingHttpHeaders } from 'node:http';

/** The environment variable naming the app's origins, comma separated, e.g. https://migrate.example.org. */
export const ALLOW_ORIGINS_VARIABLE = 'PROXY_ALLOW_ORIGINS';

export type OriginVerdict = { ok: true; origin?: string } | { ok: false; origin: string };

export interface OriginPolicy {
	judge(headers: IncomingHttpHeaders): OriginVerdict;
	entries(): string[];
}

/** "https://migrate.example.org", "http://127.0.0.1:5173" or "*"; nothing after the port. */
export function parseOriginEntry(entry: string): string {
	const text = entry.trim();
	if (text === '*') return text;
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	const bare = url && (url.protocol === 'http:' || url.protocol === 'https:') && url.pathname === '/' && !url.search && !url.hash && !url.username;
	if (!url || !bare || text.replace(/\/$/, '').toLowerCase() !== url.origin.toLowerCase()) {
		throw new Error(`"${entry}" in ${ALLOW_ORIGINS_VARIABLE} is not an origin: write it as the app's address without a path, like https://migrate.example.org or http://127.0.0.1:5173.`);
	}
	return url.origin;
}

export function splitOriginList(value: string | undefined): string[] {
	return (value ?? '')
		.split(/[,\s]+/)
		.map((entry) => entry.trim())
		.filter((entry) => entry.length > 0);
}

/**
 * A browser sends Origin on every cross-origin fetch, and the proxy is always on another origin than
 * the app, so a page's request without Origin is a navigation or an embed (<img>, <a>) from some site:
 * refused when the browser says so with Sec-Fetch-Site. A request with neither header comes from a
 * program (the headless runner, curl), which could reach the helpdesk directly anyway: let through.
 */
export function createOriginPolicy(entries: readonly string[]): OriginPolicy {
	const origins = new Set(entries.map(parseOriginEntry));
	const anyOrigin = origins.has('*');
	return {
		judge(headers) {
			const origin = headers.origin;
			if (origin !== undefined) {
				return anyOrigin || origins.has(origin) ? { ok: true, origin } : { ok: false, origin };
			}
			const site = headers['sec-fetch-site'];
			if (site === undefined || site === 'none') return { ok: true };
			return { ok: false, origin: `a ${site} page` };
		},
		entries: () => [...origins]
	};
}
