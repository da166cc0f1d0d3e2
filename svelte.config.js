// SvelteKit configuration: a static single-page app that can live under any sub-path.
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { PAGE_POLICY } from './server/security-policy.js';

// BASE_PATH lets an intranet host serve the app from e.g. /migrate instead of /.
const base = (process.env.BASE_PATH ?? '').replace(/\/$/, '');

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
		paths: { base, relative: true },
		// The page's Content-Security-Policy, written into index.html as a meta tag with the hash of SvelteKit's inline
		// bootstrap; the servers send the header half (frame-ancestors and the rest), see server/security-policy.js.
		csp: { mode: 'hash', directives: PAGE_POLICY }
	}
};

export default config;
