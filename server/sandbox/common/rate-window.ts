// Fixed one-minute request windows per key (an account, a token): how many requests are left and when the window resets.
export interface WindowTicket {
	allowed: boolean;
	limit: number;
	remaining: number;
	/** Whole seconds until a new window opens; at least 1. */
	resetSeconds: number;
}

export interface MinuteWindows {
	take(key: string): WindowTicket;
	peek(key: string): WindowTicket;
	setLimit(perMinute: number): void;
	limit(): number;
	clear(): void;
}

const MINUTE_MS = 60_000;

export function createMinuteWindows(perMinute: number, now: () => number): MinuteWindows {
	let limit = perMinute;
	const used = new Map<string, { windowStart: number; count: number }>();

	function current(key: string): { windowStart: number; count: number } {
		const windowStart = Math.floor(now() / MINUTE_MS) * MINUTE_MS;
		const entry = used.get(key);
		if (entry && entry.windowStart === windowStart) return entry;
		const fresh = { windowStart, count: 0 };
		used.set(key, fresh);
		return fresh;
	}

	function ticket(entry: { windowStart: number; count: number }, allowed: boolean): WindowTicket {
		const resetSeconds = Math.max(1, Math.ceil((entry.windowStart + MINUTE_MS - now()) / 1000));
		return { allowed, limit, remaining: Math.max(0, limit - entry.count), resetSeconds };
	}

	return {
		take(key) {
			const entry = current(key);
			if (entry.count >= limit) return ticket(entry, false);
			entry.count += 1;
			return ticket(entry, true);
		},
		peek: (key) => ticket(current(key), true),
		setLimit(perMinute) {
			if (!Number.isInteger(perMinute) || perMinute < 1) throw new Error(`A rate limit must be a whole number of requests per minute, at least 1; got ${perMinute}.`);
			limit = perMinute;
		},
		limit: () => limit,
		clear: () => used.clear()
	};
}
