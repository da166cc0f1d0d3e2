// The retry policy: what may be sent again, when, and what it becomes when it may not. Nothing that may have run is resent blindly.
import type { ErrorKind } from '../errors';
import type { FetchFailure } from './fetch-failure';

/** One failed attempt, described by what it allows. */
export interface Trouble {
	/** The error kind if we stop here. */
	kind: ErrorKind;
	/**
	 * `any`: the server surely did not carry the request out (429, refused connection), so any method may be resent.
	 * `idempotent`: it may have; only requests that are harmless twice may be resent, the others end as `unknown-outcome`.
	 * `none`: resending cannot help.
	 */
	resend: 'any' | 'idempotent' | 'none';
	/** A sign the server is overloaded: the host's concurrency is halved. */
	overload: boolean;
	retryAfterMs?: number;
	/** The computer is offline: the request never left; wait for the network, then send it again, however long that takes. */
	offline?: boolean;
}

export interface RetryPolicy {
	maxRetries: number;
	maxRetryAfterMs: number;
	baseBackoffMs: number;
	maxBackoffMs: number;
	random: () => number;
}

export interface Attempted {
	idempotent: boolean;
	/** False for a streamed body, which cannot be read twice. */
	replayable: boolean;
	retriesSoFar: number;
}

export type Decision = { retry: true; delayMs: number; reason: 'retry-after' | 'backoff' } | { retry: false; kind: ErrorKind };

export function decide(trouble: Trouble, attempt: Attempted, policy: RetryPolicy): Decision {
	if (trouble.resend === 'none') return { retry: false, kind: trouble.kind };
	if (trouble.resend === 'idempotent' && !attempt.idempotent) return { retry: false, kind: 'unknown-outcome' };
	if (!attempt.replayable || attempt.retriesSoFar >= policy.maxRetries) return { retry: false, kind: trouble.kind };
	if (trouble.retryAfterMs !== undefined) {
		if (trouble.retryAfterMs > policy.maxRetryAfterMs) return { retry: false, kind: trouble.kind };
		return { retry: true, delayMs: trouble.retryAfterMs, reason: 'retry-after' };
	}
	return { retry: true, delayMs: backoffDelay(attempt.retriesSoFar, policy), reason: 'backoff' };
}

/** Exponential, capped, with "equal jitter": half the step fixed, half random, so clients do not retry in lockstep. */
export function backoffDelay(retriesSoFar: number, policy: Pick<RetryPolicy, 'baseBackoffMs' | 'maxBackoffMs' | 'random'>): number {
	const step = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** retriesSoFar);
	return Math.round(step / 2 + policy.random() * (step / 2));
}

/** A helpdesk's answer with an error status. */
export function troubleFromStatus(status: number, retryAfterMs: number | undefined): Trouble {
	const withRetryAfter = retryAfterMs === undefined ? {} : { retryAfterMs };
	if (status === 429) return { kind: 'rate-limited', resend: 'any', overload: true, ...withRetryAfter };
	// A 408 means the server stopped waiting for our request before acting on it.
	if (status === 408) return { kind: 'timeout', resend: 'any', overload: true };
	// A 503 with Retry-After is the server saying "not now": it turned the request away.
	if (status === 503 && retryAfterMs !== undefined) return { kind: 'server-error', resend: 'any', overload: true, retryAfterMs };
	if (status === 501 || status === 505) return { kind: 'server-error', resend: 'none', overload: false };
	if (status >= 500) return { kind: 'server-error', resend: 'idempotent', overload: true };
	return { kind: kindOfStatus(status), resend: 'none', overload: false };
}

/** An answer marked with `X-Proxy-Error`: the proxy speaks, not the helpdesk. */
export function troubleFromProxy(code: string): Trouble {
	switch (code) {
		case 'host-not-allowed':
			return { kind: 'proxy-refused', resend: 'none', overload: false };
		case 'target-unreachable':
			return { kind: 'network', resend: 'any', overload: false };
		case 'target-reset':
			return { kind: 'network', resend: 'idempotent', overload: true };
		case 'target-timeout':
			return { kind: 'timeout', resend: 'idempotent', overload: true };
		case 'bad-target':
			return { kind: 'invalid-input', resend: 'none', overload: false };
		case 'body-too-large':
			return { kind: 'too-large', resend: 'none', overload: false };
		// The proxy refused this page's origin, the method or a malformed request: it sent nothing, and never will.
		case 'origin-not-allowed':
			return { kind: 'proxy-refused', resend: 'none', overload: false };
		case 'method-not-allowed':
		case 'bad-request':
			return { kind: 'invalid-request', resend: 'none', overload: false };
		// A redirect chain too long or leading off the allow-list: sending again walks the same chain.
		case 'too-many-redirects':
			return { kind: 'network', resend: 'none', overload: false };
		default:
			// A code this client does not know: assume the worst about whether the request ran.
			return { kind: 'network', resend: 'idempotent', overload: false };
	}
}

/** fetch threw before any answer came. */
export function troubleFromFailure(failure: FetchFailure, viaProxy: boolean): Trouble {
	const kind: ErrorKind = viaProxy ? 'proxy-unreachable' : 'network';
	if (failure.offline) return { kind: 'network', resend: failure.sent === 'never' ? 'any' : 'idempotent', overload: false, offline: true };
	if (failure.permanent) return { kind, resend: 'none', overload: false };
	return { kind, resend: failure.sent === 'never' ? 'any' : 'idempotent', overload: failure.sent === 'maybe' };
}

export const timeoutTrouble: Trouble = { kind: 'timeout', resend: 'idempotent', overload: true };

/** The answer's status came, then the connection dropped while its body was read. */
export const truncatedBodyTrouble: Trouble = { kind: 'network', resend: 'idempotent', overload: false };

/**
 * A success status whose JSON did not parse (cut off, or garbled on the way). The server may have acted, so only a
 * request that is harmless twice is sent again; a create becomes `unknown-outcome`.
 */
export const malformedBodyTrouble: Trouble = { kind: 'malformed-response', resend: 'idempotent', overload: false };

export function kindOfStatus(status: number): ErrorKind {
	if (status === 401) return 'auth-failed';
	if (status === 403) return 'forbidden';
	if (status === 404) return 'not-found';
	if (status === 408) return 'timeout';
	if (status === 413) return 'too-large';
	if (status === 429) return 'rate-limited';
	if (status >= 500) return 'server-error';
	return 'invalid-request';
}
