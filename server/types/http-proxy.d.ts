// Types for http-proxy 1.11.1 (cors-anywhere's engine): the events and the one method the CORS proxy hooks.
declare module 'http-proxy' {
	import type { Agent, ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
	import type { Url } from 'node:url';

	export interface ProxyWebOptions {
		target: Url;
		agent?: Agent | false;
		[option: string]: unknown;
	}

	export interface ProxyServer {
		web(req: IncomingMessage, res: ServerResponse, options: ProxyWebOptions): void;
		on(event: 'error', listener: (error: NodeJS.ErrnoException, req: IncomingMessage, res: ServerResponse) => void): this;
		on(event: 'proxyReq', listener: (proxyReq: ClientRequest, req: IncomingMessage, res: ServerResponse) => void): this;
		on(event: 'proxyRes', listener: (proxyRes: IncomingMessage, req: IncomingMessage, res: ServerResponse) => void): this;
		removeAllListeners(event: 'error'): this;
	}

	export function createServer(options?: Record<string, unknown>): ProxyServer;
}
