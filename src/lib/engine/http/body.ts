// Reads a response body: JSON when the content type says so, text otherwise; tells a download cut short from a whole one.

export type ParsedBody = { ok: true; body: unknown } | { ok: false; text: string };

/** `application/json`, `application/hal+json` (Help Scout), `application/problem+json`, ... */
export function isJsonContentType(contentType: string | null): boolean {
	if (!contentType) return false;
	const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
	return type === 'application/json' || type.endsWith('+json') || type === 'text/json';
}

/** Never throws on content: an unparseable JSON body comes back as `{ ok: false, text }`. */
export async function readBody(response: Response): Promise<ParsedBody> {
	const text = await response.text();
	if (!isJsonContentType(response.headers.get('content-type'))) return { ok: true, body: text };
	if (text.trim() === '') return { ok: true, body: null };
	try {
		return { ok: true, body: JSON.parse(text) as unknown };
	} catch {
		return { ok: false, text };
	}
}

/** The whole body as a Blob, piece by piece, calling `progress` after each piece (a download's timeout waits for silence, not for the end). */
export async function readBlob(response: Response, progress: () => void): Promise<Blob> {
	const type = response.headers.get('content-type') ?? '';
	if (!response.body) return new Blob([], { type });
	const reader = response.body.getReader();
	const pieces: Uint8Array<ArrayBuffer>[] = [];
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return new Blob(pieces, { type });
		pieces.push(value as Uint8Array<ArrayBuffer>);
		progress();
	}
}

/** The Content-Length of an unencoded body; a compressed one is counted before decoding, so it says nothing about the bytes read. */
export function declaredLength(response: Response): number | undefined {
	const encoding = response.headers.get('content-encoding');
	if (encoding && encoding.toLowerCase() !== 'identity') return undefined;
	const header = response.headers.get('content-length');
	if (header === null || !/^\d+$/.test(header.trim())) return undefined;
	return Number(header.trim());
}

/**
 * The size a download fell short of, or undefined when it is whole. Exactly the size the helpdesk declared for the
 * file is whole. Otherwise the Content-Length speaks for the transfer (more bytes than it says can only be a body
 * decoded from a compression the browser did not let us see); without one, fewer bytes than the declared size are a cut.
 */
export function shortOf(received: number, contentLength: number | undefined, expectedBytes: number | undefined): number | undefined {
	if (expectedBytes !== undefined && received === expectedBytes) return undefined;
	if (contentLength !== undefined) return received < contentLength ? contentLength : undefined;
	if (expectedBytes !== undefined && received < expectedBytes) return expectedBytes;
	return undefined;
}
