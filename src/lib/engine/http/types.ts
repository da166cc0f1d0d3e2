// The shapes callers of the HTTP layer use: a request, a response, the client's options.
import type { Clock } from './clock';
import type { EndpointClass } from './endpoint-class';
import type { ThrottleEvent } from './host-stats';
import type { SearchParams } from './request-url';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRequest {
	method: HttpMethod;
	/** The helpdesk's own URL; the client puts the proxy in front. */
	url: string;
	headers?: Record<string, string>;
	searchParams?: SearchParams;
	json?: unknown;
	body?: BodyInit;
	/** Per attempt; default the client's `timeoutMs`. */
	timeoutMs?: number;
	/** May the request be sent twice without harm? Default: true for GET, PUT and DELETE, false for POST. */
	idempotent?: boolean;
	signal?: AbortSignal;
	/** For a download: the size the helpdesk declared for the file. Exactly this many bytes is whole; fewer, without a Content-Length, is a cut download. */
	expectedBytes?: number;
	/**
	 * The API answers JSON to every request of this kind (an established Kayako session): a success status with a web
	 * page or text in its place was spoiled on the way (a gateway's page), so it counts as a garbled answer: a safe
	 * request is read again, and a create ends as `unknown-outcome`, never as "not the helpdesk".
	 */
	jsonAnswer?: boolean;
	/** Endpoints the helpdesk limits on their own (Zendesk's incremental exports): they queue in a limiter of their own. */
	endpointClass?: EndpointClass;
}

export interface HttpResponse<T = unknown> {
	status: number;
	headers: Headers;
	/** Parsed JSON when the content type is JSON (null when empty), else the text. */
	body: T;
	/** The helpdesk's URL (not the proxy's). */
	url: string;
}

/** What a helpdesk's error body says, read by the connector that knows its format. */
export interface DescribedError {
	code?: string;
	message?: string;
	parameter?: string;
}

export interface HttpClientOptions {
	/** Our CORS proxy (server/proxy): `<proxy>/<full target URL>`; empty or absent means direct requests. */
	proxyUrl?: string;
	fetch?: typeof fetch;
	/** Per attempt, default 30000. */
	timeoutMs?: number;
	/** Retries after the first attempt, default 5. */
	maxRetries?: number;
	/** A longer Retry-After is not waited out but reported (kind `rate-limited`), default 10 minutes. */
	maxRetryAfterMs?: number;
	/** First backoff step, default 1000 ms; it doubles per retry up to `maxBackoffMs` (default 60000). */
	baseBackoffMs?: number;
	maxBackoffMs?: number;
	clock?: Clock;
	/** For the jitter; default Math.random. */
	random?: () => number;
	/** A per-host ceiling, never exceeded whatever the helpdesk allows. */
	requestsPerMinute?: number;
	/** Per host; default 4 at the start, at most 16. */
	initialConcurrency?: number;
	maxConcurrency?: number;
	describeError?: (response: HttpResponse) => DescribedError | undefined;
	/** Is the computer online? Default: `navigator.onLine` where there is one. While it is not, failed requests wait for the network. */
	online?: () => boolean;
	onThrottle?: (event: ThrottleEvent) => void;
}
