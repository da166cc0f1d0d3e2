// Zendesk's ways to page through a collection, as generators of raw pages that each say where to resume after them.
import { MigrationError } from '../../errors';
import type { ReadOptions } from '../source';
import { listIn, type Query, type ZendeskClient } from './client';
import { ProgressGuard } from './progress-guard';
import type { CursorExportBody, CursorListBody } from './types';

/** One answer of Zendesk: its records under `key`, the whole body (for sideloads), and the resume point after it. */
export interface RawPage<R> {
	records: R[];
	body: Record<string, unknown>;
	checkpoint: string | null;
	done: boolean;
}

export interface StreamRequest {
	path: string;
	/** The list's name in the answer, e.g. `tickets`. */
	key: string;
	query?: Query;
}

/** Unix seconds for `start_time`; without `since`, the whole history. */
function startTime(since: string | undefined, host: string): number {
	if (since === undefined) return 0;
	const ms = Date.parse(since);
	if (Number.isNaN(ms)) throw new MigrationError({ kind: 'invalid-input', host, message: `"${since}" is not a date and time to read Zendesk changes from.` });
	return Math.max(0, Math.floor(ms / 1000));
}

/**
 * A cursor-based incremental export (`/incremental/{tickets,users}/cursor.json`): the first call sends `start_time`,
 * every later one only the `after_cursor` of the page before. The last page's cursor is where later changes begin.
 * A cursor that does not move on stops the stream with a reason instead of reading the same page for ever.
 */
export async function* cursorExport<R>(client: ZendeskClient, request: StreamRequest, options: ReadOptions = {}): AsyncGenerator<RawPage<R>> {
	let cursor = options.after ?? undefined;
	const guard = new ProgressGuard(client.host, request.path);
	for (;;) {
		const query = cursor ? { ...request.query, cursor } : { ...request.query, start_time: startTime(options.since, client.host) };
		guard.requesting(cursor ?? '');
		const body = await client.get<CursorExportBody & Record<string, unknown>>(request.path, query, options.signal);
		const done = body.end_of_stream === true;
		const next = body.after_cursor ?? null;
		if (!done && !next) throw missingCursor(client.host, request.path);
		const records = listIn<R>(body, request.key, client.host);
		guard.check(records, done ? undefined : (next ?? undefined));
		yield { records, body, checkpoint: next ?? cursor ?? null, done };
		if (done) return;
		guard.following(next ?? '');
		cursor = next ?? undefined;
	}
}

/** Resuming an offset-paginated list: the checkpoint is the full `next_page` address Zendesk gave. */
const PAGE_LINK = /^https?:\/\//;

/**
 * A cursor-paginated list (`page[size]`, `meta.has_more`, `meta.after_cursor`); resuming sends `page[after]`.
 * An endpoint that ignores `page[size]` answers offset pages instead (`next_page`, `count`, no `meta`): then its
 * `next_page` addresses are followed, so no page after the first is missed.
 */
export async function* cursorList<R>(client: ZendeskClient, request: StreamRequest, options: ReadOptions = {}, pageSize = 100): AsyncGenerator<RawPage<R>> {
	let after = options.after || undefined;
	const guard = new ProgressGuard(client.host, request.path);
	for (;;) {
		const link = after !== undefined && PAGE_LINK.test(after) ? after : undefined;
		const query = link ? {} : { ...request.query, 'page[size]': pageSize, ...(after && { 'page[after]': after }) };
		guard.requesting(after ?? '');
		const body = await client.get<CursorListBody & Record<string, unknown>>(link ?? request.path, query, options.signal);
		const records = listIn<R>(body, request.key, client.host);
		const offsetNext = body.meta ? undefined : nextPageOf(body);
		const more = offsetNext !== undefined || body.meta?.has_more === true;
		const next = offsetNext ?? body.meta?.after_cursor ?? null;
		if (more && !next) throw missingCursor(client.host, request.path);
		guard.check(records, more ? (next ?? undefined) : undefined);
		yield { records, body, checkpoint: next ?? after ?? null, done: !more };
		if (!more) return;
		guard.following(next ?? '');
		after = next ?? undefined;
	}
}

/** The `next_page` address of an offset-paginated answer, when there is one. */
function nextPageOf(body: Record<string, unknown>): string | undefined {
	const next = body.next_page;
	return typeof next === 'string' && PAGE_LINK.test(next) ? next : undefined;
}

export interface StreamPart<R> {
	name: string;
	read: (after: string | undefined) => AsyncIterable<RawPage<R>>;
}

/**
 * Several collections read one after the other as one stream (ticket, user and organization fields).
 * The checkpoint is `part:cursor`; when a part ends, it points at the start of the next.
 */
export async function* chained<R>(parts: readonly StreamPart<R>[], after: string | null | undefined): AsyncGenerator<RawPage<R>> {
	const separator = after ? after.indexOf(':') : -1;
	const resumeName = separator < 0 ? undefined : after?.slice(0, separator);
	const startAt = resumeName === undefined ? 0 : parts.findIndex((part) => part.name === resumeName);
	if (startAt < 0) throw new MigrationError({ kind: 'invalid-input', message: `The checkpoint "${after}" names no part of this Zendesk stream.` });
	for (let index = startAt; index < parts.length; index += 1) {
		const part = parts[index];
		if (!part) break;
		const cursor = index === startAt && separator >= 0 ? after?.slice(separator + 1) || undefined : undefined;
		const following = parts[index + 1];
		for await (const page of part.read(cursor)) {
			const lastOfPart = page.done;
			const checkpoint = lastOfPart && following ? `${following.name}:` : `${part.name}:${page.checkpoint ?? ''}`;
			yield { ...page, checkpoint, done: lastOfPart && !following };
		}
	}
}

function missingCursor(host: string, path: string): MigrationError {
	return new MigrationError({ kind: 'malformed-response', host, message: `Zendesk at ${host} said more of ${path} follows, but gave no cursor to read it with.` });
}
