// Redirects the proxy follows itself: the browser hides a redirect's Location from the app, and would re-send
// Authorization to wherever it points. Each hop meets the allow-list; credentials stay with the host they were for.
import type { Hop } from './upstream-request';
import { headersAcrossHosts, withoutBodyHeaders } from './request-headers';
import type { ProxyTarget } from './target';

/** Hops after the first request before the proxy gives up; curl's default is 50, browsers' 20, helpdesks use one. */
export const MAX_REDIRECTS = 5;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export type RedirectPlan =
	| { kind: 'none' }
	/** 307/308 keep the method and body, and a streamed body cannot be sent twice: the answer goes back as it is, without Location. */
	| { kind: 'cannot-replay' }
	| { kind: 'follow'; url: URL; method: string; keepBody: boolean; sameOrigin: boolean };

export function planRedirect(status: number, location: string | undefined, current: Hop): RedirectPlan {
	if (!REDIRECTS.has(status) || !location) return { kind: 'none' };
	let url: URL;
	try {
		url = new URL(location, current.target.url);
	} catch {
		return { kind: 'none' };
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'none' };
	url.hash = '';
	const keepsMethod = status === 307 || status === 308;
	if (keepsMethod && current.body) return { kind: 'cannot-replay' };
	// Like fetch: 303 turns anything but HEAD into GET, 301/302 turn a POST into GET.
	const toGet = (status === 303 && current.method !== 'HEAD') || ((status === 301 || status === 302) && current.method === 'POST');
	return { kind: 'follow', url, method: toGet ? 'GET' : current.method, keepBody: !toGet, sameOrigin: url.origin === current.target.url.origin };
}

/** The next hop's method and headers: without body headers after a switch to GET, without credentials on another origin. */
export function nextHop(current: Hop, plan: Extract<RedirectPlan, { kind: 'follow' }>, target: ProxyTarget, addresses: string[]): Hop {
	let headers = plan.keepBody ? current.headers : withoutBodyHeaders(current.headers);
	if (!plan.sameOrigin) headers = headersAcrossHosts(headers);
	return { target, addresses, method: plan.method, headers, body: null };
}
