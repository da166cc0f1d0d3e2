// One API request through the account's pipeline: faults, rate limit, Accept, body, auth, route, envelope, and after-act faults.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { parseBody, readBody } from '../common/body';
import type { FaultInjector } from '../common/faults';
import type { MinuteWindows } from '../common/rate-window';
import { garbledBytes, notJsonReply, rateLimitedHeaders, truncatedBytes } from '../common/mangle';
import { bodyBytes, dropConnection, htmlPage, sendReply, type Reply } from '../common/reply';
import type { Random } from '../common/rng';
import type { Router } from '../common/router';
import { authenticate, type AuthStore } from './auth';
import type { Handler, RequestContext } from './context';
import { errorReply } from './errors';
import { settleJobs, type BulkKind } from './jobs';
import { parseFieldRules } from './present/index';
import type { AccountState } from './state';
import { iso } from './time';

export interface AccountRuntime {
	state: AccountState;
	faults: FaultInjector;
	random: Random;
}

export interface PipelineEnv {
	now(): number;
	windows: MinuteWindows;
	auth: AuthStore;
	router: Router<Handler>;
	bulkKinds: Readonly<Record<string, BulkKind>>;
	maxUploadBytes: number;
	sessionIdleMs: number;
	jobTimeScale: number;
}

// Bodies other than uploads are JSON or forms; this only guards memory.
const MAX_OTHER_BODY = 64 * 1024 * 1024;
// Multipart framing around an upload of exactly the largest allowed size.
const MULTIPART_SLACK = 64 * 1024;

export const UNKNOWN_INSTANCE_TEXT = 'Either this Kayako instance does not exist or we are facing temporary problems. Please try again in a few minutes';

/** The recorded answer for an instance that does not exist: 490, HTML content type, a plain sentence. */
export function unknownInstanceReply(): Reply {
	return { status: 490, headers: { 'Content-Type': 'text/html; charset=UTF-8' }, body: { text: UNKNOWN_INSTANCE_TEXT } };
}

export function notAnApiReply(): Reply {
	return htmlPage(404, 'Not Found', 'This is a Kayako sandbox. The API lives under /&lt;account&gt;/api/v1/, e.g. /acme/api/v1/me.json.');
}

function acceptsJson(accept: string | undefined): boolean {
	if (accept === undefined || accept.trim() === '') return true;
	return accept.split(',').some((entry) => {
		const type = entry.split(';')[0]?.trim().toLowerCase();
		return type === 'application/json' || type === '*/*' || type === 'application/*';
	});
}

function rateHeaders(ticket: { limit: number; remaining: number; resetSeconds: number }): Record<string, string> {
	// Kayako does not document its rate-limit header names; these are the common ones, and the engine's limiter reads them.
	// X-RateLimit-Reset is in seconds from now (not an epoch), so it stays right when a test moves the sandbox clock.
	return { 'X-RateLimit-Limit': String(ticket.limit), 'X-RateLimit-Remaining': String(ticket.remaining), 'X-RateLimit-Reset': String(ticket.resetSeconds) };
}

function finish(reply: Reply, now: number, extra: Record<string, string>): Reply {
	const json = 'json' in reply.body;
	return {
		...reply,
		headers: {
			...(json && { 'Content-Type': 'application/json', 'X-Api-Version': '1' }),
			'Date-Iso': iso(now),
			...extra,
			...reply.headers
		}
	};
}

function countRequest(state: AccountState, key: string): void {
	state.requests.total += 1;
	state.requests.byRoute[key] = (state.requests.byRoute[key] ?? 0) + 1;
}

/** Ages the request's session past the idle limit, so authentication answers 401 "session has expired" as Kayako does. */
function expireSession(env: PipelineEnv, sessionId: string | string[] | undefined): void {
	const session = env.auth.sessions.get(Array.isArray(sessionId) ? (sessionId[0] ?? '') : (sessionId ?? ''));
	if (session) session.last_seen_at = env.now() - env.sessionIdleMs - 1;
}

