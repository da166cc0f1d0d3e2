// One logged-in way to Zendesk's API: the Authorization header, JSON reads with Zendesk's errors, and file downloads.
import type { Credentials } from '../../credentials';
import { MigrationError } from '../../errors';
import type { EndpointClass, HttpClient } from '../../http';
import type { SearchParams } from '../../http/request-url';
import { zendeskAuthorization } from './auth';
import { refineZendeskError } from './errors';
import { apiUrl } from './url';

export type Query = SearchParams;

/**
 * Zendesk's incremental exports have a limit of their own (10 requests a minute, 30 with High Volume) inside the
 * account's, reported in their own header: a 429 there holds the exports only, and the rest of the API goes on.
 */
export const INCREMENTAL_EXPORTS: EndpointClass = { name: 'incremental-exports', windowHeader: 'zendesk-ratelimit-incremental-exports', withinAccountLimit: true, initialConcurrency: 1, maxConcurrency: 2 };

/** File downloads do not count against the API's limit: they queue apart, so a wave of attachments never delays an API read. */
export const ATTACHMENT_DOWNLOADS: EndpointClass = { name: 'attachment-downloads', withinAccountLimit: false };

/** How often a page that is not JSON is read before the address is blamed. */
const NOT_JSON_READS = 4;

export class ZendeskClient {
	readonly host: string;
	readonly #authorization: string;

	constructor(
		private readonly http: HttpClient,
		readonly baseUrl: string,
		credentials: Credentials
	) {
		this.host = new URL(baseUrl).host;
		this.#authorization = zendeskAuthorization(credentials);
	}

	/**
	 * GETs a JSON object from a path (`/api/v2/...`) or a full `next` link Zendesk gave; anything but an object is not
	 * Zendesk. A web page where JSON belongs may be a gateway's passing error page mid-run: it is read again a few times
	 * before the address is blamed, so one such page does not stop a migration, and a wrong address still says so.
	 */
	async get<T extends object>(pathOrUrl: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
		const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : apiUrl(this.baseUrl, pathOrUrl);
		const endpointClass = isIncrementalExport(url) ? { endpointClass: INCREMENTAL_EXPORTS } : {};
		for (let read = 1; ; read++) {
			let body: unknown;
			try {
				const response = await this.http.send({ method: 'GET', url, searchParams: query, headers: { Authorization: this.#authorization, Accept: 'application/json' }, ...endpointClass, ...(signal && { signal }) });
				body = response.body;
			} catch (error) {
				throw refineZendeskError(error, this.host, pathOrUrl.includes('/incremental/'));
			}
			if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as T;
			if (read < NOT_JSON_READS) continue;
			throw new MigrationError({
				kind: 'not-helpdesk',
				host: this.host,
				url,
				message: `The server at ${this.host} answered ${url}, but not like Zendesk's API (${NOT_JSON_READS} times). Check that the address is your Zendesk (for example acme.zendesk.com).`
			});
		}
	}

	/** Like `get`, but a 404 means "no such record" rather than a failure. */
	async find<T extends object>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T | undefined> {
		try {
			return await this.get<T>(path, query, signal);
		} catch (error) {
			if (error instanceof MigrationError && error.info.status === 404) return undefined;
			throw error;
		}
	}

	/**
	 * The bytes behind a `content_url`; credentials go only to the account's own host, as Zendesk asks. The body is read
	 * inside the HTTP client's retries, so a download cut off mid-way is fetched again; `size` is the attachment's
	 * declared size, checked when the answer has no Content-Length.
	 */
	async download(url: string, size?: number, signal?: AbortSignal): Promise<Blob> {
		const address = parsedUrl(url);
		if (!address || !/^https?:$/.test(address.protocol)) {
			// No later run can fetch it either: a lasting "not found", so the writer leaves the file out with this reason.
			throw new MigrationError({ kind: 'not-found', host: this.host, message: `Zendesk at ${this.host} lists the file without a usable download address ("${url}").` });
		}
		const ownHost = address.host === this.host;
		try {
			return await this.http.download({
				method: 'GET',
				url,
				headers: ownHost ? { Authorization: this.#authorization } : {},
				endpointClass: ATTACHMENT_DOWNLOADS,
				...(size !== undefined && size > 0 && { expectedBytes: size }),
				...(signal && { signal })
			});
		} catch (error) {
			throw refineZendeskError(error, this.host);
		}
	}
}

function isIncrementalExport(url: string): boolean {
	return parsedUrl(url)?.pathname.startsWith('/api/v2/incremental/') === true;
}

function parsedUrl(url: string): URL | undefined {
	try {
		return new URL(url);
	} catch {
		return undefined;
	}
}

/** A required list in a Zendesk answer; a missing one means the answer is not what the endpoint documents. */
export function listIn<T>(body: object, key: string, host: string): T[] {
	const list = (body as Record<string, unknown>)[key];
	if (Array.isArray(list)) return list as T[];
	throw new MigrationError({ kind: 'malformed-response', host, message: `Zendesk at ${host} answered without the "${key}" list it documents for this request.` });
}
