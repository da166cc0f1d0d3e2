// The security headers every response of the app's origin carries, for the servers: `npm start`'s static server
// sends them, deploy/nginx.conf repeats them (tests/integration/app-security-headers.test.ts compares the two).
// The policy itself lives in security-policy.js, which svelte.config.js reads too.
import { HEADER_POLICY, PAGE_POLICY, SECURITY_HEADERS as HEADERS, serializePolicy } from './security-policy.js';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = HEADERS;

export { HEADER_POLICY, PAGE_POLICY, serializePolicy };

/** Sets every security header on a Node response that has not been sent yet. */
export function setSecurityHeaders(res: { setHeader(name: string, value: string): unknown }): void {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}
