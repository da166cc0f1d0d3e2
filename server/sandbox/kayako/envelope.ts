// Kayako's success envelope: {status, data, resource} and, for collections, offset/limit/total_count; plus pagination.
import { jsonReply, type Reply } from '../common/reply';
import type { RequestContext } from './context';
import { errorReply, notFound } from './errors';
import { render } from './present/index';

export const DEFAULT_LIMIT = 10;
// Undocumented; the sandbox clamps larger values, as the reference's table says.
export const MAX_LIMIT = 100;

export function resourceReply(context: RequestContext, type: string, id: number | string, status = 200): Reply {
	const data = render(context.present, type, id, context.fieldRules);
	if (!data) return notFound();
	return jsonReply(status, { status, data, resource: type });
}

function readLimit(query: URLSearchParams): number {
	const raw = Number.parseInt(query.get('limit') ?? '', 10);
	if (!Number.isFinite(raw) || raw < 1) return DEFAULT_LIMIT;
	return Math.min(raw, MAX_LIMIT);
}

function renderAll(context: RequestContext, type: string, ids: readonly (number | string)[]): Record<string, unknown>[] {
	return ids.map((id) => render(context.present, type, id, context.fieldRules)).filter((entry) => entry !== undefined);
}

/** Offset pagination, which every collection supports. */
export function collectionReply(context: RequestContext, type: string, ids: readonly (number | string)[]): Reply {
	const limit = readLimit(context.query);
	const offset = Math.max(0, Number.parseInt(context.query.get('offset') ?? '0', 10) || 0);
	const data = renderAll(context, type, ids.slice(offset, offset + limit));
	return jsonReply(200, { status: 200, data, resource: type, offset, limit, total_count: ids.length });
}

/** Small configuration collections (fields, settings) come whole, with a total_count but no offset or limit. */
export function wholeCollectionReply(context: RequestContext, type: string, ids: readonly (number | string)[]): Reply {
	return jsonReply(200, { status: 200, data: renderAll(context, type, ids), resource: type, total_count: ids.length });
}

/**
 * Cursor pagination over ids in descending order (posts): `after_id` continues below an id, `before_id` above it.
 * The ids need not exist. Zammad follows a `Link: <...>; rel="next"` header; the docs do not describe it, the sandbox sends it.
 */
export function cursorReply(context: RequestContext, type: string, idsDescending: readonly number[], selfUrl: string): Reply {
	const afterId = context.query.get('after_id');
	const beforeId = context.query.get('before_id');
	if (afterId !== null && beforeId !== null) {
		return errorReply(400, 'PARAMETERS_INCONSISTENT', { message: 'Use either after_id or before_id, not both' });
	}
	const limit = readLimit(context.query);
	let page: number[];
	if (afterId !== null) page = idsDescending.filter((id) => id < Number(afterId)).slice(0, limit);
	else if (beforeId !== null) page = idsDescending.filter((id) => id > Number(beforeId)).slice(-limit);
	else {
		const offset = Math.max(0, Number.parseInt(context.query.get('offset') ?? '0', 10) || 0);
		page = idsDescending.slice(offset, offset + limit);
	}
	const last = page.at(-1);
	const headers: Record<string, string> = {};
	if (last !== undefined && idsDescending.some((id) => id < last)) {
		const next = new URL(selfUrl);
		next.searchParams.delete('before_id');
		next.searchParams.delete('offset');
		next.searchParams.set('after_id', String(last));
		headers.Link = `<${next.toString()}>; rel="next"`;
	}
	return jsonReply(200, { status: 200, data: renderAll(context, type, page), resource: type, limit, total_count: idsDescending.length }, headers);
}

/** `?ids=1,2` and `?legacy_ids=a,b` filters, which several collections take. */
export function filterByIds<T extends { id: number; legacy_id?: string | null }>(records: Iterable<T>, query: URLSearchParams): T[] {
	const ids = query.get('ids');
	const legacyIds = query.get('legacy_ids');
	let out = [...records];
	if (ids !== null) {
		const wanted = new Set(ids.split(',').map((entry) => Number(entry.trim())));
		out = out.filter((record) => wanted.has(record.id));
	}
	if (legacyIds !== null) {
		const wanted = new Set(legacyIds.split(',').map((entry) => entry.trim()));
		out = out.filter((record) => record.legacy_id !== null && record.legacy_id !== undefined && wanted.has(record.legacy_id));
	}
	return out;
}

export function deletedReply(): Reply {
	return jsonReply(200, { status: 200 });
}
