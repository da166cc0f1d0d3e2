// What a route handler gets: the account, the caller, the query and the sandbox's own base URL for links.
import type { RouteParams } from '../../common/router';
import type { ZendeskAccount } from '../account';
import type { Principal } from './auth';
import type { EndpointLimit, Counter } from './rate-limits';
import type { ZendeskReply } from './reply';

export interface RequestContext {
	account: ZendeskAccount;
	principal: Principal;
	method: string;
	/** The path without a trailing `.json`, e.g. `/api/v2/tickets/5`. */
	path: string;
	query: URLSearchParams;
	params: RouteParams;
	baseUrl: string;
	/** The file host's base URL (downloads redirect there), when it listens. */
	filesUrl?: string;
}

export type Handler = (context: RequestContext) => ZendeskReply;

export interface RouteSpec {
	handler: Handler;
	/** `public`: no credentials needed (anonymous allowed); `agent`: agents and admins; `admin`: admins only. */
	access: 'public' | 'agent' | 'admin';
	counter: Counter;
	/** List endpoints carry the `ratelimit-*` headers. */
	list?: boolean;
	endpointLimit?: EndpointLimit;
	/** No injected faults on this route: it only redirects, and the hop it sends to takes the faults. */
	faultFree?: boolean;
}

export function numberParam(context: RequestContext, name: string): number | undefined {
	const raw = context.params[name];
	if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
	return Number(raw);
}
