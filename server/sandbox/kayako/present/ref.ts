// Nested resources as references, expanded by the `include` argument; and the `fields` argument on the top-level resource.
import type { AccountState } from '../state';

/** A nested resource: `{id, resource_type}` unless `include` names its type (or `*`). Channels are referenced by uuid. */
export class Ref {
	constructor(
		readonly type: string,
		readonly id: number | string,
		readonly by: 'id' | 'uuid' = 'id'
	) {}
}

export function ref(type: string, id: number | null | undefined): Ref | null {
	return id === null || id === undefined ? null : new Ref(type, id);
}

export function refs(type: string, ids: readonly number[]): Ref[] {
	return ids.map((id) => new Ref(type, id));
}

export interface PresentContext {
	state: AccountState;
	/** e.g. http://127.0.0.1:PORT/acme, the Kayako URL the user typed. */
	accountUrl: string;
	/** e.g. http://127.0.0.1:PORT/acme/api/v1, the base of every resource_url. */
	apiBase: string;
	include: ReadonlySet<string>;
}

export type Presenter = (context: PresentContext, id: number | string) => Record<string, unknown> | undefined;

// Deep enough for everything the recordings show; `include=*` on a cyclic graph would otherwise never end.
const MAX_DEPTH = 4;

export function expand(value: unknown, context: PresentContext, presenters: Readonly<Record<string, Presenter>>, depth = 0): unknown {
	if (value instanceof Ref) {
		const wanted = context.include.has('*') || context.include.has(value.type);
		const presenter = presenters[value.type];
		if (wanted && presenter && depth < MAX_DEPTH) {
			const full = presenter(context, value.id);
			if (full) return expand(full, context, presenters, depth + 1);
		}
		return value.by === 'uuid' ? { uuid: value.id, resource_type: value.type } : { id: value.id, resource_type: value.type };
	}
	if (Array.isArray(value)) return value.map((item) => expand(item, context, presenters, depth));
	if (typeof value === 'object' && value !== null && !Buffer.isBuffer(value)) {
		const out: Record<string, unknown> = {};
		for (const [key, item] of Object.entries(value)) out[key] = expand(item, context, presenters, depth);
		return out;
	}
	return value;
}

/** Fields Kayako returns only when asked for with `fields=+name` (the recordings ask for `+tags` on cases). */
const OPTIONAL_FIELDS: Readonly<Record<string, readonly string[]>> = { case: ['tags'] };
const ALWAYS = new Set(['id', 'uuid', 'resource_type', 'resource_url']);

export interface FieldRules {
	all: boolean;
	add: Set<string>;
	remove: Set<string>;
	only: Set<string>;
}

/** Top-level rules only; nested rules in parentheses (`role(+title)`) are accepted and ignored. */
export function parseFieldRules(raw: string | null): FieldRules {
	const rules: FieldRules = { all: false, add: new Set(), remove: new Set(), only: new Set() };
	if (!raw) return rules;
	const flat = raw.replace(/\([^()]*\)/g, '');
	for (const token of flat.split(',').map((entry) => entry.trim()).filter(Boolean)) {
		if (token === '*') rules.all = true;
		else if (token.startsWith('+')) rules.add.add(token.slice(1));
		else if (token.startsWith('-')) rules.remove.add(token.slice(1));
		else rules.only.add(token);
	}
	return rules;
}

export function applyFieldRules(resource: Record<string, unknown>, rules: FieldRules): Record<string, unknown> {
	const type = typeof resource.resource_type === 'string' ? resource.resource_type : '';
	const optional = new Set(OPTIONAL_FIELDS[type] ?? []);
	const restricting = [...rules.only].some((name) => !optional.has(name));
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(resource)) {
		const asked = rules.all || rules.add.has(key) || rules.only.has(key);
		if (optional.has(key) && !asked) continue;
		if (rules.remove.has(key) && !ALWAYS.has(key)) continue;
		if (restricting && !asked && !ALWAYS.has(key)) continue;
		out[key] = value;
	}
	return out;
}
