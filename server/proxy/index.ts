// The CORS proxy: cors-anywhere in front of the helpdesk APIs, with a host allow-list and errors the engine can read.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { closeServer, listen, type Listening } from '../start/listen';
import { accessLine, toLogLine, type LogLine } from './access-log';
import { admitTarget } from './admission';
import { ALLOW_HOSTS_VARIABLE, createAllowList, splitHostList } from './allow-list';
import { createCorsAnywhere } from './http-proxy-instance';
import { resolveWithSystemDns, type ResolveHost } from './pinned-agent';
import { proxyErrors, sendProxyError } from './proxy-errors';
import type { RequestState } from './request-state';
import { hookUpstream } from './upstream-hooks';

export { DEFAULT_ALLOWED_HOSTS, ALLOW_HOSTS_VARIABLE } from './allow-list';
export { EXPOSED_HEADERS } from './exposed-headers';
export type { ProxyErrorCode } from './proxy-errors';

export interface CorsProxyOptions {
	/** Hosts allowed on top of the helpdesks' domains: "host", "host:port", "*.domain". Exact entries may be private addresses. */
	allowHosts?: readonly string[];
	/** Where PROXY_ALLOW_HOSTS is read from; process.env unless given. */
	env?: Readonly<Record<string, string | undefined>>;
	/** Largest request body forwarded, in bytes; attachments make this generous. */
	maxBodyBytes?: number;
	/** Silence from a connected helpdesk before answering target-timeout. */
	timeoutMs?: number;
	connectTimeoutMs?: number;
	/** One line per request (method, host, status, ms); true logs to the console. */
	log?: boolean | LogLine;
	/** Name resolution; the system's DNS unless given. */
	resolveHost?: ResolveHost;
}

export interface CorsProxy {
	listen(port: number, host?: string): Promise<Listening>;
	close(): Promise<void>;
	/** The allow-list in force, for the start-up banner. */
	allowedHosts(): string[];
}

export const PROXY_DEFAULTS = {
	maxBodyBytes: 100 * 1024 * 1024,
	// Kayako's bulk import of 200 cases can take minutes; a front proxy (nginx) must wait longer than this.
	timeoutMs: 300_000,
	connectTimeoutMs: 15_000
} as const;

const USAGE =
	'This is the CORS proxy of the Kayako migration tool. Put the full address of a helpdesk API after it, e.g. /https://acme.kayako.com/api/v1/me.json\n';

function forwardedPrefix(req: IncomingMessage): string | undefined {
	const value = req.headers['x-forwarded-prefix'];
	if (typeof value !== 'string' || !/^\/[A-Za-z0-9._~/-]*$/.test(value)) return undefined;
	return value.replace(/\/+$/, '') || undefined;
}

export function createCorsProxy(options: CorsProxyOptions = {}): CorsProxy {
	const env = options.env ?? process.env;
	const allowList = createAllowList([...splitHostList(env[ALLOW_HOSTS_VARIABLE]), ...(options.allowHosts ?? [])]);
	const resolveHost = options.resolveHost ?? resolveWithSystemDns;
	const maxBodyBytes = options.maxBodyBytes ?? PROXY_DEFAULTS.maxBodyBytes;
	const log = toLogLine(options.log);
	const states = new WeakMap<IncomingMessage, RequestState>();

	const { server, proxy } = createCorsAnywhere({
		// The browser follows redirects itself, back through this proxy, so each hop meets the allow-list.
		maxRedirects: 0,
		// Never through HTTP(S)_PROXY: the connection must go to the address that was judged.
		getProxyForUrl: () => '',
		originWhitelist: [],
		requireHeader: [],
		removeHeaders: ['cookie', 'cookie2', 'x-forwarded-prefix'],
		corsMaxAge: 600
	});
	hookUpstream(proxy, states, {
		timeoutMs: options.timeoutMs ?? PROXY_DEFAULTS.timeoutMs,
		connectTimeoutMs: options.connectTimeoutMs ?? PROXY_DEFAULTS.connectTimeoutMs,
		maxBodyBytes
	});

	const corsAnywhereHandlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
	const corsAnywhere = corsAnywhereHandlers[0];
	if (!corsAnywhere || corsAnywhereHandlers.length !== 1) throw new Error('cors-anywhere did not install exactly one request handler.');
	server.removeAllListeners('request');

	const refuse = (req: IncomingMessage, res: ServerResponse, error: Parameters<typeof sendProxyError>[1]) => {
		sendProxyError(res, error);
		req.resume();
	};

	server.on('request', (req: IncomingMessage, res: ServerResponse) => {
		const started = performance.now();
		const state: RequestState = { connected: false, timedOut: false };
		states.set(req, state);
		if (log) res.once('close', () => log(accessLine(req.method, state.target?.display, res.statusCode, performance.now() - started)));

		// Preflights carry no credentials and reach no helpdesk: cors-anywhere answers them for any target.
		if (req.method === 'OPTIONS') return corsAnywhere(req, res);
		if (req.url === '/' || req.url === '') {
			res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Access-Control-Allow-Origin': '*' });
			res.end(USAGE);
			return;
		}
		if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) {
			// Reading a body we refuse would cost as much as forwarding it: answer, then close.
			res.shouldKeepAlive = false;
			return refuse(req, res, proxyErrors.bodyTooLarge(maxBodyBytes));
		}
		admitTarget(req.url ?? '/', allowList, resolveHost).then(
			(admission) => {
				state.target = admission.target;
				if (!admission.ok) return refuse(req, res, admission.error);
				state.addresses = admission.addresses;
				state.forwardedPrefix = forwardedPrefix(req);
				corsAnywhere(req, res);
			},
			() => refuse(req, res, proxyErrors.badTarget())
		);
	});

	return {
		listen: (port, host = '127.0.0.1') => listen(server, port, host),
		close: () => closeServer(server),
		allowedHosts: () => allowList.entries()
	};
}
