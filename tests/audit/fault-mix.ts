// The mixed fault rules of the fault suite: every kind the sandboxes have, about 12 % of requests in all, plus the spots that hurt most.
import type { FaultRule } from '../../server/sandbox/common/faults';

/** Each kind's share of all requests; together 12.5 %. */
const EVERY_KIND: FaultRule[] = [
	{ kind: 'server-error', probability: 0.015 },
	{ kind: 'unavailable', probability: 0.01 },
	{ kind: 'rate-limited', probability: 0.01, delayMs: 1000 },
	{ kind: 'rate-limited-bare', probability: 0.01 },
	{ kind: 'drop-before', probability: 0.015 },
	{ kind: 'drop-after', probability: 0.015 },
	{ kind: 'slow', probability: 0.01, delayMs: 40 },
	{ kind: 'malformed-json', probability: 0.015 },
	{ kind: 'garbled-json', probability: 0.01 },
	{ kind: 'not-json', probability: 0.005 },
	{ kind: 'session-expired', probability: 0.01 }
];

/** Kayako: lost bulk answers and garbled job polls (defect 1) and cut answers to uploads, more often than the rest. */
export function kayakoFaults(scale = 1): FaultRule[] {
	return [
		{ kind: 'drop-after', probability: 0.08 * scale, method: 'POST', path: '/bulk/*' },
		{ kind: 'garbled-json', probability: 0.08 * scale, method: 'GET', path: '/jobs/*' },
		{ kind: 'malformed-json', probability: 0.03 * scale, method: 'POST', path: '/files' },
		// Once per start, for sure: a ticket's files now share a request, so uploads are too few for 1 % to meet an expired session.
		{ kind: 'session-expired', times: 1, method: 'POST', path: '/files' },
		...EVERY_KIND.map((rule) => ({ ...rule, probability: (rule.probability ?? 0) * scale }))
	];
}

/** Zendesk: cut attachment downloads (defect 5) more often than the rest; it has no sessions to expire. */
export function zendeskFaults(scale = 1): FaultRule[] {
	return [
		{ kind: 'malformed-json', probability: 0.08 * scale, method: 'GET', path: '/attachments/token/*' },
		...EVERY_KIND.filter((rule) => rule.kind !== 'session-expired').map((rule) => ({ ...rule, probability: (rule.probability ?? 0) * scale }))
	];
}
