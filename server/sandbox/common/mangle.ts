// The ways a fault spoils an answer after the server acted: cut short, garbled mid-way, or a page that is not JSON at all.
import type { Reply } from './reply';

/** The first half of the body: JSON no longer parses, a file stops short of its Content-Length. */
export function truncatedBytes(bytes: Buffer): Buffer {
	return bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2)));
}

// A raw control character is invalid both inside a JSON string and between tokens, so the garbled body never parses.
const GARBAGE = Buffer.from('\u0001\u00ff garbled in transit \u0001');

/** The whole body with bytes spliced into its middle, as a broken proxy or a flipped bit would leave it. */
export function garbledBytes(bytes: Buffer): Buffer {
	const middle = Math.floor(bytes.length / 2);
	return Buffer.concat([bytes.subarray(0, middle), GARBAGE, bytes.subarray(middle)]);
}

/** What a captive portal or a misconfigured proxy answers in place of the API: 200 and an HTML page. */
export function notJsonReply(): Reply {
	const text = '<!doctype html>\n<html><head><title>Please wait</title></head><body><p>The gateway answered this page instead of the API (injected fault).</p></body></html>\n';
	return { status: 200, headers: { 'Content-Type': 'text/html; charset=UTF-8' }, body: { text } };
}

/** Headers of an injected 429: Retry-After in whole seconds, or none for `rate-limited-bare`. */
export function rateLimitedHeaders(kind: string, delayMs: number | undefined): Record<string, string> {
	return kind === 'rate-limited-bare' ? {} : { 'Retry-After': String(Math.max(1, Math.ceil((delayMs ?? 1000) / 1000))) };
}
