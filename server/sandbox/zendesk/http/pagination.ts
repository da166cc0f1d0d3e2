// Zendesk's two pagination styles on list endpoints: cursor (`page[size]`, meta/links) and offset (`page`, `per_page`, next_page/count).
import { errorsReply } from './errors';
import type { RequestContext } from './context';
import type { Reply } from '../../common/reply';

export type SortKey = readonly number[];

export interface PageOptions<K> {
	/** The position of an item in the list's order; cursors remember it, so inserts never shift a page. */
	keyOf: (item: K) => SortKey;
	maxSize?: number;
	defaultPerPage?: number;
	/** Offset pages beyond this many records are refused, as Zendesk does since 2023. */
	offsetDepth?: number;
	/** The key pagination links use for the page number in offset mode. */
	cursorOrder?: string;
}

export type PageResult<K> = { ok: true; items: K[]; envelope: Record<string, unknown>; cursorMode: boolean } | { ok: false; reply: Reply };

function compare(a: SortKey, b: SortKey): number {
	for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
		const difference = (a[index] ?? 0) - (b[index] ?? 0);
		if (difference !== 0) return difference;
	}
	return 0;
}

export function encodeCursor(order: string, key: SortKey): string {
	return Buffer.from(JSON.stringify({ o: order, v: Buffer.from(key.join(',')).toString('base64') })).toString('base64url');
}

export function decodeCursor(cursor: string): SortKey | undefined {
	try {
		const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: unknown };
		if (typeof parsed.v !== 'string') return undefined;
		const key = Buffer.from(parsed.v, 'base64').toString('utf8').split(',').map(Number);
		return key.every(Number.isFinite) ? key : undefined;
	} catch {
		return undefined;
	}
}

/** Query parameters with literal brackets, as Zendesk writes its links (`page[size]=100&page[after]=…`). */
export function linkTo(context: RequestContext, replace: Record<string, string | undefined>, drop: readonly string[] = []): string {
	const params = new Map<string, string>();
	for (const [name, value] of context.query) if (!drop.includes(name)) params.set(name, value);
	for (const [name, value] of Object.entries(replace)) {
		if (value === undefined) params.delete(name);
		else params.set(name, value);
	}
	const query = [...params].map(([name, value]) => `${encodeURIComponent(name).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(value)}`).join('&');
	return `${context.baseUrl}${context.path}.json${query ? `?${query}` : ''}`;
}

function invalidParameter(detail: string): Reply {
	return errorsReply(400, 'InvalidPaginationParameter', 'Invalid Pagination Parameter', detail);
}

function wholeNumber(value: string | null): number | undefined {
	return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
}

export function wantsCursor(query: URLSearchParams): boolean {
	return query.has('page[size]') || query.has('page[after]') || query.has('page[before]');
}

export function paginate<K>(context: RequestContext, all: readonly K[], options: PageOptions<K>): PageResult<K> {
	const maxSize = options.maxSize ?? 100;
	const query = context.query;
	if (wantsCursor(query)) {
		const sizeRaw = query.get('page[size]');
		const size = sizeRaw === null ? maxSize : wholeNumber(sizeRaw);
		if (size === undefined || size < 1) return { ok: false, reply: invalidParameter('page[size] must be a positive integer') };
		if (size > maxSize) return { ok: false, reply: invalidParameter(`page[size] must be less than or equal to ${maxSize}`) };
		const after = query.get('page[after]');
		const before = query.get('page[before]');
		if (after !== null && before !== null) return { ok: false, reply: invalidParameter('page[after] and page[before] are mutually exclusive') };
		const cursor = after ?? before;
		const key = cursor === null ? undefined : decodeCursor(cursor);
		if (cursor !== null && key === undefined) return { ok: false, reply: invalidParameter(`${after !== null ? 'page[after]' : 'page[before]'} is not a valid cursor`) };
		let start = 0;
		let end: number;
		if (before !== null && key) {
			// page[before]: the `size` records just ahead of the cursor.
			const at = all.findIndex((item) => compare(options.keyOf(item), key) >= 0);
			end = at < 0 ? all.length : at;
			start = Math.max(0, end - size);
		} else {
			if (after !== null && key) start = all.findIndex((item) => compare(options.keyOf(item), key) > 0);
			if (start < 0) start = all.length;
			end = Math.min(all.length, start + size);
		}
		const items = all.slice(start, end);
		const first = items[0];
		const last = items[items.length - 1];
		const order = options.cursorOrder ?? 'id';
		const afterCursor = last === undefined ? null : encodeCursor(order, options.keyOf(last));
		const beforeCursor = first === undefined ? null : encodeCursor(order, options.keyOf(first));
		const hasMore = before !== null ? start > 0 : end < all.length;
		const keep = { 'page[size]': String(size) };
		return {
			ok: true,
			cursorMode: true,
			items,
			envelope: {
				meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: beforeCursor },
				links: {
					prev: beforeCursor === null ? null : linkTo(context, { ...keep, 'page[before]': beforeCursor, 'page[after]': undefined }),
					next: afterCursor === null ? null : linkTo(context, { ...keep, 'page[after]': afterCursor, 'page[before]': undefined })
				}
			}
		};
	}
	const pageRaw = query.get('page');
	const perPageRaw = query.get('per_page');
	const page = pageRaw === null ? 1 : wholeNumber(pageRaw);
	const perPageAsked = perPageRaw === null ? (options.defaultPerPage ?? maxSize) : wholeNumber(perPageRaw);
	if (page === undefined || page < 1) return { ok: false, reply: invalidParameter('page must be an integer') };
	if (perPageAsked === undefined || perPageAsked < 1) return { ok: false, reply: invalidParameter('per_page must be an integer') };
	// Zendesk quietly caps per_page at the endpoint's maximum.
	const perPage = Math.min(perPageAsked, maxSize);
	const start = (page - 1) * perPage;
	const depth = options.offsetDepth ?? 10_000;
	if (start >= depth && start > 0) {
		return { ok: false, reply: errorsReply(400, 'InvalidPaginationDepth', 'Invalid Pagination Depth', `Offset pagination is limited to the first ${depth} records; use cursor pagination (page[size]) to read further.`) };
	}
	const items = all.slice(start, start + perPage);
	const hasNext = start + perPage < all.length;
	return {
		ok: true,
		cursorMode: false,
		items,
		envelope: {
			next_page: hasNext ? linkTo(context, { page: String(page + 1), per_page: String(perPage) }) : null,
			previous_page: page > 1 ? linkTo(context, { page: String(page - 1), per_page: String(perPage) }) : null,
			count: all.length
		}
	};
}
