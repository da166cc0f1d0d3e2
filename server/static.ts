// Serves the built app (build/) for self-hosting: SPA fallback to index.html, under an optional base path, with cache headers that fit SvelteKit's output and the app's security headers on every answer.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import sirv from 'sirv';
import { setSecurityHeaders } from './security-headers';
import { closeServer, listen, type Listening } from './start/listen';

export interface StaticServerOptions {
	/** The adapter-static output, e.g. 'build'. */
	dir: string;
	/** '' to serve at the root, or the BASE_PATH the app was built with, e.g. '/migrate'. */
	basePath?: string;
	/** Served as `app-config.json` beside index.html: what this installation suggests (the proxy address, sandboxes). */
	appConfig?: () => unknown;
}

export interface StaticServer {
	listen(port: number, host?: string): Promise<Listening>;
	close(): Promise<void>;
}

/** Hashed file names never change content; everything else must be revalidated so a new release shows up. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';

export function normaliseBasePath(basePath: string | undefined): string {
	const trimmed = (basePath ?? '').trim().replace(/\/+$/, '');
	if (trimmed === '') return '';
	if (!/^\/[A-Za-z0-9._~/-]*$/.test(trimmed)) throw new Error(`The base path "${basePath}" must look like /migrate.`);
	return trimmed;
}

function answer(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
	setSecurityHeaders(res);
	res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': REVALIDATE_CACHE, ...headers });
	res.end(text);
}

export function createStaticServer(options: StaticServerOptions): StaticServer {
	const basePath = normaliseBasePath(options.basePath);
	const serveFile = sirv(resolve(options.dir), {
		etag: true,
		// Unknown routes are the wizard's deep links: they get the shell, with 200.
		single: true,
		// A missing asset must stay a 404, or the browser would run index.html as a script.
		ignores: ['^/_app/'],
		setHeaders(res, pathname) {
			res.setHeader('Cache-Control', pathname.startsWith('/_app/immutable/') ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
			setSecurityHeaders(res, pathname);
		},
		onNoMatch: (_req, res) => answer(res, 404, 'Not found.\n')
	});

	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, 'Only GET and HEAD.\n', { Allow: 'GET, HEAD' });
		const url = new URL(req.url ?? '/', 'http://static');
		if (basePath) {
			// The app's links all start with the base path; bare "/" and "/migrate" are typed by people.
			if (url.pathname === '/' || url.pathname === basePath) {
				return answer(res, 301, `Moved to ${basePath}/\n`, { Location: `${basePath}/${url.search}` });
			}
			if (!url.pathname.startsWith(`${basePath}/`)) return answer(res, 404, `Not found. The app lives under ${basePath}/.\n`);
			req.url = `${url.pathname.slice(basePath.length)}${url.search}`;
		}
		if (options.appConfig && req.url?.split('?')[0] === '/app-config.json') {
			return answer(res, 200, JSON.stringify(options.appConfig()), { 'Content-Type': 'application/json; charset=utf-8' });
		}
		serveFile(req, res);
	});

	return {
		listen: (port, host = '127.0.0.1') => listen(server, port, host),
		close: () => closeServer(server)
	};
}
