// An endpoint class: endpoints of one host that a helpdesk limits on their own (Zendesk's incremental exports, file downloads).
import type { EndpointWindow, RateLimitReading } from './rate-limit-headers';

/**
 * A class gets a limiter of its own beside the host's: its own window, concurrency and pauses, so a 429 on a tight
 * endpoint (10 export pages a minute) holds only that endpoint and not every other request to the host.
 */
export interface EndpointClass {
	/** Names the class in the stats and throttle events, e.g. `incremental-exports`. */
	name: string;
	/** The header that reports this class's own window (`total=10; remaining=9; resets=41`), lower case. */
	windowHeader?: string;
	/**
	 * Requests of this class also count against the host's account-wide limit: the account's pauses hold them too, a
	 * 429 that is not the class's own pauses the whole host, and the account headers of their answers feed the host's limiter.
	 */
	withinAccountLimit: boolean;
	initialConcurrency?: number;
	maxConcurrency?: number;
}

/** The class's own window in an answer's headers, when the class has a header and the answer carried it. */
export function classWindow(endpointClass: EndpointClass | undefined, reading: RateLimitReading | undefined): EndpointWindow | undefined {
	if (!endpointClass?.windowHeader) return undefined;
	return reading?.endpoints?.[endpointClass.windowHeader];
}

/**
 * Whose limit a 429 (or a Retry-After) speaks for. The class's own, when its header says its window is spent; the
 * account's otherwise, and also when the account's headers say none is left. A 429 that names neither is taken as
 * the account's: holding the whole host is the safe side.
 */
export function refusedBy(endpointClass: EndpointClass | undefined, reading: RateLimitReading | undefined): { endpoint: boolean; account: boolean } {
	if (!endpointClass) return { endpoint: false, account: true };
	const own = classWindow(endpointClass, reading);
	const endpointSpent = own?.remaining === 0;
	if (!endpointClass.withinAccountLimit) return { endpoint: true, account: false };
	const accountSpent = reading?.remaining === 0;
	return { endpoint: endpointSpent, account: !endpointSpent || accountSpent };
}
