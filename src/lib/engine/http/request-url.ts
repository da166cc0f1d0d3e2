// The target URL of a request (query parameters added) and the same URL made safe to show: no credentials, no secret parameters.
import { isSecretKey } from '../credentials/secret-keys';

export type SearchParams = Record<string, string | number | boolean | undefined>;

/** Adds the defined parameters to `url`, keeping the ones it already has. */
export function withSearchParams(url: string, searchParams: SearchParams | undefined): string {
	if (!searchParams) return url;
	const target = new URL(url);
	for (const [name, value] of Object.entries(searchParams)) {
		if (value !== undefined) target.searchParams.append(name, String(value));
	}
	return target.href;
}

// Broader than the store's secret names: signed download links carry `Signature`, `X-Amz-Credential`, `access_key` and the like.
const secretParameter = /token|passw|pwd|secret|key|session|auth|signature|credential/i;

function isSecretParameter(name: string): boolean {
	return secretParameter.test(name) || isSecretKey(name);
}

/** `url` for errors, logs and reports: user and password dropped, secret-looking query parameters removed. */
export function safeUrl(url: string): string {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		// Not a URL after all: keep only what comes before any query, which is where secrets would sit.
		return url.split(/[?#]/)[0] ?? '';
	}
	parsed.username = '';
	parsed.password = '';
	parsed.hash = '';
	for (const name of [...new Set(parsed.searchParams.keys())]) {
		if (isSecretParameter(name)) parsed.searchParams.delete(name);
	}
	return parsed.href;
}
