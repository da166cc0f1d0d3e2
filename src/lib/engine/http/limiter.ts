// One queue per helpdesk host or endpoint class: adaptive concurrency (AIMD), Retry-After pauses, pacing from the rate-limit headers, an optional ceiling.
import type { Clock } from './clock';
import { classWindow, refusedBy, type EndpointClass } from './endpoint-class';
import type { HostStats, ThrottleEvent, ThrottleReason } from './host-stats';
import type { RateLimitReading } from './rate-limit-headers';
import { abortable, eitherAborted, untilAborted } from './waiting';

/** The reason a change wakes the waiters: a plain value, so the wake-up builds no DOMException (one per request otherwise). */
const CHANGED = Symbol('limits changed');

export interface HostLimiterOptions {
	host: string;
	clock: Clock;
	/** Default 4. */
	initialConcurrency?: number;
	/** Default 16. */
	maxConcurrency?: number;
	/** A ceiling never exceeded, whatever the helpdesk's headers allow. */
	requestsPerMinute?: number;
	onThrottle?: (event: ThrottleEvent) => void;
	/** The endpoints this limiter queues, when it is not the whole host's: it paces by the class's own header. */
	endpointClass?: EndpointClass;
	/**
	 * The host's limiter, for a class: the configured ceiling counts the host's requests of every class together; for a
	 * class within the account's limit, the host's pauses hold this class too, and it reads the account headers of this class's answers.
	 */
	hostLimiter?: HostLimiter;
}

/** How an attempt went, as far as the server's load is concerned: overload halves the concurrency. */
export type AttemptOutcome = 'success' | 'overloaded' | 'neutral';

export interface Permit {
	/** Gives the slot back; call once when the attempt is over, with what its answer said about the limits. */
	release(outcome: AttemptOutcome, reading?: RateLimitReading): void;
}

interface RateWindow {
	limit?: number;
	remaining: number;
	endsAt: number;
	cost: number;
	/** Attempts started since the answer that told us `remaining`: the server has not counted them for us yet. */
	startedSince: number;
}

// Every helpdesk we know counts per minute; without a reset header we assume a full minute is left, which errs on the slow side.
const DEFAULT_WINDOW_MS = 60_000;
// Below this share of the limit, requests are spread over the rest of the window instead of sent in a burst.
const LOW_REMAINING_SHARE = 0.2;
const LOW_REMAINING_WITHOUT_LIMIT = 10;

export class HostLimiter {
	readonly host: string;
	readonly #clock: Clock;
	readonly #maxConcurrency: number;
	readonly #requestsPerMinute: number | undefined;
	readonly #onThrottle: ((event: ThrottleEvent) => void) | undefined;
	readonly #class: EndpointClass | undefined;
	readonly #account: HostLimiter | undefined;
	/** Whose clock the ceiling's spacing runs on: the host's limiter, shared by its classes. */
	readonly #ceilingOwner: HostLimiter;
	#lastCeilingStartAt = -Infinity;
	#concurrency: number;
	#inFlight = 0;
	#queued = 0;
	#successStreak = 0;
	#started = 0;
	#startedAtLastDecrease = 0;
	#lastStartAt = -Infinity;
	#pausedUntil = -Infinity;
	#pauseReason: ThrottleReason = 'retry-after';
	#window: RateWindow | undefined;
	#lastLimit: number | undefined;
	#announced: ThrottleReason | undefined;
	// Admission is one request at a time, in arrival order: the head of the queue does the waiting.
	#turn: Promise<unknown> = Promise.resolve();
	// Made only when someone waits for a change: most requests finish with nobody waiting.
	#change: AbortController | undefined;
	#counters = { requests: 0, retries: 0, rateLimited: 0, waitedMs: 0, backoffMs: 0 };

	constructor(options: HostLimiterOptions) {
		this.host = options.host;
		this.#clock = options.clock;
		this.#maxConcurrency = Math.max(1, options.maxConcurrency ?? 16);
		this.#concurrency = Math.min(this.#maxConcurrency, Math.max(1, options.initialConcurrency ?? 4));
		this.#requestsPerMinute = options.requestsPerMinute && options.requestsPerMinute > 0 ? options.requestsPerMinute : undefined;
		this.#onThrottle = options.onThrottle;
		this.#class = options.endpointClass;
		this.#account = options.endpointClass?.withinAccountLimit ? options.hostLimiter : undefined;
		this.#ceilingOwner = options.endpointClass && options.hostLimiter ? options.hostLimiter : this;
	}

