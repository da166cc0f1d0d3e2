// Fault injection for the sandbox servers: rules that fail the next N or a share of matching requests, deterministic given a seed.
import { seededRandom } from './rng';

/**
 * - `server-error`: answer 500 without acting; `unavailable`: 503 without acting;
 * - `rate-limited`: 429 with Retry-After without acting; `rate-limited-bare`: 429 with no Retry-After, without acting;
 * - `drop-before`: destroy the connection before the server acts (nothing changes);
 * - `drop-after`: act, then destroy the connection instead of answering (the change is made, the client never hears);
 * - `slow`: wait `delayMs`, then act normally;
 * - `malformed-json`: act, then answer a truncated body (JSON that stops half-way; on a file download, a cut file);
 * - `garbled-json`: act, then answer the whole body with garbage spliced into its middle (it no longer parses);
 * - `not-json`: act, then answer 200 with an HTML page instead of the API's JSON;
 * - `session-expired`: the session the request carries expires just before it is served (401, log in again);
 *   only sandboxes with sessions (Kayako) honour it, the others serve the request as if no rule had fired.
 */
export type FaultKind =
	| 'server-error'
	| 'unavailable'
	| 'rate-limited'
	| 'rate-limited-bare'
	| 'drop-before'
	| 'drop-after'
	| 'slow'
	| 'malformed-json'
	| 'garbled-json'
	| 'not-json'
	| 'session-expired';

export const FAULT_KINDS: readonly FaultKind[] = [
	'server-error',
	'unavailable',
	'rate-limited',
	'rate-limited-bare',
	'drop-before',
	'drop-after',
	'slow',
	'malformed-json',
	'garbled-json',
	'not-json',
	'session-expired'
];

/** Kinds that answer without the server acting; the others act first (or, for `slow`, late), then spoil or lose the answer. */
export const FAULTS_BEFORE_ACTING: readonly FaultKind[] = ['server-error', 'unavailable', 'rate-limited', 'rate-limited-bare', 'drop-before', 'session-expired'];

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
	/** How many times each kind has fired since the last reseed or reset of the counts, for test reports. */
	fired(): Partial<Record<FaultKind, number>>;
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

/** FNV-1a over the text, mixed with the seed: a stable 32-bit number per (seed, text). */
function hash(seed: number, text: string): number {
	let value = (0x811c9dc5 ^ seed) >>> 0;
	for (let index = 0; index < text.length; index += 1) {
		value ^= text.charCodeAt(index);
		value = Math.imul(value, 0x01000193) >>> 0;
	}
	return value;
}

/**
 * Whether a probability rule fires is drawn from (seed, rule, method, path, how many times this method and path were
 * asked before), not from one shared stream: requests that run side by side in another order still meet the same faults,
 * and a retry of a failed request draws afresh.
 */
export function createFaultInjector(seed: number): FaultInjector {
	let currentSeed = seed;
	let asked = new Map<string, number>();
	let fired: Partial<Record<FaultKind, number>> = {};
	let active: { rule: FaultRule; pattern: RegExp | undefined; left: number | undefined; index: number }[] = [];
	let added = 0;
	const draw = (index: number, key: string, nth: number): number => seededRandom(hash(currentSeed, `${index} ${key} ${nth}`))();

	const injector: FaultInjector = {
		set(rules) {
			active = [];
			added = 0;
			for (const rule of rules) injector.add(rule);
		},
		add(rule) {
			const checked = checkFaultRule(rule);
			active.push({ rule: checked, pattern: checked.path === undefined ? undefined : globToRegExp(checked.path), left: checked.times, index: added++ });
		},
		clear() {
			active = [];
		},
		pick(method, path) {
			const key = `${method.toUpperCase()} ${path}`;
			const nth = asked.get(key) ?? 0;
			asked.set(key, nth + 1);
			for (const entry of active) {
				if (entry.left !== undefined && entry.left <= 0) continue;
				if (entry.rule.method !== undefined && entry.rule.method !== method.toUpperCase()) continue;
				if (entry.pattern && !entry.pattern.test(path)) continue;
				if (entry.rule.probability !== undefined && draw(entry.index, key, nth) >= entry.rule.probability) continue;
				if (entry.left !== undefined) entry.left -= 1;
				fired[entry.rule.kind] = (fired[entry.rule.kind] ?? 0) + 1;
				return entry.rule;
			}
			return undefined;
		},
		rules: () => active.filter((entry) => entry.left === undefined || entry.left > 0).map((entry) => ({ ...entry.rule, ...(entry.left !== undefined && { times: entry.left }) })),
		reseed(next) {
			currentSeed = next;
			asked = new Map();
			fired = {};
		},
		fired: () => ({ ...fired })
	};
	return injector;
}
