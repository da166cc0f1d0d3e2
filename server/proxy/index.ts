// The CORS proxy: node:http in front of the helpdesk APIs, with host and origin allow-lists and errors the engine can read.
import { createServer } from 'node:http';
import { closeServer, listen, type Listening } from '../start/listen';
import { toLogLine, type LogLine } from './access-log';
import { ALLOW_HOSTS_VARIABLE, createAllowList, splitHostList } from './allow-list';
import { createRequestHandler } from './handle-request';
import { guardAgainstMalformedRequests } from './malformed-requests';
import { ALLOW_ORIGINS_VARIABLE, createOriginPolicy, splitOriginList } from './origins';
import { resolveWithSystemDns, type ResolveHost } from './pinned-agent';

export { DEFAULT_ALLOWED_HOSTS, ALLOW_HOSTS_VARIABLE } from './allow-list';
export { ALLOW_ORIGINS_VARIABLE } from './origins';
export { EXPOSED_HEADERS } from './exposed-headers';
export type { ProxyErrorCode } from './proxy-errors';

export interface CorsProxyOptions {
	/** Hosts allowed on top of the helpdesks' domains: "host", "host:port", "*.domain". Exact entries may be private addresses. */
	allowHosts?: readonly string[];
	/** The app's origins, allowed on top of PROXY_ALLOW_ORIGINS; "*" for any. A request without Origin is a program's, and allowed. */
	allowOrigins?: readonly string[];
	/** Where PROXY_ALLOW_HOSTS and PROXY_ALLOW_ORIGINS are read from; process.env unless given. */
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
	/** The origins whose pages may use the proxy. */
	allowedOrigins(): string[];
}

export const PROXY_DEFAULTS = {
	maxBodyBytes: 100 * 1024 * 1024,
	// Kayako's bulk import of 200 cases can take minutes; a front proxy (nginx) must wait longer than this.
	timeoutMs: 300_000,
	connectTimeoutMs: 15_000
} as const;

export function createCorsProxy(options: CorsProxyOptions = {}): CorsProxy {
	const env = options.env ?? process.env;
	const allowList = createAllowList([...splitHostList(env[ALLOW_HOSTS_VARIABLE]), ...(options.allowHosts ?? [])]);
	const origins = createOriginPolicy([...splitOriginList(env[ALLOW_ORIGINS_VARIABLE]), ...(options.allowOrigins ?? [])]);
	const server = createServer(
		createRequestHandler({
			allowList,
			origins,
			resolveHost: options.resolveHost ?? resolveWithSystemDns,
			limits: {
				timeoutMs: options.timeoutMs ?? PROXY_DEFAULTS.timeoutMs,
				connectTimeoutMs: options.connectTimeoutMs ?? PROXY_DEFAULTS.connectTimeoutMs,
				maxBodyBytes: options.maxBodyBytes ?? PROXY_DEFAULTS.maxBodyBytes
			},
			log: toLogLine(options.log)
		})
	);
	guardAgainstMalformedRequests(server);

	return {
		listen: (port, host = '127.0.0.1') => listen(server, port, host),
		close: () => closeServer(server),
		allowedHosts: () => allowList.entries(),
		allowedOrigins: () => origins.entries()
	};
}
