// The app's Content-Security-Policy and security headers, in one place: svelte.config.js puts the page policy into the
// built HTML (with the hash of SvelteKit's inline bootstrap), and server/security-headers.ts sends the header half.
// Plain JavaScript because svelte.config.js imports it, and Node loads that file without TypeScript.

/**
 * What the page may load and talk to. Used as SvelteKit's `kit.csp.directives` (mode 'hash'), which adds the
 * sha256 of the inline bootstrap script to script-src and writes the policy into index.html as a meta tag.
 * @type {Record<string, string[]>}
 */
export const PAGE_POLICY = {
	'default-src': ["'self'"],
	// 'self' plus the bootstrap's hash, which SvelteKit adds at build time: no inline script, no eval.
	'script-src': ["'self'"],
	'style-src': ["'self'"],
	// The app's markup carries a few style attributes (app.html's `display: contents`); they cannot run script.
	'style-src-attr': ["'unsafe-inline'"],
	// The app shows no remote image: helpdesk HTML is never rendered here, only sent on (sanitized) to Kayako.
	'img-src': ["'self'", 'data:'],
	'font-src': ["'self'"],
	// The proxy's address, and the helpdesks the engine talks to, are typed in by the user at run time (an intranet
	// proxy at http://10.0.0.5:8090, a Kayako at https://acme.kayako.com): no list fixed at build time can name them.
	// So any http(s) origin may be fetched, while nothing else (ws:, data:, blob:, file:) may. What guards the
	// passwords from a hostile page is script-src: no script but ours runs here, so no script of theirs can fetch.
	'connect-src': ["'self'", 'http:', 'https:'],
	// The engine's Web Worker and the service worker: same-origin files only.
	'worker-src': ["'self'"],
	'manifest-src': ["'self'"],
	'media-src': ["'none'"],
	'object-src': ["'none'"],
	'frame-src': ["'none'"],
	'base-uri': ["'none'"],
	'form-action': ["'none'"]
};

/**
 * Directives a meta tag cannot carry (frame-ancestors), and the page policy's directives that need no hash, for the
 * HTTP header of the pages. Both policies are enforced, so the header repeats everything but default-src and the
 * script and style directives: those may need the build's hashes, and the meta tag enforces them.
 * @type {Record<string, string[]>}
 */
export const HEADER_POLICY = {
	...Object.fromEntries(Object.entries(PAGE_POLICY).filter(([name]) => !['default-src', 'script-src', 'style-src', 'style-src-attr'].includes(name))),
	'frame-ancestors': ["'none'"]
};

/**
 * For the files that run as scripts of their own (the engine's Web Worker, the service worker): a worker takes its
 * policy from its script's response, not from the page, and has no inline code, so it gets script-src 'self' outright.
 * @type {Record<string, string[]>}
 */
export const SCRIPT_HEADER_POLICY = {
	'default-src': ["'self'"],
	'script-src': ["'self'"],
	...HEADER_POLICY
};

/** @param {Record<string, string[]>} policy */
export function serializePolicy(policy) {
	return Object.entries(policy)
		.map(([name, values]) => `${name} ${values.join(' ')}`)
		.join('; ');
}

/**
 * Every response of the app's origin carries these, from `npm start`'s static server and from the nginx recipe alike:
 * the pages (index.html and its fallback for deep links) and everything not under _app/.
 * @type {Readonly<Record<string, string>>}
 */
export const SECURITY_HEADERS = Object.freeze({
	'Content-Security-Policy': serializePolicy(HEADER_POLICY),
	'Referrer-Policy': 'no-referrer',
	'X-Content-Type-Options': 'nosniff'
});

/**
 * The same for the build's scripts (everything under _app/, and service-worker.js), with script-src 'self' for the
 * workers they start.
 * @type {Readonly<Record<string, string>>}
 */
export const SCRIPT_SECURITY_HEADERS = Object.freeze({
	...SECURITY_HEADERS,
	'Content-Security-Policy': serializePolicy(SCRIPT_HEADER_POLICY)
});
