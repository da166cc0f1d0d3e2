// Fault injection for the sandbox servers: rules that fail the next N or a share of matching requests, deterministic given a seed.
import { seededRandom, type Random } from './rng';

/**
 * - `server-error`: answer 500 without acting; `unavailable`: 503 without acting;
 * - `rate-limited`: 429 with Retry-After without acting;
 * - `drop-before`: destroy the connection before the server acts (nothing changes);
 * - `drop-after`: act, then destroy the connection instead of answering (the change is made, the client never hears);
 * - `slow`: wait `delayMs`, then act normally;
 * - `malformed-json`: act, then answer a truncated JSON body.
 */
export type FaultKind = 'server-error' | 'unavailable' | 'rate-limited' | 'drop-before' | 'drop-after' | 'slow' | 'malformed-json';

export const FAULT_KINDS: readonly FaultKind[] = ['server-error', 'unavailable', 'rate-limited', 'drop-before', 'drop-after', 'slow', 'malformed-json'];

export interface FaultRule {
	kind: FaultKind;
	/** Fire on this share of matching requests (0..1); with `times` as well, only until `times` have fired. */
	probability?: number;
	/** Fire on the next N matching requests, then retire. Neither this nor `probability`: every matching request. */
	times?: number;
	/** Only this HTTP method (GET, POST ...). */
	method?: string;
	/** Only paths matching this glob (`*` is any run of characters), e.g. `/bulk/*`. */
	path?: string;
	/** For `slow`: how long to wait; for `rate-limited`: the Retry-After in ms (rounded up to seconds). */
	delayMs?: number;
}

export interface FaultInjector {
	set(rules: readonly FaultRule[]): void;
	add(rule: FaultRule): void;
	clear(): void;
	/** The rule that fires for this request, consuming one of its `times`; undefined when none does. */
	pick(method: string, path: string): FaultRule | undefined;
	rules(): FaultRule[];
	/** Restart the random sequence, so the same requests meet the same faults again. */
	reseed(seed: number): void;
}

export class FaultRuleError extends Error {}

function globToRegExp(glob: string): RegExp {
	const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
	return new RegExp(`^${escaped}$`);
}

/** Checks a rule coming from a test or the HTTP control surface; the message says what to fix. */
export function checkFaultRule(value: unknown): FaultRule {
	if (typeof value !== 'object' || value === null) throw new FaultRuleError('A fault rule must be an object like {"kind":"server-error","times":1}.');
	const rule = value as Record<string, unknown>;
	if (!FAULT_KINDS.includes(rule.kind as FaultKind)) throw new FaultRuleError(`Unknown fault kind ${JSON.stringify(rule.kind)}; use one of ${FAULT_KINDS.join(', ')}.`);
	if (rule.probability !== undefined && (typeof rule.probability !== 'number' || rule.probability < 0 || rule.probability > 1)) {
		throw new FaultRuleError('A fault probability must be a number from 0 to 1.');
	}
	if (rule.times !== undefined && (!Number.isInteger(rule.times) || (rule.times as number) < 0)) throw new FaultRuleError('A fault count (times) must be a whole number.');
	if (rule.method !== undefined && typeof rule.method !== 'string') throw new FaultRuleError('A fault method must be a string such as "POST".');
	if (rule.path !== undefined && typeof rule.path !== 'string') throw new FaultRuleError('A fault path must be a glob string such as "/bulk/*".');
	if (rule.delayMs !== undefined && (typeof rule.delayMs !== 'number' || rule.delayMs < 0)) throw new FaultRuleError('A fault delay (delayMs) must be a positive number.');
	return {
		kind: rule.kind as FaultKind,
		...(rule.probability !== undefined && { probability: rule.probability as number }),
		...(rule.times !== undefined && { times: rule.times as number }),
		...(rule.method !== undefined && { method: (rule.method as string).toUpperCase() }),
		...(rule.path !== undefined && { path: rule.path as string }),
		...(rule.delayMs !== undefined && { delayMs: rule.delayMs as number })
	};
}

export function createFaultInjector(seed: number): FaultInjector {
	let random: Random = seededRandom(seed);
	let active: { rule: FaultRule; pattern: RegExp | undefined; left: number | undefined }[] = [];

	const injector: FaultInjector = {
		set(rules) {
			active = [];
			for (const rule of rules) injector.add(rule);
		},
		add(rule) {
			const checked = checkFaultRule(rule);
			active.push({ rule: checked, pattern: checked.path === undefined ? undefined : globToRegExp(checked.path), left: checked.times });
		},
		clear() {
			active = [];
		},
		pick(method, path) {
			for (const entry of active) {
				if (entry.left !== undefined && entry.left <= 0) continue;
				if (entry.rule.method !== undefined && entry.rule.method !== method.toUpperCase()) continue;
				if (entry.pattern && !entry.pattern.test(path)) continue;
				if (entry.rule.probability !== undefined && random() >= entry.rule.probability) continue;
				if (entry.left !== undefined) entry.left -= 1;
				return entry.rule;
			}
			return undefined;
		},
		rules: () => active.filter((entry) => entry.left === undefined || entry.left > 0).map((entry) => ({ ...entry.rule, ...(entry.left !== undefined && { times: entry.left }) })),
		reseed(next) {
			random = seededRandom(next);
		}
	};
	return injector;
}
