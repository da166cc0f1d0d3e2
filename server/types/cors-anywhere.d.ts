// Types for cors-anywhere 0.4.4, which ships none: the options this project passes and the server it returns.
declare module 'cors-anywhere' {
	import type { IncomingMessage, Server, ServerResponse } from 'node:http';
	import type { ServerOptions } from 'node:https';
	import type { Url } from 'node:url';

	export interface CorsAnywhereOptions {
		/** Return true when the request was answered here and cors-anywhere must leave it alone. */
		handleInitialRequest?: (req: IncomingMessage, res: ServerResponse, location: Url | null) => boolean;
		/** The upstream proxy to go through for a URL; '' for none. */
		getProxyForUrl?: (url: string) => string;
		maxRedirects?: number;
		originBlacklist?: string[];
		originWhitelist?: string[];
		checkRateLimit?: (origin: string) => string | undefined;
		redirectSameOrigin?: boolean;
		requireHeader?: string | string[] | null;
		removeHeaders?: string[];
		setHeaders?: Record<string, string>;
		corsMaxAge?: number;
		helpFile?: string;
		httpProxyOptions?: Record<string, unknown>;
		httpsOptions?: ServerOptions;
	}

	export function createServer(options?: CorsAnywhereOptions): Server;
}
