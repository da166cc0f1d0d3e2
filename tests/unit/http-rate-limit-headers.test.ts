import { describe, expect, it } from 'vitest';
import { parseRetryAfter, readRateLimit } from '../../src/lib/engine/http';

const now = 1_000_000;

describe('reading rate-limit headers', () => {
	it('reads Kayako-style X-RateLimit headers with a reset in seconds', () => {
		const headers = new Headers({ 'X-RateLimit-Limit': '600', 'X-RateLimit-Remaining': '42', 'X-RateLimit-Reset': '17' });
		expect(readRateLimit(headers, now)).toEqual({ limit: 600, remaining: 42, resetAt: now + 17_000 });
	});

	it('reads a reset given as an epoch time against the answer\'s own Date header', () => {
		const serverTime = Date.UTC(2024, 0, 1, 12, 0, 0);
		const headers = new Headers({
			'X-RateLimit-Limit': '100',
			'X-RateLimit-Remaining': '5',
			'X-RateLimit-Reset': String(serverTime / 1000 + 30),
			Date: new Date(serverTime).toUTCString()
		});
		expect(readRateLimit(headers, now).resetAt).toBe(now + 30_000);
	});

	it('reads Freshdesk\'s total, remaining and the cost of the current request', () => {
		const headers = new Headers({ 'X-RateLimit-Total': '200', 'X-RateLimit-Remaining': '150', 'X-RateLimit-Used-CurrentRequest': '1' });
		expect(readRateLimit(headers, now)).toEqual({ limit: 200, remaining: 150, cost: 1 });
	});

	it('takes the tighter of Zendesk\'s account-wide and endpoint headers', () => {
		const headers = new Headers({ 'X-Rate-Limit': '700', 'X-Rate-Limit-Remaining': '650', 'ratelimit-limit': '100', 'ratelimit-remaining': '3', 'ratelimit-reset': '41' });
		expect(readRateLimit(headers, now)).toEqual({ limit: 100, remaining: 3, resetAt: now + 41_000 });
	});

	it('reads Help Scout\'s per-minute headers and its own retry-after', () => {
		const headers = new Headers({ 'X-RateLimit-Limit-Minute': '400', 'X-RateLimit-Remaining-Minute': '0', 'X-RateLimit-Retry-After': '12' });
		expect(readRateLimit(headers, now)).toEqual({ limit: 400, remaining: 0, resetAt: now + 12_000, retryAfterMs: 12_000 });
	});

	it('reads the IETF structured RateLimit header', () => {
		expect(readRateLimit(new Headers({ RateLimit: 'limit=100, remaining=7, reset=20' }), now)).toEqual({ limit: 100, remaining: 7, resetAt: now + 20_000 });
	});

	it('returns nothing when the answer carries no rate-limit headers', () => {
		expect(readRateLimit(new Headers({ 'Content-Type': 'application/json' }), now)).toEqual({});
	});
});

describe('Retry-After', () => {
	it('reads seconds', () => {
		expect(parseRetryAfter('3', now)).toBe(3_000);
		expect(readRateLimit(new Headers({ 'retry-after': '120' }), now)).toEqual({ retryAfterMs: 120_000 });
	});

	it('reads an HTTP date relative to the answer\'s Date header', () => {
		const serverTime = Date.UTC(2024, 5, 1, 8, 0, 0);
		const headers = new Headers({ 'Retry-After': new Date(serverTime + 45_000).toUTCString(), Date: new Date(serverTime).toUTCString() });
		expect(readRateLimit(headers, now).retryAfterMs).toBe(45_000);
	});

	it('never asks for a negative wait, and ignores what is neither seconds nor a date', () => {
		expect(parseRetryAfter('Mon, 01 Jan 2001 00:00:00 GMT', Date.UTC(2024, 0, 1))).toBe(0);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter('-5', now)).toBeUndefined();
	});
});
