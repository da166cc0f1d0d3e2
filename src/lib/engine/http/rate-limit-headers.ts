// Reads the rate-limit headers of every helpdesk we talk to (Kayako, Zendesk, Freshdesk, Help Scout) into one value.

export interface RateLimitReading {
	/** Requests allowed per window. */
	limit?: number;
	/** Requests left in the current window. */
	remaining?: number;
	/** When the window resets, on the same clock as `now` given to `readRateLimit`. */
	resetAt?: number;
	/** How long the server asked us to wait before the next request (Retry-After). */
	retryAfterMs?: number;
	/** What this request cost against the limit (Freshdesk; Help Scout counts writes twice). */
	cost?: number;
	/**
	 * Endpoint limits reported beside the account's, by header name (Zendesk's `zendesk-ratelimit-incremental-exports:
	 * total=10; remaining=9; resets=41`). They are not the account's window: an endpoint class's limiter reads its own.
	 */
	endpoints?: Record<string, EndpointWindow>;
}

/** One endpoint limit's window, as its header said. */
export interface EndpointWindow {
	limit?: number;
	remaining?: number;
	resetAt?: number;
}

// Zendesk names each endpoint limit's header after the endpoint; its value is `total=…; remaining=…; resets=<seconds>`.
const ENDPOINT_HEADER_PREFIX = 'zendesk-ratelimit-';

interface Family {
	limit: readonly string[];
	remaining: readonly string[];
	/** Seconds until the reset, or an epoch time in seconds or milliseconds. */
	reset: readonly string[];
}

// Each helpdesk spells them differently; Zendesk sends two families at once (account-wide and per endpoint).
const families: readonly Family[] = [
	{ limit: ['x-ratelimit-limit', 'x-ratelimit-total'], remaining: ['x-ratelimit-remaining'], reset: ['x-ratelimit-reset'] },
	{ limit: ['x-rate-limit', 'x-rate-limit-limit'], remaining: ['x-rate-limit-remaining'], reset: ['x-rate-limit-reset'] },
	{ limit: ['ratelimit-limit'], remaining: ['ratelimit-remaining'], reset: ['ratelimit-reset'] },
	{ limit: ['x-ratelimit-limit-minute'], remaining: ['x-ratelimit-remaining-minute'], reset: ['x-ratelimit-retry-after'] }
];

/** Reads the headers of one response; `now` is the caller's clock, which need not be the epoch. */
export function readRateLimit(headers: Headers, now: number): RateLimitReading {
	const serverNow = parseHttpDate(headers.get('date'));
	const candidates: RateLimitReading[] = [];
	for (const family of families) {
		const remaining = firstNumber(headers, family.remaining);
		const limit = firstNumber(headers, family.limit);
		if (remaining === undefined && limit === undefined) continue;
		const reset = firstNumber(headers, family.reset);
		candidates.push({ limit, remaining, resetAt: reset === undefined ? undefined : resetTime(reset, now, serverNow) });
	}
	const structured = readStructuredRateLimit(headers.get('ratelimit'), now);
	if (structured) candidates.push(structured);
	// The family with the fewest requests left is the one that will refuse us first.
	const binding = candidates.reduce<RateLimitReading | undefined>(
		(tightest, next) => (!tightest || (next.remaining ?? Infinity) < (tightest.remaining ?? Infinity) ? next : tightest),
		undefined
	);
	const reading: RateLimitReading = { ...binding };
	const retryAfterMs = maxDefined(
		parseRetryAfter(headers.get('retry-after'), now, serverNow),
		secondsToMs(headers.get('x-ratelimit-retry-after'))
	);
	if (retryAfterMs !== undefined) reading.retryAfterMs = retryAfterMs;
	const cost = parseNumber(headers.get('x-ratelimit-used-currentrequest'));
	if (cost !== undefined && cost > 0) reading.cost = cost;
	const endpoints = readEndpointWindows(headers, now);
	if (endpoints) reading.endpoints = endpoints;
	return dropUndefined(reading);
}

