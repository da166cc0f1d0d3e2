// The response headers the browser may read through the proxy: rate limits, paging, sessions, and the proxy's own error mark.
export const EXPOSED_HEADERS: readonly string[] = [
	'Retry-After',
	'X-RateLimit-Limit',
	'X-RateLimit-Remaining',
	'X-RateLimit-Reset',
	'X-RateLimit-Total',
	'X-RateLimit-Used-CurrentRequest',
	'X-RateLimit-Limit-Minute',
	'X-RateLimit-Remaining-Minute',
	'X-RateLimit-Retry-After',
	'X-Rate-Limit',
	'X-Rate-Limit-Limit',
	'X-Rate-Limit-Remaining',
	'X-Rate-Limit-Reset',
	'RateLimit',
	'RateLimit-Policy',
	'RateLimit-Limit',
	'RateLimit-Remaining',
	'RateLimit-Reset',
	'Zendesk-RateLimit-Tickets-Index',
	'Zendesk-RateLimit-Search-Index',
	'X-CSRF-Token',
	'Link',
	'Location',
	'Content-Disposition',
	'X-Api-Version',
	'X-Proxy-Error'
];

/**
 * Names, not "*": the wildcard is ignored on credentialed requests and by older browsers. Rate-limit
 * headers vary by helpdesk and plan, so the list is ours plus every header the target actually sent.
 */
export function exposedHeaderList(targetHeaderNames: readonly string[] = []): string {
	const seen = new Set<string>();
	const names: string[] = [];
	for (const name of [...EXPOSED_HEADERS, ...targetHeaderNames]) {
		const key = name.toLowerCase();
		if (seen.has(key) || key.startsWith('access-control-') || key === 'set-cookie' || key === 'set-cookie2') continue;
		seen.add(key);
		names.push(name);
	}
	return names.join(', ');
}
