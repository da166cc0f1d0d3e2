// One API request from socket to answer: route, faults, authentication, rate limits, permissions, handler, headers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector } from '../../common/faults';
import { notJsonReply, rateLimitedHeaders } from '../../common/mangle';
import { dropConnection, jsonReply, type Reply } from '../../common/reply';
import type { Router } from '../../common/router';
import type { ZendeskAccount } from '../account';
import { authenticate, type Principal } from './auth';
import type { RouteSpec } from './context';
import { couldNotAuthenticate, forbidden, invalidEndpoint, invalidOAuthToken, methodNotAllowed, noHelpDesk, rateLimited, unknownSubdomain } from './errors';
import { accountHeaders, endpointHeader, endpointRefusal, type RateLimits } from './rate-limits';
import type { ZendeskReply } from './reply';
import { send } from './send';

export interface PipelineParts {
	account: () => ZendeskAccount;
	router: Router<RouteSpec>;
	limits: RateLimits;
	faults: FaultInjector;
	baseUrl: (req: IncomingMessage) => string;
	/** Routes that serve file downloads: no API rate limit, no credentials. */
	downloads: ReadonlySet<string>;
	/** The file host's base URL, when it listens. */
	filesUrl?: () => string | undefined;
}

const ME = '/api/v2/users/me';

/** Refusals for credentials that are missing or wrong; undefined when the caller may go on. */
function refusal(principal: Principal, spec: RouteSpec, pattern: string): Reply | undefined {
	if (principal.kind === 'rejected') {
		if (principal.scheme === 'oauth') return invalidOAuthToken();
		// A wrong password or API token on /users/me still answers 200 with the anonymous user, as real Zendesk does.
		if ((principal.scheme === 'password' || principal.scheme === 'api-token') && pattern === ME) return undefined;
		return couldNotAuthenticate();
	}
	if (principal.kind === 'anonymous') return spec.access === 'public' ? undefined : couldNotAuthenticate();
	if (spec.access === 'agent' && principal.role === 'end-user') return forbidden();
	if (spec.access === 'admin' && principal.role !== 'admin') return forbidden();
	return undefined;
}

/** Zendesk adds CORS headers only for OAuth requests, and only on 200/201/204/404: a 403 or 429 reaches a browser as an opaque failure. */
function corsHeaders(principal: Principal, status: number): Record<string, string> {
	return principal.kind === 'user' && principal.via === 'oauth' && [200, 201, 204, 404].includes(status) ? { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'X-Rate-Limit, X-Rate-Limit-Remaining, Retry-After' } : {};
}

function faultReply(kind: string, delayMs: number | undefined): Reply | undefined {
	if (kind === 'server-error') return jsonReply(500, { error: 'InternalServerError', description: 'Something went wrong on our side (injected fault).' });
	if (kind === 'unavailable') return { status: 503, headers: { 'Content-Type': 'text/html', 'Retry-After': '1' }, body: { text: '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>' } };
	if (kind === 'rate-limited') return rateLimited('Number of allowed API requests per minute exceeded', Math.max(1, Math.ceil((delayMs ?? 1000) / 1000)));
	if (kind === 'rate-limited-bare') return { ...rateLimited('Number of allowed API requests per minute exceeded', 1), headers: rateLimitedHeaders(kind, delayMs) };
	return undefined;
}

/** What to do with a reply: send it, send half of it, garble it, or act and then drop the connection. */
type Outcome = { reply: ZendeskReply; then: 'send' | 'malformed' | 'garbled' | 'not-json' | 'drop' };

function afterActing(kind: string | undefined): Outcome['then'] {
	if (kind === 'malformed-json') return 'malformed';
	if (kind === 'garbled-json') return 'garbled';
	if (kind === 'not-json') return 'not-json';
	if (kind === 'drop-after') return 'drop';
	return 'send';
}

function plain(reply: ZendeskReply): Outcome {
	return { reply, then: 'send' };
}

async function answer(parts: PipelineParts, req: IncomingMessage, res: ServerResponse, url: URL): Promise<Outcome | undefined> {
	const unknownHost = unknownSubdomain(req.headers.host);
	if (unknownHost) return plain(noHelpDesk(unknownHost));
	const method = (req.method ?? 'GET').toUpperCase();
	const path = url.pathname.replace(/\.json$/, '');
	const match = parts.router.match(method, path);
	if (match.kind === 'not-found') return plain(invalidEndpoint());
	if (match.kind === 'method-not-allowed') return plain(methodNotAllowed(match.allowed));

	const fault = match.handler.faultFree ? undefined : parts.faults.pick(method, url.pathname);
	if (fault?.kind === 'drop-before') {
		dropConnection(res);
		return undefined;
	}
	const injected = fault ? faultReply(fault.kind, fault.delayMs) : undefined;
	if (injected) return plain(injected);
	if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000));

	const account = parts.account();
	const spec = match.handler;
	account.requests.total += 1;
	account.requests.byRoute[match.pattern] = (account.requests.byRoute[match.pattern] ?? 0) + 1;
	const context = { account, method, path, query: url.searchParams, params: match.params, baseUrl: parts.baseUrl(req), filesUrl: parts.filesUrl?.() };
	const then = afterActing(fault?.kind);
	if (parts.downloads.has(match.pattern)) return { reply: spec.handler({ ...context, principal: { kind: 'anonymous' } }), then };

	const principal = authenticate(account, req.headers);
	const refused = refusal(principal, spec, match.pattern);
	if (refused && refused.status === 401) return { reply: refused, then };
	const ticket = parts.limits.takeAccount(spec.counter);
	const headers = accountHeaders(ticket, spec.list === true);
	if (!ticket.allowed) return { reply: withHeaders(rateLimited('Number of allowed API requests per minute exceeded', ticket.resetSeconds), headers), then };
	if (refused) return { reply: withHeaders(refused, headers), then };
	if (spec.endpointLimit) {
		const endpoint = parts.limits.takeEndpoint(spec.endpointLimit);
		Object.assign(headers, endpointHeader(spec.endpointLimit, endpoint));
		if (!endpoint.allowed) return { reply: withHeaders(endpointRefusal(spec.endpointLimit, endpoint), headers), then };
	}
	const reply = spec.handler({ ...context, principal });
	return { reply: withHeaders(reply, { ...headers, ...corsHeaders(principal, reply.status) }), then };
}

function withHeaders<R extends ZendeskReply>(reply: R, headers: Record<string, string>): R {
	return { ...reply, headers: { ...headers, ...reply.headers } };
}

export async function handleApi(parts: PipelineParts, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
	const outcome = await answer(parts, req, res, url);
	if (!outcome) return;
	// A drop-after fault: the request was served (counted, acted on), then the client never hears.
	if (outcome.then === 'drop') {
		dropConnection(res);
		return;
	}
	// A not-json fault: the request was served, and a gateway's HTML page came back in place of the answer.
	if (outcome.then === 'not-json') return send(res, notJsonReply());
	await send(res, outcome.reply, outcome.then === 'send' ? undefined : outcome.then);
}