/**
 * `Retry-After` is either seconds or an HTTP date. A date is measured against the response's own
 * `Date` header when there is one, so a skewed local clock does not stretch or shorten the wait.
 */
export function parseRetryAfter(value: string | null, now: number, serverNow?: number): number | undefined {
	if (value === null || value.trim() === '') return undefined;
	const seconds = secondsToMs(value);
	if (seconds !== undefined) return seconds;
	const date = parseHttpDate(value);
	if (date === undefined) return undefined;
	return Math.max(0, date - (serverNow ?? now));
}

/** IETF draft `RateLimit: limit=100, remaining=50, reset=30`. */
function readStructuredRateLimit(value: string | null, now: number): RateLimitReading | undefined {
	if (!value) return undefined;
	const fields = new Map<string, number>();
	for (const part of value.split(/[,;]/)) {
		const [name, raw] = part.split('=').map((piece) => piece.trim().toLowerCase());
		const number = parseNumber(raw ?? null);
		if (name && number !== undefined) fields.set(name, number);
	}
	const remaining = fields.get('remaining') ?? fields.get('r');
	if (remaining === undefined) return undefined;
	const reset = fields.get('reset') ?? fields.get('t');
	return { limit: fields.get('limit'), remaining, resetAt: reset === undefined ? undefined : now + reset * 1000 };
}

function readEndpointWindows(headers: Headers, now: number): Record<string, EndpointWindow> | undefined {
	let windows: Record<string, EndpointWindow> | undefined;
	headers.forEach((value, name) => {
		const header = name.toLowerCase();
		if (!header.startsWith(ENDPOINT_HEADER_PREFIX)) return;
		const fields = new Map<string, number>();
		for (const part of value.split(/[,;]/)) {
			const [key, raw] = part.split('=').map((piece) => piece.trim().toLowerCase());
			const number = parseNumber(raw ?? null);
			if (key && number !== undefined) fields.set(key, number);
		}
		const remaining = fields.get('remaining');
		if (remaining === undefined) return;
		const resets = fields.get('resets');
		windows ??= {};
		windows[header] = dropUndefined({ limit: fields.get('total'), remaining, resetAt: resets === undefined ? undefined : now + resets * 1000 });
	});
	return windows;
}

function resetTime(value: number, now: number, serverNow: number | undefined): number {
	// Small numbers are seconds from now; large ones are epoch times (GitHub style), in seconds or milliseconds.
	if (value < 1e9) return now + value * 1000;
	const epochMs = value < 1e12 ? value * 1000 : value;
	return now + Math.max(0, epochMs - (serverNow ?? now));
}

function firstNumber(headers: Headers, names: readonly string[]): number | undefined {
	for (const name of names) {
		const number = parseNumber(headers.get(name));
		if (number !== undefined) return number;
	}
	return undefined;
}

function parseNumber(value: string | null): number | undefined {
	if (value === null) return undefined;
	const text = value.trim();
	if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
	return Number(text);
}

function secondsToMs(value: string | null): number | undefined {
	const seconds = parseNumber(value);
	return seconds === undefined ? undefined : Math.round(seconds * 1000);
}

function parseHttpDate(value: string | null): number | undefined {
	// An HTTP date always names a weekday or month; Date.parse alone would read "-5" as a year.
	if (!value || !/[a-z]{3}/i.test(value)) return undefined;
	const time = Date.parse(value);
	return Number.isNaN(time) ? undefined : time;
}

function maxDefined(a: number | undefined, b: number | undefined): number | undefined {
	if (a === undefined) return b;
	if (b === undefined) return a;
	return Math.max(a, b);
}

function dropUndefined<T extends object>(reading: T): T {
	return Object.fromEntries(Object.entries(reading).filter(([, value]) => value !== undefined)) as T;
}
