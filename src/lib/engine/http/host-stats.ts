// What one host's (or endpoint class's) limiter reports to the UI: the rate limit in force and what it cost us.

export type ThrottleReason = 'retry-after' | 'rate-limit-headers' | 'backoff' | 'ceiling';

export interface ThrottleEvent {
	host: string;
	/** The endpoint class held back (e.g. `incremental-exports`); absent for the host's other requests. */
	endpointClass?: string;
	waitMs: number;
	/** `ceiling` is the configured requests-per-minute cap; the others come from the helpdesk. */
	reason: ThrottleReason;
	/** The helpdesk's limit per window, as its last answer said. */
	limit?: number;
}

export interface HostStats {
	host: string;
	/** The endpoint class this limiter queues (e.g. `incremental-exports`); absent for the host's other requests. */
	endpointClass?: string;
	/** Requests on the wire now. */
	inFlight: number;
	/** Requests waiting for their turn. */
	queued: number;
	/** How many requests may be on the wire at once, as adapted so far. */
	concurrency: number;
	maxConcurrency: number;
	/** Attempts sent, retries included. */
	requests: number;
	retries: number;
	/** 429 answers received. */
	rateLimited: number;
	/** Time the host's queue was held back by Retry-After, the rate-limit headers or the ceiling. */
	waitedMs: number;
	/** Time single requests slept before a retry (summed over requests, so it may exceed the run's duration). */
	backoffMs: number;
	/** The helpdesk's limit per window, as its last answer said. */
	limit?: number;
	/** Requests left in the window, as its last answer said. */
	remaining?: number;
	/** When the helpdesk's window resets (clock time). */
	resetAt?: number;
	/** Nothing is sent to this host before this time (clock time). */
	pausedUntil?: number;
	/** The configured ceiling. */
	requestsPerMinute?: number;
}
