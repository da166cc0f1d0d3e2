// Reads a response body: JSON when the content type says so, text otherwise.

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
