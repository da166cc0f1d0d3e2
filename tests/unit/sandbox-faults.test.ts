// The sandboxes' fault injector: every kind is accepted, probability rules are deterministic per seed and independent of request order.
import { describe, expect, it } from 'vitest';
import { createFaultInjector, FAULT_KINDS, FaultRuleError } from '../../server/sandbox/common/faults';
import { garbledBytes, truncatedBytes } from '../../server/sandbox/common/mangle';

const REQUESTS = Array.from({ length: 60 }, (_, index) => ({ method: index % 3 === 0 ? 'POST' : 'GET', path: `/cases/${index % 7}/posts` }));

function firedOn(seed: number, order: typeof REQUESTS): string[] {
	const injector = createFaultInjector(seed);
	injector.set([{ kind: 'server-error', probability: 0.3 }]);
	const hits = new Map<string, number[]>();
	const asked = new Map<string, number>();
	for (const request of order) {
		const key = `${request.method} ${request.path}`;
		const nth = asked.get(key) ?? 0;
		asked.set(key, nth + 1);
		if (injector.pick(request.method, request.path)) hits.set(key, [...(hits.get(key) ?? []), nth]);
	}
	return [...hits.entries()].map(([key, list]) => `${key} #${list.join(',')}`).sort();
}

describe('the sandbox fault injector', () => {
	it('accepts every documented kind, including 429 without Retry-After, garbled and non-JSON bodies and an expired session', () => {
		const injector = createFaultInjector(1);
		for (const kind of ['rate-limited-bare', 'garbled-json', 'not-json', 'session-expired', 'malformed-json', 'drop-before', 'drop-after', 'slow']) {
			expect(FAULT_KINDS).toContain(kind);
			expect(() => injector.add({ kind: kind as never, times: 1 })).not.toThrow();
		}
		expect(() => injector.add({ kind: 'gremlins' as never })).toThrow(FaultRuleError);
	});

	it('hits the same requests for the same seed, whatever order they arrive in', () => {
		const first = firedOn(11, REQUESTS);
		expect(first.length).toBeGreaterThan(0);
		expect(firedOn(11, [...REQUESTS].reverse().sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method)))).toEqual(first);
		expect(firedOn(12, REQUESTS)).not.toEqual(first);
	});

	it('fires each matching rule about as often as its probability says, and counts what fired', () => {
		const injector = createFaultInjector(5);
		injector.set([
			{ kind: 'server-error', probability: 0.1 },
			{ kind: 'garbled-json', probability: 0.1, method: 'GET', path: '/jobs/*' }
		]);
		for (let index = 0; index < 2000; index += 1) injector.pick('GET', `/jobs/${index % 50}`);
		const fired = injector.fired();
		expect(fired['server-error']).toBeGreaterThan(120);
		expect(fired['server-error']).toBeLessThan(280);
		// The second rule only sees what the first let through: about 10 % of 90 %.
		expect(fired['garbled-json']).toBeGreaterThan(100);
		expect(fired['garbled-json']).toBeLessThan(260);
		injector.reseed(5);
		expect(injector.fired()).toEqual({});
	});

	it('spoils a body so that it never parses: cut in half, or garbage spliced into a string', () => {
		const body = Buffer.from(JSON.stringify({ data: { subject: 'a long enough subject to be cut in the middle of a string' } }));
		expect(() => JSON.parse(truncatedBytes(body).toString())).toThrow();
		expect(() => JSON.parse(garbledBytes(body).toString())).toThrow();
		expect(garbledBytes(body).length).toBeGreaterThan(body.length);
	});
});
