// One attempt of a request: fetch through ky with a timeout, then sort what came back into a response or a trouble.
import type { KyInstance } from 'ky';
import type { ErrorKind, MigrationError } from '../errors';
import { declaredLength, readBlob, readBody, shortOf } from './body';
import type { Clock } from './clock';
import { answerError, cancelledError, failureError, malformedError, proxyAnswerError, shortDownloadError, notTheFileError, truncatedError, type RequestContext } from './error-messages';
import { describeFetchFailure } from './fetch-failure';
import { watchSilence } from './silence-watch';
import type { AttemptOutcome } from './limiter';
import { readRateLimit, type RateLimitReading } from './rate-limit-headers';
import { malformedBodyTrouble, timeoutTrouble, troubleFromFailure, troubleFromProxy, troubleFromStatus, truncatedBodyTrouble, type Trouble } from './retry';
import type { DescribedError, HttpRequest, HttpResponse } from './types';

/** A request made ready once, sent as many times as the policy allows. */
export interface PreparedRequest {
	request: HttpRequest;
	/** The helpdesk's URL with the query parameters. */
	targetUrl: string;
	/** What is fetched: the target, or the proxy followed by the target. */
	fetchUrl: string;
	/** The proxy's prefix of `fetchUrl`, when there is a proxy. */
	proxyBase?: string;
	host: string;
	idempotent: boolean;
	replayable: boolean;
	timeoutMs: number;
}

export type AttemptResult<T> =
	| { type: 'answer'; value: T; load: AttemptOutcome; reading: RateLimitReading }
	| { type: 'trouble'; trouble: Trouble; load: AttemptOutcome; reading?: RateLimitReading; error: (kind: ErrorKind) => MigrationError }
	| { type: 'final'; error: MigrationError; load: AttemptOutcome };

export interface AttemptTools {
	ky: KyInstance;
	/** The fetch under ky: a request with a body of its own is handed to it directly. */
	fetch: typeof fetch;
	clock: Clock;
	describeError?: (response: HttpResponse) => DescribedError | undefined;
	/** Is the computer online (`navigator.onLine`)? Asked before sending and after a failure. */
	online: () => boolean;
}

/**
 * `parse` reads the body into an HttpResponse; `blob` reads the whole body as bytes (a download) and checks it is
 * as long as declared; `raw` hands back the Response unread, with the caller's signal still able to cancel the stream.
 * A body read inside the attempt is read again by the next attempt when it is cut off.
 */
export async function attempt(prepared: PreparedRequest, mode: 'parse', context: RequestContext, tools: AttemptTools): Promise<AttemptResult<HttpResponse>>;
export async function attempt(prepared: PreparedRequest, mode: 'blob', context: RequestContext, tools: AttemptTools): Promise<AttemptResult<Blob>>;
export async function attempt(prepared: PreparedRequest, mode: 'raw', context: RequestContext, tools: AttemptTools): Promise<AttemptResult<Response>>;
export async function attempt(
	prepared: PreparedRequest,
	mode: 'parse' | 'blob' | 'raw',
	context: RequestContext,
	tools: AttemptTools
): Promise<AttemptResult<HttpResponse | Blob | Response>> {
	const { request } = prepared;
	const controller = new AbortController();
	const caller = request.signal;
	const onCallerAbort = (): void => controller.abort(caller?.reason);
	caller?.addEventListener('abort', onCallerAbort, { once: true });
	let timedOut = false;
	// Heard again by a download at every piece of its body: a large file may take long, a stalled one may not.
	const silence = watchSilence(tools.clock, prepared.timeoutMs, () => {
		timedOut = true;
		controller.abort(new DOMException(`No answer within ${prepared.timeoutMs} ms`, 'TimeoutError'));
	});
	const onlineBefore = tools.online();
	let keepCallerLink = false;
	try {
		let response: Response;
		try {
			const { body } = request;
			response = await tools.ky(prepared.fetchUrl, {
				method: request.method,
				headers: request.headers,
				json: request.json,
				// ky clones its Request before each fetch, for retries we keep off: a body given to ky is streamed through a
				// tee that copies every piece for a clone nobody reads. So ky builds the request without it, and fetch gets it as it is.
				...(body != null && { fetch: (input: Request | URL | string, init?: RequestInit) => tools.fetch(withBody(input, body), init) }),
				signal: controller.signal
			});
		} catch (error) {
			return thrown(error, caller?.aborted === true, timedOut, prepared, context, { before: onlineBefore, after: tools.online() });
		}
		const reading = readRateLimit(response.headers, tools.clock.now());
		if (response.status < 400) {
			if (mode === 'raw') {
				keepCallerLink = true;
				return { type: 'answer', value: response, load: 'success', reading };
			}
			if (mode === 'blob') return await blobAnswer(response, reading, { timedOut: () => timedOut, progress: silence.heard }, prepared, context);
			return await parsedAnswer(response, reading, () => timedOut, prepared, context);
		}
		return await errorAnswer(response, reading, prepared, context, tools);
	} finally {
		silence.stop();
		if (!keepCallerLink) caller?.removeEventListener('abort', onCallerAbort);
	}
}

