// The one fetch of an attempt: a Request built from our HttpRequest, sent as is. Our own retry loop resends; nothing is cloned or teed for a retry here.

/** What an attempt sends; `json` is written as the body with `content-type: application/json` unless the caller set one. */
export interface FetchParts {
	method: string;
	headers?: Record<string, string>;
	json?: unknown;
	body?: BodyInit;
	signal: AbortSignal;
}

/**
 * The Request for one attempt. A FormData or Blob body is read by fetch once, straight from the caller's object
 * (no copy for a retry that may never come: a retry builds a new Request from the same object).
 */
export function buildRequest(url: string, parts: FetchParts): Request {
	const headers = new Headers(parts.headers);
	let body = parts.body;
	if (parts.json !== undefined) {
		body = JSON.stringify(parts.json);
		if (!headers.has('content-type')) headers.set('content-type', 'application/json');
	}
	// A streamed body needs duplex 'half' in Node and Chromium; other bodies ignore it.
	const init: RequestInit & { duplex?: 'half' } = { method: parts.method.toUpperCase(), headers, signal: parts.signal, ...(body !== undefined && { body, duplex: 'half' as const }) };
	return new Request(url, init);
}

/** Sends it through the caller's fetch (looked up per call and called unbound, so neither a later stub nor a browser's "Illegal invocation" gets in the way). */
export function sendRequest(fetchImpl: typeof fetch | undefined, request: Request): Promise<Response> {
	return fetchImpl ? fetchImpl(request) : globalThis.fetch(request);
}
