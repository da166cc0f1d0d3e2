// Zendesk's layered rate limits: the account's per-minute limit, Help Center's own counter, and the tighter endpoint limits.
import { createMinuteWindows, type MinuteWindows, type WindowTicket } from '../../common/rate-window';
import type { Reply } from '../../common/reply';
import { errorsReply, rateLimited } from './errors';

/**
 * Endpoint limits on top of the account limit (Zendesk's documented figures). Autocomplete is the exception: the
 * OpenAPI file documents a 429 of its own ("Too many requests to autocomplete") but no figure, so 100 a minute is our guess.
 */
export const ENDPOINT_LIMITS = { incremental: 10, 'deleted-tickets': 10, 'tickets-index': 100, autocomplete: 100 } as const;
export type EndpointLimit = keyof typeof ENDPOINT_LIMITS;
export type Counter = 'support' | 'help-center';

export interface RateLimits {
	takeAccount(counter: Counter): WindowTicket;
	takeEndpoint(limit: EndpointLimit): WindowTicket;
	setAccountLimit(perMinute: number): void;
	accountLimit(): number;
	clear(): void;
}

export function createRateLimits(perMinute: number, now: () => number): RateLimits {
	const account: MinuteWindows = createMinuteWindows(perMinute, now);
	const endpoints = new Map<EndpointLimit, MinuteWindows>(Object.entries(ENDPOINT_LIMITS).map(([name, limit]) => [name as EndpointLimit, createMinuteWindows(limit, now)]));
	return {
		takeAccount: (counter) => account.take(counter),
		takeEndpoint(limit) {
			const windows = endpoints.get(limit);
			if (!windows) throw new Error(`No endpoint limit named ${limit}.`);
			return windows.take(limit);
		},
		setAccountLimit: (limit) => account.setLimit(limit),
		accountLimit: () => account.limit(),
		clear() {
			account.clear();
			for (const windows of endpoints.values()) windows.clear();
		}
	};
}

export function accountHeaders(ticket: WindowTicket, list: boolean): Record<string, string> {
	return {
		'X-Rate-Limit': String(ticket.limit),
		'X-Rate-Limit-Remaining': String(ticket.remaining),
		...(list && { 'ratelimit-limit': String(ticket.limit), 'ratelimit-remaining': String(ticket.remaining), 'ratelimit-reset': String(ticket.resetSeconds) })
	};
}

/** The header each endpoint limit reports itself in, e.g. `zendesk-ratelimit-tickets-index: total=100; remaining=99; resets=41`; autocomplete documents none. */
export function endpointHeader(limit: EndpointLimit, ticket: WindowTicket): Record<string, string> {
	const names: Record<EndpointLimit, string | undefined> = {
		incremental: 'zendesk-ratelimit-incremental-exports',
		'deleted-tickets': 'zendesk-ratelimit-deleted-tickets',
		'tickets-index': 'zendesk-ratelimit-tickets-index',
		autocomplete: undefined
	};
	const name = names[limit];
	return name ? { [name]: `total=${ticket.limit}; remaining=${ticket.remaining}; resets=${ticket.resetSeconds}` } : {};
}

/** The 429 of an endpoint limit; autocomplete answers in the `errors` envelope its OpenAPI file shows. */
export function endpointRefusal(limit: EndpointLimit, ticket: WindowTicket): Reply {
	if (limit === 'autocomplete') {
		const reply = errorsReply(429, 'TooManyRequests', 'Too many requests to autocomplete');
		return { ...reply, headers: { ...reply.headers, 'Retry-After': String(ticket.resetSeconds) } };
	}
	const what = limit === 'incremental' ? 'incremental export API requests' : limit === 'deleted-tickets' ? 'deleted ticket API requests' : 'ticket index API requests';
	return rateLimited(`Number of allowed ${what} per minute exceeded`, ticket.resetSeconds);
}