/** ky's request (method, headers, signal) with the body it never saw; fetch sets the body's own Content-Type (a form's boundary). */
function withBody(input: Request | URL | string, body: BodyInit): Request {
	// `duplex` lets a stream be sent; Node requires it for one, browsers ignore it otherwise.
	return new Request(input, { body, duplex: 'half' } as RequestInit);
}

function thrown(error: unknown, cancelled: boolean, timedOut: boolean, prepared: PreparedRequest, context: RequestContext, network: { before: boolean; after: boolean }): AttemptResult<never> {
	if (cancelled) return { type: 'final', error: cancelledError(context, error), load: 'neutral' };
	if (timedOut) return { type: 'trouble', trouble: timeoutTrouble, load: 'overloaded', error: (kind) => failureError(kind, context, 'timeout', error) };
	const failure = describeFetchFailure(error, network);
	const trouble = troubleFromFailure(failure, prepared.proxyBase !== undefined);
	return { type: 'trouble', trouble, load: trouble.overload ? 'overloaded' : 'neutral', error: (kind) => failureError(kind, context, failure, error) };
}

async function parsedAnswer(
	response: Response,
	reading: RateLimitReading,
	timedOut: () => boolean,
	prepared: PreparedRequest,
	context: RequestContext
): Promise<AttemptResult<HttpResponse>> {
	let parsed: Awaited<ReturnType<typeof readBody>>;
	try {
		parsed = await readBody(response);
	} catch (error) {
		if (prepared.request.signal?.aborted) return { type: 'final', error: cancelledError(context, error), load: 'neutral' };
		if (timedOut()) return { type: 'trouble', trouble: timeoutTrouble, load: 'overloaded', reading, error: (kind) => failureError(kind, context, 'timeout', error) };
		return { type: 'trouble', trouble: truncatedBodyTrouble, load: 'neutral', reading, error: (kind) => truncatedError(kind, context, response.status, error) };
	}
	// A cut or garbled answer is the network's or the server's hiccup, not a final word: a safe request is read again.
	const notJson = prepared.request.jsonAnswer === true && parsed.ok && typeof parsed.body === 'string';
	if (!parsed.ok || notJson) {
		const { status } = response;
		const text = parsed.ok ? String(parsed.body) : parsed.text;
		return { type: 'trouble', trouble: malformedBodyTrouble, load: 'neutral', reading, error: (kind) => malformedError(kind, context, status, text) };
	}
	const value: HttpResponse = { status: response.status, headers: response.headers, body: parsed.body, url: responseUrl(response, prepared) };
	return { type: 'answer', value, load: 'success', reading };
}

