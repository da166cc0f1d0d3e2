// One browser request through the proxy: method, origin, target and size judged before anything leaves; then the
// helpdesk's answer streamed back, redirects followed here so credentials never reach another host.
import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
import { accessLine, type LogLine } from './access-log';
import { admitTarget } from './admission';
import type { AllowList } from './allow-list';
import type { OriginPolicy } from './origins';
import type { ResolveHost } from './pinned-agent';
import { proxyErrors, sendProxyError, type ProxyError } from './proxy-errors';
import { MAX_REDIRECTS, nextHop, planRedirect } from './redirects';
import { upstreamHeaders } from './request-headers';
import { ALLOWED_METHODS, answerHeaders, corsHeaders, preflightHeaders, SAFE_ANSWER_HEADERS } from './response-headers';
import { sendHop, type Hop, type UpstreamLimits } from './upstream-request';
import { PROXY_SIGNATURE } from '../../src/lib/engine/proxy-signature';

export interface ProxyContext {
	allowList: AllowList;
	origins: OriginPolicy;
	resolveHost: ResolveHost;
	limits: UpstreamLimits;
	log?: LogLine;
}

const USAGE =
	`${PROXY_SIGNATURE} Put the full address of a helpdesk API after it, e.g. /https://acme.kayako.com/api/v1/me.json\n`;

function hasBody(req: IncomingMessage): boolean {
	return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/** Streams the helpdesk's answer to the browser; a target that dies mid-body cuts our side too, so the browser sees it broken. */
function relay(response: IncomingMessage, upstream: ClientRequest, res: ServerResponse, origin: string | undefined, hop: Hop): void {
	try {
		res.writeHead(response.statusCode ?? 502, answerHeaders(response.headers, origin));
	} catch {
		// A header Node will not repeat (bad characters): the answer cannot be passed on faithfully.
		response.destroy();
		upstream.destroy();
		sendProxyError(res, proxyErrors.reset(hop.target.display), origin);
		return;
	}
	if (hop.method === 'HEAD') {
		response.resume();
		res.end();
		return;
	}
	response.on('error', () => res.destroy());
	response.once('close', () => {
		if (!response.complete) res.destroy();
	});
	response.pipe(res);
}

export function createRequestHandler(context: ProxyContext): (req: IncomingMessage, res: ServerResponse) => void {
	const { allowList, origins, resolveHost, limits, log } = context;

	return (req, res) => {
		const started = performance.now();
		let loggedHost: string | undefined;
		// Method and host only: paths and queries carry attachment tokens and API keys.
		if (log) res.once('close', () => log(accessLine(req.method, loggedHost, res.statusCode, performance.now() - started)));
		let upstream: ClientRequest | undefined;
		res.once('close', () => {
			if (!res.writableFinished) upstream?.destroy();
		});
		req.on('error', () => upstream?.destroy());
		res.on('error', () => upstream?.destroy());

		const refuse = (error: ProxyError, origin?: string) => {
			sendProxyError(res, error, origin);
			req.resume();
		};

		const method = (req.method ?? '').toUpperCase();
		if (!ALLOWED_METHODS.includes(method)) return refuse(proxyErrors.methodNotAllowed(method));
		const verdict = origins.judge(req.headers);
		// No CORS headers: a page of a refused origin learns nothing, not even the reason.
		if (!verdict.ok) return refuse(proxyErrors.originNotAllowed(verdict.origin));
		const origin = verdict.origin;
		// Preflights carry no credentials and reach no helpdesk.
		if (method === 'OPTIONS') {
			res.writeHead(200, preflightHeaders(origin, req.headers));
			res.end();
			req.resume();
			return;
		}
		if (req.url === '/' || req.url === '') {
			res.writeHead(200, { ...SAFE_ANSWER_HEADERS, ...corsHeaders(origin), 'Content-Type': 'text/plain; charset=utf-8' });
			res.end(USAGE);
			return;
		}
		if (Number(req.headers['content-length'] ?? 0) > limits.maxBodyBytes) {
			// Reading a body we refuse would cost as much as forwarding it: answer, then close.
			res.shouldKeepAlive = false;
			return refuse(proxyErrors.bodyTooLarge(limits.maxBodyBytes), origin);
		}

		const forward = async () => {
			const admission = await admitTarget(req.url ?? '/', allowList, resolveHost);
			loggedHost = admission.target?.display;
			if (!admission.ok) return refuse(admission.error, origin);
			let hop: Hop = { target: admission.target, addresses: admission.addresses, method, headers: upstreamHeaders(req.headers), body: hasBody(req) ? req : null };
			for (let redirects = 0; ; redirects++) {
				// The browser gave up while names were resolved: send nothing on its behalf.
				if (res.destroyed) return;
				const result = await sendHop(hop, limits, (request) => (upstream = request));
				if (!result.ok) return refuse(result.error, origin);
				const { response, request } = result;
				const plan = planRedirect(response.statusCode ?? 0, response.headers.location, hop);
				if (plan.kind !== 'follow') return relay(response, request, res, origin, hop);
				response.resume();
				if (hop.body) {
					// The client's body went to a hop that answered with a redirect; the next hop is a GET without it.
					hop.body.unpipe();
					hop.body.resume();
					request.destroy();
				}
				if (redirects >= MAX_REDIRECTS) return refuse(proxyErrors.tooManyRedirects(admission.target.display, MAX_REDIRECTS), origin);
				const next = await admitTarget(`/${plan.url.href}`, allowList, resolveHost);
				if (!next.ok) return refuse(proxyErrors.redirectNotAllowed(hop.target.display, next.target?.display ?? plan.url.host), origin);
				hop = nextHop(hop, plan, next.target, next.addresses);
			}
		};
		forward().catch(() => refuse(proxyErrors.badRequest(), origin));
	};
}
