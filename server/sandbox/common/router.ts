// A tiny method-and-path router for the sandbox servers: `/cases/:id/posts` patterns, and 405 when only the method is wrong.
export type RouteParams = Record<string, string>;

export type RouteMatch<H> =
	| { kind: 'found'; handler: H; params: RouteParams; pattern: string }
	| { kind: 'method-not-allowed'; allowed: string[]; pattern: string }
	| { kind: 'not-found' };

export interface Router<H> {
	add(method: string, pattern: string, handler: H): Router<H>;
	match(method: string, path: string): RouteMatch<H>;
}

interface Route<H> {
	method: string;
	pattern: string;
	segments: string[];
	handler: H;
}

function splitPath(path: string): string[] {
	return path.split('/').filter((segment) => segment !== '');
}

/** Literal segments score higher than parameters, so `/cases/fields` wins over `/cases/:id`. */
function score(route: Route<unknown>, segments: string[]): number | undefined {
	if (route.segments.length !== segments.length) return undefined;
	let points = 0;
	for (const [index, expected] of route.segments.entries()) {
		const actual = segments[index] ?? '';
		if (expected.startsWith(':')) continue;
		if (expected !== actual) return undefined;
		points += 1;
	}
	return points;
}

function paramsOf(route: Route<unknown>, segments: string[]): RouteParams {
	const params: RouteParams = {};
	for (const [index, expected] of route.segments.entries()) {
		if (expected.startsWith(':')) params[expected.slice(1)] = decodeURIComponent(segments[index] ?? '');
	}
	return params;
}

export function createRouter<H>(): Router<H> {
	const routes: Route<H>[] = [];
	const router: Router<H> = {
		add(method, pattern, handler) {
			routes.push({ method: method.toUpperCase(), pattern, segments: splitPath(pattern), handler });
			return router;
		},
		match(method, path) {
			const segments = splitPath(path);
			let best: { route: Route<H>; points: number } | undefined;
			let bestAnyMethod: { route: Route<H>; points: number } | undefined;
			const allowed = new Map<string, string[]>();
			for (const route of routes) {
				const points = score(route, segments);
				if (points === undefined) continue;
				allowed.set(route.pattern, [...(allowed.get(route.pattern) ?? []), route.method]);
				if (!bestAnyMethod || points > bestAnyMethod.points) bestAnyMethod = { route, points };
				if (route.method === method.toUpperCase() && (!best || points > best.points)) best = { route, points };
			}
			if (best && (!bestAnyMethod || best.points >= bestAnyMethod.points)) {
				return { kind: 'found', handler: best.route.handler, params: paramsOf(best.route, segments), pattern: best.route.pattern };
			}
			if (bestAnyMethod) {
				const pattern = bestAnyMethod.route.pattern;
				return { kind: 'method-not-allowed', allowed: allowed.get(pattern) ?? [], pattern };
			}
			return { kind: 'not-found' };
		}
	};
	return router;
}
