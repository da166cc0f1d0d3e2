// The engine's HTTP client: ky underneath, a limiter per host and endpoint class, and an explicit retry policy that never sends a create twice blindly.
import ky, { type KyInstance } from 'ky';
import { attempt, type AttemptResult, type PreparedRequest } from './attempt';
import { systemClock, type Clock } from './clock';
import type { EndpointClass } from './endpoint-class';
import { cancelledError, type RequestContext } from './error-messages';
import type { HostStats, ThrottleEvent } from './host-stats';
import { HostLimiter, type Permit } from './limiter';
import { proxiedUrl, proxyDisplay, proxyPrefix, targetHost } from './proxy';
import { safeUrl, withSearchParams } from './request-url';
import { decide, type RetryPolicy } from './retry';
import type { HttpClientOptions, HttpRequest, HttpResponse } from './types';

const DEFAULT_TIMEOUT_MS = 30_000;
/** How often a request that failed offline looks whether the network is back. */
const OFFLINE_POLL_MS = 1_000;
const platformOnline = () => globalThis.navigator?.onLine !== false;

export class HttpClient {
	readonly #options: HttpClientOptions;
	readonly #proxyUrl: string | undefined;
	readonly #proxyBase: string | undefined;
	readonly #clock: Clock;
	readonly #policy: RetryPolicy;
	readonly #ky: KyInstance;
	readonly #fetch: typeof fetch;
	readonly #limiters = new Map<string, HostLimiter>();