	/** Waits for a slot and for the host's limits to allow one more request; the caller's signal cancels the wait. */
	async acquire(signal?: AbortSignal): Promise<Permit> {
		this.#queued++;
		const turn = this.#turn.then(() => this.#admit(signal));
		this.#turn = turn.catch(() => undefined);
		try {
			return await abortable(turn, signal, (late) => late.release('neutral'));
		} finally {
			this.#queued--;
		}
	}

	/** Holds every request to this host until `untilMs` (clock time); requests already sent carry on. */
	pause(untilMs: number, reason: 'retry-after' | 'backoff'): void {
		if (untilMs <= this.#pausedUntil) return;
		this.#pausedUntil = untilMs;
		this.#pauseReason = reason;
		this.#onThrottle?.({ host: this.host, waitMs: untilMs - this.#clock.now(), reason, ...this.#limitSaid() });
	}

	/**
	 * A 429 or Retry-After answered to a request of this limiter: it holds this class when the class's own window is
	 * spent, and the whole host (this class included) when the account's is, or when the answer does not say which.
	 */
	pauseAfterRefusal(untilMs: number, reason: 'retry-after' | 'backoff', reading: RateLimitReading | undefined): void {
		const refused = refusedBy(this.#class, reading);
		if (refused.endpoint || !this.#account) this.pause(untilMs, reason);
		if (refused.account) this.#account?.pause(untilMs, reason);
	}

	noteRateLimited(): void {
		this.#counters.rateLimited++;
	}

	noteRetry(backoffMs: number): void {
		this.#counters.retries++;
		this.#counters.backoffMs += backoffMs;
	}

	get concurrency(): number {
		return this.#concurrency;
	}

	stats(): HostStats {
		const window = this.#window;
		const now = this.#clock.now();
		return {
			host: this.host,
			...(this.#class && { endpointClass: this.#class.name }),
			inFlight: this.#inFlight,
			queued: this.#queued,
			concurrency: this.#concurrency,
			maxConcurrency: this.#maxConcurrency,
			...this.#counters,
			...(this.#lastLimit !== undefined && { limit: this.#lastLimit }),
			...(window && { remaining: Math.max(0, window.remaining - window.startedSince * window.cost), resetAt: window.endsAt }),
			...(this.#pausedUntil > now && { pausedUntil: this.#pausedUntil }),
			...(this.#requestsPerMinute !== undefined && { requestsPerMinute: this.#requestsPerMinute })
		};
	}

	#limitSaid(): { limit?: number; endpointClass?: string } {
		return { ...(this.#lastLimit !== undefined && { limit: this.#lastLimit }), ...(this.#class && { endpointClass: this.#class.name }) };
	}

	async #admit(signal: AbortSignal | undefined): Promise<Permit> {
		for (;;) {
			signal?.throwIfAborted();
			if (this.#inFlight >= this.#concurrency) {
				await untilAborted(this.#changeSignal(), signal);
				continue;
			}
			const now = this.#clock.now();
			const { at, reason } = this.#earliestStart(now);
			if (at > now) {
				await this.#hold(at - now, reason, signal);
				continue;
			}
			return this.#start(now);
		}
	}

	#earliestStart(now: number): { at: number; reason: ThrottleReason } {
		let at = this.#pausedUntil;
		let reason = this.#pauseReason;
		// The account's pause holds every class counted against it.
		const account = this.#account;
		if (account && account.#pausedUntil > at) ({ at, reason } = { at: account.#pausedUntil, reason: account.#pauseReason });
		if (this.#requestsPerMinute !== undefined) {
			// Even spacing, not a sliding window: it never bursts and still never exceeds the ceiling in any minute.
			const ceilingAt = this.#ceilingOwner.#lastCeilingStartAt + 60_000 / this.#requestsPerMinute;
			if (ceilingAt > at) ({ at, reason } = { at: ceilingAt, reason: 'ceiling' });
		}
		const pacedAt = this.#pacedStart(now);
		if (pacedAt !== undefined && pacedAt > at) ({ at, reason } = { at: pacedAt, reason: 'rate-limit-headers' });
		return { at, reason };
	}

	/** When the headers say few requests are left, the next one waits its share of the rest of the window. */
	#pacedStart(now: number): number | undefined {
		const window = this.#window;
		if (!window || now >= window.endsAt) return undefined;
		const requestsLeft = Math.floor((window.remaining - window.startedSince * window.cost) / window.cost);
		if (requestsLeft <= 0) return window.endsAt;
		const lowWater = window.limit ? Math.max(1, Math.ceil(window.limit * LOW_REMAINING_SHARE)) : LOW_REMAINING_WITHOUT_LIMIT;
		if (requestsLeft > lowWater) return undefined;
		return this.#lastStartAt + (window.endsAt - now) / requestsLeft;
	}

	async #hold(ms: number, reason: ThrottleReason, signal: AbortSignal | undefined): Promise<void> {
		// Pauses were announced when set; pacing is announced once per stretch of waiting.
		if ((reason === 'rate-limit-headers' || reason === 'ceiling') && this.#announced !== reason) {
			this.#announced = reason;
			this.#onThrottle?.({ host: this.host, waitMs: ms, reason, ...this.#limitSaid() });
		}
		// A fresh answer may lift the pacing early, so a change wakes the sleeper to look again.
		const wake = this.#changeSignal();
		const either = signal ? eitherAborted(wake, signal) : { signal: wake, release: () => {} };
		const before = this.#clock.now();
		try {
			await this.#clock.sleep(ms, either.signal);
		} catch (error) {
			if (signal?.aborted) throw error;
		} finally {
			either.release();
			this.#counters.waitedMs += this.#clock.now() - before;
		}
	}

	#start(now: number): Permit {
		this.#inFlight++;
		this.#counters.requests++;
		this.#lastStartAt = now;
		this.#ceilingOwner.#lastCeilingStartAt = now;
		this.#announced = undefined;
		if (this.#window) this.#window.startedSince++;
		// The account counts this request too: its window must not think it has more left than it has.
		const accountWindow = this.#account ? this.#account.#window : undefined;
		if (accountWindow) accountWindow.startedSince++;
		const sequence = ++this.#started;
		let released = false;
		return {
			release: (outcome, reading) => {
				if (released) return;
				released = true;
				this.#finish(sequence, outcome, reading);
			}
		};
	}

	#finish(sequence: number, outcome: AttemptOutcome, reading: RateLimitReading | undefined): void {
		const busy = this.#inFlight + this.#queued >= this.#concurrency;
		this.#inFlight--;
		if (reading) this.#observe(reading);
		if (outcome === 'success') {
			// Additive increase, one step per round of successes, and only while there is demand for more.
			if (busy) this.#successStreak++;
			if (this.#successStreak >= this.#concurrency && this.#concurrency < this.#maxConcurrency) {
				this.#concurrency++;
				this.#successStreak = 0;
			}
		} else if (outcome === 'overloaded') {
			this.#successStreak = 0;
			// Multiplicative decrease once per burst: requests sent before the last decrease already counted in it.
			if (sequence > this.#startedAtLastDecrease) {
				this.#concurrency = Math.max(1, Math.floor(this.#concurrency / 2));
				this.#startedAtLastDecrease = this.#started;
			}
		}
		const change = this.#change;
		this.#change = undefined;
		change?.abort(CHANGED);
	}

	/** Aborts at the next request's end: the waiters look again. */
	#changeSignal(): AbortSignal {
		this.#change ??= new AbortController();
		return this.#change.signal;
	}

	#observe(reading: RateLimitReading): void {
		if (this.#class?.windowHeader) {
			// A class paces by its own header; the account's headers in the same answer are the host limiter's to read.
			const own = classWindow(this.#class, reading);
			if (this.#account) this.#account.#observe({ ...reading, endpoints: undefined });
			if (!own) return;
			reading = own;
		}
		if (reading.limit !== undefined) this.#lastLimit = reading.limit;
		if (reading.remaining === undefined) return;
		this.#window = {
			limit: reading.limit ?? this.#window?.limit,
			remaining: reading.remaining,
			endsAt: reading.resetAt ?? this.#clock.now() + DEFAULT_WINDOW_MS,
			cost: reading.cost ?? 1,
			startedSince: 0
		};
	}
}
