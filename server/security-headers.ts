// The security headers every response of the app's origin carries, for the servers: `npm start`'s static server
// sends them, deploy/nginx.conf repeats them (tests/integration/app-security-headers.test.ts compares the two).
// The policy itself lives in security-policy.js, which svelte.config.js reads too.
import {
	HEADER_POLICY,
	PAGE_POLICY,
	SCRIPT_HEADER_POLICY,
	SCRIPT_SECURITY_HEADERS as SCRIPT_HEADERS,
	SECURITY_HEADERS as HEADERS,
	serializePolicy
} from './security-policy.js';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = HEADERS;
export const SCRIPT_SECURITY_HEADERS: Readonly<Record<string, string>> = SCRIPT_HEADERS;

export { HEADER_POLICY, PAGE_POLICY, SCRIPT_HEADER_POLICY, serializePolicy };

/** Which set a path of the build gets: the scripts' (under _app/, and the service worker) or the pages'. */
export function securityHeadersFor(pathname: string): Readonly<Record<string, string>> {
	return pathname.startsWith('/_app/') || pathname === '/service-worker.js' ? SCRIPT_SECURITY_HEADERS : SECURITY_HEADERS;
}

/** Sets every security header on a Node response that has not been sent yet; `pathname` is relative to the base path. */
export function setSecurityHeaders(res: { setHeader(name: string, value: string): unknown }, pathname = '/'): void {
	for (const [name, value] of Object.entries(securityHeadersFor(pathname))) res.setHeader(name, value);
}