export async function serveApi(env: PipelineEnv, runtime: AccountRuntime, req: IncomingMessage, res: ServerResponse, url: URL, apiPath: string, accountUrl: string): Promise<void> {
	const method = (req.method ?? 'GET').toUpperCase();
	const state = runtime.state;
	settleJobs(state, env.now(), env.bulkKinds);
	const match = env.router.match(method, apiPath);
	countRequest(state, `${method} ${match.kind === 'not-found' ? apiPath : match.pattern}`);

	const fault = runtime.faults.pick(method, apiPath);
	if (fault?.kind === 'drop-before') {
		dropConnection(res);
		return;
	}
	const isUpload = match.kind === 'found' && match.pattern === '/files';
	const read = await readBody(req, isUpload ? env.maxUploadBytes + MULTIPART_SLACK : MAX_OTHER_BODY);
	if (fault?.kind === 'slow') await delay(fault.delayMs ?? 1000);
	const send = (reply: Reply, extra: Record<string, string> = {}) => sendReply(res, finish(reply, env.now(), extra));
	if (fault?.kind === 'server-error') return send(errorReply(500, 'EXCEPTION_CAUGHT'));
	if (fault?.kind === 'unavailable') return send(htmlPage(503, 'Service Unavailable', 'The server is temporarily unable to service your request. Please try again later.'));
	if (fault?.kind === 'rate-limited' || fault?.kind === 'rate-limited-bare') return send(errorReply(429, 'RATE_LIMIT_REACHED', { headers: rateLimitedHeaders(fault.kind, fault.delayMs) }));
	if (fault?.kind === 'session-expired') expireSession(env, req.headers['x-session-id'] ?? url.searchParams.get('_session_id') ?? undefined);

	const ticket = env.windows.take(state.name);
	const limits = rateHeaders(ticket);
	if (!ticket.allowed) return send(errorReply(429, 'RATE_LIMIT_REACHED', { headers: { 'Retry-After': String(ticket.resetSeconds) } }), limits);
	if (!acceptsJson(req.headers.accept)) return send(errorReply(406, 'FORMAT_NOT_ACCEPTABLE'), limits);
	if (!read.ok) {
		const megabytes = Math.round((env.maxUploadBytes / 1024 / 1024) * 10) / 10;
		return send(errorReply(413, 'FIELD_INVALID', { parameter: isUpload ? 'content' : 'body', message: `The request body is larger than the ${megabytes} MB Kayako accepts` }), limits);
	}
	// A raw upload that names itself is bytes, whatever its Content-Type says (a .json attachment is still a file).
	const rawUpload = isUpload && req.headers['content-disposition'] !== undefined;
	const parsed: ReturnType<typeof parseBody> = rawUpload ? { ok: true, body: { params: {}, files: [] } } : parseBody(req.headers['content-type'], read.bytes);
	if (!parsed.ok) return send(errorReply(400, 'PARAMETER_INVALID', { message: parsed.message }), limits);

	const auth = authenticate(env.auth, { method, headers: req.headers, query: url.searchParams, state, now: env.now(), sessionIdleMs: env.sessionIdleMs });
	if (!auth.ok) return send(auth.reply, limits);
	const sessionExtras: Record<string, string> = auth.created && auth.session.csrf_token !== null ? { 'X-CSRF-Token': auth.session.csrf_token } : {};

	let reply: Reply;
	if (match.kind === 'not-found') reply = errorReply(404, 'RESOURCE_NOT_FOUND');
	else if (match.kind === 'method-not-allowed') reply = errorReply(405, 'METHOD_NOT_SUPPORTED', { headers: { Allow: match.allowed.join(', ') } });
	else {
		const context: RequestContext = {
			method,
			path: apiPath,
			params: match.params,
			query: url.searchParams,
			body: parsed.body.params,
			files: parsed.body.files,
			rawBody: read.bytes,
			headers: req.headers,
			state,
			actor: auth.user,
			actorRole: state.roles.get(auth.user.role_id)?.type ?? 'CUSTOMER',
			session: auth.session,
			now: env.now(),
			present: { state, accountUrl, apiBase: `${accountUrl}/api/v1`, include: new Set((url.searchParams.get('include') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean)) },
			fieldRules: parseFieldRules(url.searchParams.get('fields')),
			settings: { maxUploadBytes: env.maxUploadBytes, random: runtime.random, jobTimeScale: env.jobTimeScale },
			endSession: () => env.auth.sessions.delete(auth.session.id)
		};
		reply = match.handler(context);
	}
	if (auth.created && 'json' in reply.body && typeof reply.body.json === 'object' && reply.body.json !== null) {
		reply = { ...reply, body: { json: { ...(reply.body.json as Record<string, unknown>), session_id: auth.session.id } } };
	}
	const final = finish(reply, env.now(), { ...limits, ...sessionExtras });
	if (fault?.kind === 'drop-after') {
		dropConnection(res);
		return;
	}
	if (fault?.kind === 'malformed-json') return sendReply(res, final, truncatedBytes(bodyBytes(final)));
	if (fault?.kind === 'garbled-json') return sendReply(res, final, garbledBytes(bodyBytes(final)));
	if (fault?.kind === 'not-json') return sendReply(res, finish(notJsonReply(), env.now(), {}));
	sendReply(res, final);
}
