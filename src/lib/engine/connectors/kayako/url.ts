// Turns what a user types as "Kayako URL" into the account's base URL (no trailing slash, no /agent path).
import { MigrationError } from '../../errors';

/**
 * Accepts `acme`, `acme.kayako.com`, `https://acme.kayako.com/agent/...` or a full URL of a
 * self-hosted or sandbox account (`http://127.0.0.1:8101/acme`) and returns the base to which
 * `/api/v1/...` is appended.
 */
export function kayakoBaseUrl(input: string): string {
	const typed = input.trim();
	if (!typed) {
		throw new MigrationError({ kind: 'invalid-input', message: 'Enter the address of your Kayako, for example acme.kayako.com.' });
	}
	if (/^[a-z0-9][a-z0-9-]*$/i.test(typed)) return `https://${typed.toLowerCase()}.kayako.com`;

	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		throw new MigrationError({ kind: 'invalid-input', message: `"${typed}" is not a web address. Enter it like acme.kayako.com.` });
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new MigrationError({ kind: 'invalid-input', message: `"${typed}" is not a web address. Enter it like acme.kayako.com.` });
	}
	// People paste the address bar: drop the agent UI's path and anything after /api.
	const path = url.pathname.replace(/\/(agent|admin|api)(\/.*)?$/, '').replace(/\/+$/, '');
	return `${url.protocol}//${url.host}${path}`;
}

/** The URL of an API v1 resource, e.g. `apiUrl(base, 'cases/fields')`. */
export function apiUrl(baseUrl: string, resource: string): string {
	return `${baseUrl}/api/v1/${resource.replace(/^\/+/, '')}`;
}
