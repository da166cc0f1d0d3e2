// Zendesk's layered rate limits: the account's per-minute limit, Help Center's own counter, and the tighter endpoint limits.
import { createMinuteWindows, type MinuteWindows, type WindowTicket } from '../../common/rate-window';

/** Endpoint limits on top of the account limit (Zendesk's documented figures). */
export const ENDPOINT_LIMITS = { incremental: 10, 'deleted-tickets': 10, 'tickets-index': 100 } as const;
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

/** The header each endpoint limit reports itself in, e.g. `zendesk-ratelimit-tickets-index: total=100; remaining=99; resets=41`. */
export function endpointHeader(limit: EndpointLimit, ticket: WindowTicket): Record<string, string> {
	const name = limit === 'incremental' ? 'zendesk-ratelimit-incremental-exports' : limit === 'tickets-index' ? 'zendesk-ratelimit-tickets-index' : 'zendesk-ratelimit-deleted-tickets';
	return { [name]: `total=${ticket.limit}; remaining=${ticket.remaining}; resets=${ticket.resetSeconds}` };
}