/** The whole body as bytes; fewer bytes than the Content-Length (or the size the caller expects) is a cut download. */
async function blobAnswer(
	response: Response,
	reading: RateLimitReading,
	watch: { timedOut: () => boolean; progress: () => void },
	prepared: PreparedRequest,
	context: RequestContext
): Promise<AttemptResult<Blob>> {
	let blob: Blob;
	try {
		blob = await readBlob(response, watch.progress);
	} catch (error) {
		if (prepared.request.signal?.aborted) return { type: 'final', error: cancelledError(context, error), load: 'neutral' };
		if (watch.timedOut()) return { type: 'trouble', trouble: timeoutTrouble, load: 'overloaded', reading, error: (kind) => failureError(kind, context, 'timeout', error) };
		return { type: 'trouble', trouble: truncatedBodyTrouble, load: 'neutral', reading, error: (kind) => truncatedError(kind, context, response.status, error) };
	}
	const expected = prepared.request.expectedBytes;
	// A proxy's or gateway's error page with a 200 is whole by its own Content-Length, but it is not the file: fetch again.
	if (expected !== undefined && blob.size !== expected && /^text\/html\b/i.test(response.headers.get('content-type') ?? '')) {
		const received = blob.size;
		return { type: 'trouble', trouble: truncatedBodyTrouble, load: 'neutral', reading, error: (kind) => notTheFileError(kind, context, expected, received) };
	}
	const declared = shortOf(blob.size, declaredLength(response), expected);
	if (declared !== undefined) {
		const received = blob.size;
		return { type: 'trouble', trouble: truncatedBodyTrouble, load: 'neutral', reading, error: (kind) => shortDownloadError(kind, context, declared, received) };
	}
	return { type: 'answer', value: blob, load: 'success', reading };
}

async function errorAnswer(
	response: Response,
	reading: RateLimitReading,
	prepared: PreparedRequest,
	context: RequestContext,
	tools: AttemptTools
): Promise<AttemptResult<never>> {
	let body: unknown;
	try {
		const parsed = await readBody(response);
		body = parsed.ok ? parsed.body : parsed.text;
	} catch {
		// The status already says what happened; a body cut short only loses the helpdesk's wording.
		body = '';
	}
	if (prepared.request.signal?.aborted) return { type: 'final', error: cancelledError(context, undefined), load: 'neutral' };
	const answer: HttpResponse = { status: response.status, headers: response.headers, body, url: responseUrl(response, prepared) };
	const proxyCode = prepared.proxyBase !== undefined ? response.headers.get('x-proxy-error') : null;
	if (proxyCode) {
		const trouble = troubleFromProxy(proxyCode);
		const message = (body as { message?: unknown } | null)?.message;
		return {
			type: 'trouble',
			trouble,
			load: trouble.overload ? 'overloaded' : 'neutral',
			error: (kind) => proxyAnswerError(kind, context, answer, proxyCode, typeof message === 'string' ? message : undefined)
		};
	}
	const trouble = troubleFromStatus(response.status, reading.retryAfterMs);
	const described = describe(tools, answer);
	return {
		type: 'trouble',
		trouble,
		// A quick, deliberate refusal (400, 404, ...) is a healthy server: it counts towards more concurrency.
		load: trouble.overload ? 'overloaded' : 'success',
		reading,
		error: (kind) => answerError(kind, context, answer, described, reading.retryAfterMs)
	};
}

function describe(tools: AttemptTools, response: HttpResponse): DescribedError | undefined {
	try {
		return tools.describeError?.(response);
	} catch {
		// A connector's reader choking on an odd body must not hide the status itself.
		return undefined;
	}
}

/** The helpdesk's URL of the answer (after redirects), never the proxy's. */
function responseUrl(response: Response, prepared: PreparedRequest): string {
	const url = response.url;
	if (!url) return prepared.targetUrl;
	if (prepared.proxyBase && url.startsWith(prepared.proxyBase)) return url.slice(prepared.proxyBase.length);
	return url;
}