	constructor(options: HttpClientOptions = {}) {
		this.#options = options;
		this.#proxyUrl = options.proxyUrl?.trim() || undefined;
		// A wrong proxy address is the user's input: say so now, not at the first request.
		this.#proxyBase = this.#proxyUrl ? proxyPrefix(this.#proxyUrl) : undefined;
		this.#clock = options.clock ?? systemClock;
		this.#policy = {
			maxRetries: Math.max(0, options.maxRetries ?? 5),
			maxRetryAfterMs: options.maxRetryAfterMs ?? 600_000,
			baseBackoffMs: options.baseBackoffMs ?? 1_000,
			maxBackoffMs: options.maxBackoffMs ?? 60_000,
			random: options.random ?? Math.random
		};
		const fetchImpl = options.fetch;
		// Looked up per call, and called unbound, so neither a later stub nor a browser's "Illegal invocation" gets in the way.
		this.#fetch = (input, init) => (fetchImpl ? fetchImpl(input, init) : globalThis.fetch(input, init));
		this.#ky = ky.create({ retry: 0, throwHttpErrors: false, timeout: false, fetch: this.#fetch });
	}

	/** Resolves with the parsed answer for 2xx (and 3xx fetch did not follow); anything else throws a MigrationError. */
	async send<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>> {
		const response = await this.#run(request, (prepared, context) => attempt(prepared, 'parse', context, this.#tools()));
		return response as HttpResponse<T>;
	}

	/**
	 * A file's bytes, read inside the retry loop: a download cut off mid-way (fewer bytes than its Content-Length,
	 * or than `expectedBytes`) is fetched again like any other failed GET.
	 */
	download(request: HttpRequest): Promise<Blob> {
		return this.#run(request, (prepared, context) => attempt(prepared, 'blob', context, this.#tools()));
	}

	/** Like `send`, but hands back the Response with its body unread, for streaming; a cut stream is the caller's to handle. */
	sendRaw(request: HttpRequest): Promise<Response> {
		return this.#run(request, (prepared, context) => attempt(prepared, 'raw', context, this.#tools()));
	}

	/** Per helpdesk host, and per endpoint class as `<host> <class>`: the rate limit in force and what waiting for it cost. */
	stats(): Record<string, HostStats> {
		return Object.fromEntries([...this.#limiters].map(([host, limiter]) => [host, limiter.stats()]));
	}

	async #run<T>(request: HttpRequest, send: (prepared: PreparedRequest, context: RequestContext) => Promise<AttemptResult<T>>): Promise<T> {
		const prepared = this.#prepare(request);
		const limiter = this.#limiter(prepared.host, request.endpointClass);
		const base = {
			method: request.method,
			host: prepared.host,
			url: safeUrl(prepared.targetUrl),
			timeoutMs: prepared.timeoutMs,
			...(this.#proxyUrl && { proxy: proxyDisplay(this.#proxyUrl) })
		};
		for (let retries = 0; ; retries++) {
			const context: RequestContext = { ...base, attempts: retries + 1 };
			const permit = await this.#waitForTurn(limiter, request.signal, context);
			let result: AttemptResult<T>;
			try {
				result = await send(prepared, context);
			} catch (error) {
				permit.release('neutral');
				throw error;
			}
			permit.release(result.load, result.type === 'final' ? undefined : result.reading);
			if (result.type === 'answer') return result.value;
			if (result.type === 'final') throw result.error;

			const { trouble } = result;
			// Offline: a request that may be sent again waits for the network, however long, and the wait counts as no retry.
			// A create whose connection was lost on the way is not resent blindly: it ends as unknown-outcome like any other.
			if (trouble.offline && decide(trouble, { idempotent: prepared.idempotent, replayable: prepared.replayable, retriesSoFar: 0 }, this.#policy).retry) {
				await this.#untilOnline(request.signal, context);
				retries -= 1;
				continue;
			}
			if (trouble.kind === 'rate-limited') limiter.noteRateLimited();
			const decision = decide(trouble, { idempotent: prepared.idempotent, replayable: prepared.replayable, retriesSoFar: retries }, this.#policy);
			if (!decision.retry) throw result.error(decision.kind);
			// A 429 or a Retry-After speaks for the whole host, or for the endpoint class whose own limit it was; other troubles only delay this request.
			if (trouble.kind === 'rate-limited' || decision.reason === 'retry-after') {
				limiter.noteRetry(0);
				limiter.pauseAfterRefusal(this.#clock.now() + decision.delayMs, decision.reason, result.reading);
			} else {
				limiter.noteRetry(decision.delayMs);
				this.#options.onThrottle?.({ host: prepared.host, waitMs: decision.delayMs, reason: 'backoff' });
				await this.#sleep(decision.delayMs, request.signal, context);
			}
		}
	}

	#prepare(request: HttpRequest): PreparedRequest {
		const host = targetHost(request.url);
		const targetUrl = withSearchParams(request.url, request.searchParams);
		const fetchUrl = proxiedUrl(this.#proxyUrl, targetUrl);
		const proxyBase = this.#proxyBase;
		return {
			request,
			targetUrl,
			fetchUrl,
			...(proxyBase !== undefined && { proxyBase }),
			host,
			idempotent: request.idempotent ?? request.method !== 'POST',
			replayable: !(typeof ReadableStream !== 'undefined' && request.body instanceof ReadableStream),
			timeoutMs: request.timeoutMs ?? this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS
		};
	}

	async #waitForTurn(limiter: HostLimiter, signal: AbortSignal | undefined, context: RequestContext): Promise<Permit> {
		if (signal?.aborted) throw cancelledError(context, signal.reason);
		try {
			return await limiter.acquire(signal);
		} catch (error) {
			if (signal?.aborted) throw cancelledError(context, error);
			throw error;
		}
	}

	/** Returns once the platform says the network is back (at once when it never said it was gone). */
	async #untilOnline(signal: AbortSignal | undefined, context: RequestContext): Promise<void> {
		const online = this.#options.online ?? platformOnline;
		while (!online()) await this.#sleep(OFFLINE_POLL_MS, signal, context);
	}

	async #sleep(ms: number, signal: AbortSignal | undefined, context: RequestContext): Promise<void> {
		try {
			await this.#clock.sleep(ms, signal);
		} catch (error) {
			if (signal?.aborted) throw cancelledError(context, error);
			throw error;
		}
	}

	#limiter(host: string, endpointClass?: EndpointClass): HostLimiter {
		const key = endpointClass ? `${host} ${endpointClass.name}` : host;
		let limiter = this.#limiters.get(key);
		if (!limiter) {
			const onThrottle = this.#options.onThrottle;
			const initialConcurrency = endpointClass?.initialConcurrency ?? this.#options.initialConcurrency;
			const maxConcurrency = endpointClass?.maxConcurrency ?? this.#options.maxConcurrency;
			limiter = new HostLimiter({
				host,
				clock: this.#clock,
				...(initialConcurrency !== undefined && { initialConcurrency }),
				...(maxConcurrency !== undefined && { maxConcurrency }),
				...(this.#options.requestsPerMinute !== undefined && { requestsPerMinute: this.#options.requestsPerMinute }),
				...(onThrottle && { onThrottle: (event: ThrottleEvent) => onThrottle(event) }),
				...(endpointClass && { endpointClass, hostLimiter: this.#limiter(host) })
			});
			this.#limiters.set(key, limiter);
		}
		return limiter;
	}

	#tools() {
		return { ky: this.#ky, fetch: this.#fetch, clock: this.#clock, online: this.#options.online ?? platformOnline, ...(this.#options.describeError && { describeError: this.#options.describeError }) };
	}
}

