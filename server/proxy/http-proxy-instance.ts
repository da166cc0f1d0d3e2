// cors-anywhere with its http-proxy instance in hand, so the CORS proxy can hook connections, responses and errors.
import { createServer as createCorsAnywhereServer, type CorsAnywhereOptions } from 'cors-anywhere';
import type { ProxyServer } from 'http-proxy';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';

interface HttpProxyModule {
	createServer: (options?: Record<string, unknown>) => ProxyServer;
}

const requireHere = createRequire(import.meta.url);
// The very module instance cors-anywhere uses: resolved from cors-anywhere's own folder.
const httpProxy = createRequire(requireHere.resolve('cors-anywhere'))('http-proxy') as HttpProxyModule;

export interface CorsAnywhere {
	server: Server;
	proxy: ProxyServer;
}

/**
 * cors-anywhere keeps its http-proxy instance private and answers every proxy error with a 404.
 * It creates that instance through http-proxy's createServer, synchronously, so wrapping that
 * function for the duration of the call hands us the instance to hook.
 */
export function createCorsAnywhere(options: CorsAnywhereOptions): CorsAnywhere {
	const original = httpProxy.createServer;
	let proxy: ProxyServer | undefined;
	httpProxy.createServer = (proxyOptions) => {
		proxy = original(proxyOptions);
		return proxy;
	};
	let server: Server;
	try {
		server = createCorsAnywhereServer(options);
	} finally {
		httpProxy.createServer = original;
	}
	if (!proxy) throw new Error('cors-anywhere no longer creates its proxy through http-proxy.createServer; check its version (0.4.4 expected).');
	return { server, proxy };
}
