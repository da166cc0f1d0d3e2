// Turns what a user types as "Zendesk address" into the account's base URL, and builds the web links the reports show.
import { MigrationError } from '../../errors';

/**
 * Accepts `acme`, `acme.zendesk.com`, `https://acme.zendesk.com/agent/...` or a full URL of a
 * sandbox (`http://127.0.0.1:8102`) and returns the base to which `/api/v2/...` is appended.
 */
export function zendeskBaseUrl(input: string): string {
	const typed = input.trim();
	if (!typed) throw new MigrationError({ kind: 'invalid-input', message: 'Enter the address of your Zendesk, for example acme.zendesk.com.' });
	if (/^[a-z0-9][a-z0-9-]*$/i.test(typed)) return `https://${typed.toLowerCase()}.zendesk.com`;
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		throw new MigrationError({ kind: 'invalid-input', message: `"${typed}" is not a web address. Enter it like acme.zendesk.com.` });
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new MigrationError({ kind: 'invalid-input', message: `"${typed}" is not a web address. Enter it like acme.zendesk.com.` });
	}
	// People paste the address bar: drop the agent UI's, Help Center's or API's path.
	const path = url.pathname.replace(/\/(agent|hc|api|access)(\/.*)?$/, '').replace(/\/+$/, '');
	return `${url.protocol}//${url.host}${path}`;
}

/** `path` as written in the API reference, e.g. `/api/v2/tickets/count.json`. */
export function apiUrl(baseUrl: string, path: string): string {
	return `${baseUrl}${path.startsWith('/') ? path : `/${path}`}`;
}

export type LinkedKind = 'tickets' | 'users' | 'organizations' | 'articles';

/** The agent interface's page of a record (the Help Center's for articles). */
export function webLink(baseUrl: string, kind: LinkedKind, id: string): string {
	return kind === 'articles' ? `${baseUrl}/hc/articles/${id}` : `${baseUrl}/agent/${kind}/${id}`;
}
