// Every presenter by resource_type, and rendering a resource or a page of them with `include` and `fields` applied.
import { CASE_PRESENTERS } from './cases';
import { FIELD_PRESENTERS } from './fields';
import { MISC_PRESENTERS } from './misc';
import { PEOPLE_PRESENTERS } from './people';
import { POST_PRESENTERS } from './posts';
import { applyFieldRules, expand, type FieldRules, type Presenter, type PresentContext } from './ref';

export { Ref, ref, refs, parseFieldRules, type PresentContext, type FieldRules } from './ref';

export const PRESENTERS: Readonly<Record<string, Presenter>> = {
	...PEOPLE_PRESENTERS,
	...FIELD_PRESENTERS,
	...CASE_PRESENTERS,
	...POST_PRESENTERS,
	...MISC_PRESENTERS
};

/** A top-level resource: always in full, its nested resources as `include` asks. Undefined when it does not exist. */
export function render(context: PresentContext, type: string, id: number | string, rules?: FieldRules): Record<string, unknown> | undefined {
	const presenter = PRESENTERS[type];
	const full = presenter?.(context, id);
	if (!full) return undefined;
	const expanded = expand(full, context, PRESENTERS, 1) as Record<string, unknown>;
	return rules ? applyFieldRules(expanded, rules) : expanded;
}

/** Expands references inside a value that is not itself a stored resource (a case_reply, a /me answer). */
export function expandValue(context: PresentContext, value: unknown): unknown {
	return expand(value, context, PRESENTERS, 1);
}
