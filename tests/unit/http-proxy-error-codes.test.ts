// Every code the proxy can answer with maps to a trouble the client understands; none of the proxy's refusals is retried.
import { describe, expect, it } from 'vitest';
import { PROXY_ERROR_STATUS, proxyErrors } from '../../server/proxy/proxy-errors';
import { troubleFromProxy } from '../../src/lib/engine/http/retry';

describe("the proxy's error codes", () => {
	it('are each known to the client, so none falls into the guess for unknown codes', () => {
		const unknown = troubleFromProxy('a-code-from-a-newer-proxy');
		for (const code of Object.keys(PROXY_ERROR_STATUS)) expect(troubleFromProxy(code), code).not.toEqual(unknown);
	});

	it('are never sent again when the proxy refused before sending anything', () => {
		for (const code of ['host-not-allowed', 'origin-not-allowed', 'method-not-allowed', 'bad-request', 'bad-target', 'body-too-large', 'too-many-redirects']) {
			expect(troubleFromProxy(code).resend, code).toBe('none');
		}
	});

	it("name the proxy's body limit in words that fit its size: a small one is not \"0 MB\"", () => {
		expect(proxyErrors.bodyTooLarge(4 * 1024).message).toContain('limit of 4 KB');
		expect(proxyErrors.bodyTooLarge(2.5 * 1024 * 1024).message).toContain('limit of 2.5 MB');
		expect(proxyErrors.bodyTooLarge(40 * 1024 * 1024).message).toContain('limit of 40 MB');
	});
});
