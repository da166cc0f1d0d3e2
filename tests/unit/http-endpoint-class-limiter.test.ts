// A limiter per endpoint class: Zendesk's export limit read from its own header, and a 429 holding only whose limit it was.
import { describe, expect, it } from 'vitest';
import { HostLimiter, readRateLimit, type EndpointClass, type Permit } from '../../src/lib/engine/http';
import { ManualClock, settle } from './http-manual-clock';

const now = 1_000_000;
const EXPORTS: EndpointClass = { name: 'incremental-exports', windowHeader: 'zendesk-ratelimit-incremental-exports', withinAccountLimit: true };
const DOWNLOADS: EndpointClass = { name: 'attachment-downloads', withinAccountLimit: false };

function limiters(clock: ManualClock): { api: HostLimiter; exports: HostLimiter; downloads: HostLimiter } {
	const api = new HostLimiter({ host: 'acme.zendesk.com', clock });
	return {
		api,
		exports: new HostLimiter({ host: 'acme.zendesk.com', clock, endpointClass: EXPORTS, hostLimiter: api }),
		downloads: new HostLimiter({ host: 'acme.zendesk.com', clock, endpointClass: DOWNLOADS, hostLimiter: api })
	};
}

/** Whether an acquire is granted without the clock moving. */
async function grantedNow(limiter: HostLimiter): Promise<boolean> {
	let permit: Permit | undefined;
	const controller = new AbortController();
	void limiter.acquire(controller.signal).then(
		(granted) => (permit = granted),
		() => undefined
	);
	await settle();
	controller.abort();
	await settle();
	permit?.release('neutral');
	return permit !== undefined;
}

describe('reading an endpoint limit header', () => {
	it('reads Zendesk\'s export header apart from the account\'s window', () => {
		const headers = new Headers({ 'X-Rate-Limit': '700', 'X-Rate-Limit-Remaining': '650', 'Zendesk-RateLimit-Incremental-Exports': 'total=10; remaining=0; resets=41' });
		expect(readRateLimit(headers, now)).toEqual({
			limit: 700,
			remaining: 650,
			endpoints: { 'zendesk-ratelimit-incremental-exports': { limit: 10, remaining: 0, resetAt: now + 41_000 } }
		});
	});
});

describe('a limiter per endpoint class', () => {
	it('holds the next export until its own window resets when its header says none is left, and the rest of the API goes on', async () => {
		const clock = new ManualClock();
		const { api, exports } = limiters(clock);
		const reading = readRateLimit(new Headers({ 'X-Rate-Limit': '700', 'X-Rate-Limit-Remaining': '690', 'zendesk-ratelimit-incremental-exports': 'total=10; remaining=0; resets=30' }), clock.now());
		(await exports.acquire()).release('success', reading);
		expect(exports.stats()).toMatchObject({ endpointClass: 'incremental-exports', limit: 10, remaining: 0, resetAt: 30_000 });
		// The account's headers in the export's answer are the host's to read.
		expect(api.stats()).toMatchObject({ limit: 700, remaining: 690 });
		expect(await grantedNow(exports)).toBe(false);
		expect(await grantedNow(api)).toBe(true);
		await clock.advance(30_000);
		expect(await grantedNow(exports)).toBe(true);
	});

	it('pauses only the exports after a 429 whose export header says its window is spent', async () => {
		const clock = new ManualClock();
		const { api, exports } = limiters(clock);
		const refusal = readRateLimit(new Headers({ 'X-Rate-Limit': '700', 'X-Rate-Limit-Remaining': '600', 'zendesk-ratelimit-incremental-exports': 'total=10; remaining=0; resets=50', 'Retry-After': '50' }), clock.now());
		exports.pauseAfterRefusal(clock.now() + 50_000, 'retry-after', refusal);
		expect(await grantedNow(exports)).toBe(false);
		expect(await grantedNow(api)).toBe(true);
	});

	it('pauses the whole host, exports included, after a 429 of the account\'s limit', async () => {
		const clock = new ManualClock();
		const { api, exports, downloads } = limiters(clock);
		const refusal = readRateLimit(new Headers({ 'X-Rate-Limit': '700', 'X-Rate-Limit-Remaining': '0', 'Retry-After': '20' }), clock.now());
		exports.pauseAfterRefusal(clock.now() + 20_000, 'retry-after', refusal);
		expect(await grantedNow(api)).toBe(false);
		expect(await grantedNow(exports)).toBe(false);
		// Downloads do not count against the API's limit.
		expect(await grantedNow(downloads)).toBe(true);
		await clock.advance(20_000);
		expect(await grantedNow(exports)).toBe(true);
		expect(await grantedNow(api)).toBe(true);
	});

	it('takes a 429 that names no limit as the account\'s, holding the whole host', async () => {
		const clock = new ManualClock();
		const { api, exports } = limiters(clock);
		exports.pauseAfterRefusal(clock.now() + 5_000, 'retry-after', readRateLimit(new Headers({ 'Retry-After': '5' }), clock.now()));
		expect(await grantedNow(api)).toBe(false);
		expect(await grantedNow(exports)).toBe(false);
	});

	it('counts its requests against the account\'s window', async () => {
		const clock = new ManualClock();
		const { api, exports } = limiters(clock);
		(await api.acquire()).release('success', readRateLimit(new Headers({ 'X-Rate-Limit': '700', 'X-Rate-Limit-Remaining': '5' }), clock.now()));
		const permits = await Promise.all([exports.acquire(), exports.acquire()]);
		expect(api.stats().remaining).toBe(3);
		for (const permit of permits) permit.release('neutral');
	});

	it('keeps a configured ceiling for the whole host, its endpoint classes included', async () => {
		const clock = new ManualClock();
		const api = new HostLimiter({ host: 'acme.zendesk.com', clock, requestsPerMinute: 60 });
		const exports = new HostLimiter({ host: 'acme.zendesk.com', clock, requestsPerMinute: 60, endpointClass: EXPORTS, hostLimiter: api });
		const downloads = new HostLimiter({ host: 'acme.zendesk.com', clock, requestsPerMinute: 60, endpointClass: DOWNLOADS, hostLimiter: api });
		(await api.acquire()).release('success');
		// One a second for the host: neither class may start in the same second as the API's request.
		expect(await grantedNow(exports)).toBe(false);
		expect(await grantedNow(downloads)).toBe(false);
		await clock.advance(1_000);
		expect(await grantedNow(downloads)).toBe(true);
		expect(await grantedNow(exports)).toBe(false);
	});
});
