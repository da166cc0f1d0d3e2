// Shared by the Kayako sandbox tests: a listening sandbox on a fixed clock, a small HTTP client, and the recorded-shape comparer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKayakoSandbox, type KayakoSandbox, type KayakoSandboxOptions } from '../../server/sandbox/kayako/index';

/** Tests start at a whole minute so rate-limit windows are predictable. */
export const TEST_START = Date.UTC(2025, 5, 2, 12, 0, 0);

export interface Running {
	sandbox: KayakoSandbox;
	origin: string;
	base: string;
}

export async function startSandbox(options: KayakoSandboxOptions = {}): Promise<Running> {
	const sandbox = createKayakoSandbox({ now: () => TEST_START, ...options });
	const { url } = await sandbox.listen(0, '127.0.0.1');
	return { sandbox, origin: url, base: sandbox.accountUrl() };
}

export interface Answer {
	status: number;
	headers: Headers;
	text: string;
	// Tests read arbitrary envelope paths; the shape comparer checks the types.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	json: any;
}

export function basic(email: string, password: string): string {
	return `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;
}

export async function call(url: string, init: { method?: string; headers?: Record<string, string>; json?: unknown; body?: BodyInit } = {}): Promise<Answer> {
	const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
	let body = init.body;
	if (init.json !== undefined) {
		headers['Content-Type'] = 'application/json';
		body = JSON.stringify(init.json);
	}
	const response = await fetch(url, { method: init.method ?? 'GET', headers, ...(body !== undefined && { body }) });
	const text = await response.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

/** A signed-in client: Basic once (with `X-CSRF: false` unless told otherwise), then the session id. */
export class Client {
	sessionId = '';
	csrfToken: string | null = null;

	constructor(readonly base: string) {}

	async login(credentials: { email: string; password: string }, options: { csrf?: boolean } = {}): Promise<Answer> {
		const answer = await call(`${this.base}/api/v1/me.json`, {
			headers: { Authorization: basic(credentials.email, credentials.password), ...(options.csrf ? {} : { 'X-CSRF': 'false' }) }
		});
		if (answer.status !== 200) throw new Error(`Login as ${credentials.email} failed: ${answer.status} ${answer.text}`);
		this.sessionId = answer.json.session_id;
		this.csrfToken = answer.headers.get('x-csrf-token');
		return answer;
	}

	request(method: string, path: string, init: { json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {}): Promise<Answer> {
		const headers: Record<string, string> = { 'X-Session-ID': this.sessionId, ...(this.csrfToken ? { 'X-CSRF-Token': this.csrfToken } : {}), ...init.headers };
		return call(`${this.base}/api/v1${path}`, { method, headers, ...(init.json !== undefined && { json: init.json }), ...(init.body !== undefined && { body: init.body }) });
	}

	get(path: string): Promise<Answer> {
		return this.request('GET', path);
	}
}

export interface RecordedExchange {
	name: string;
	method: string;
	url: string;
	status: number;
	headers: Record<string, string>;
	body: unknown;
}

export function recorded(name: string): RecordedExchange {
	const file = JSON.parse(readFileSync(join(import.meta.dirname, 'kayako-sandbox-recorded.json'), 'utf8')) as { exchanges: RecordedExchange[] };
	const found = file.exchanges.find((exchange) => exchange.name === name);
	if (!found) throw new Error(`No recorded exchange named "${name}"`);
	return found;
}

function kind(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value;
}

/**
 * Where `actual` differs in shape from `expected` (a recorded body): missing or extra keys, other JSON types.
 * A null on either side matches anything (Kayako's fields are nullable); an array element may match any recorded element.
 * `extraKeys` names keys the sandbox may add (documented fields absent from the 2022 recording).
 */
export function shapeDifferences(actual: unknown, expected: unknown, extraKeys: readonly string[] = [], path = '$'): string[] {
	if (actual === null || expected === null) return [];
	const actualKind = kind(actual);
	const expectedKind = kind(expected);
	if (actualKind !== expectedKind) return [`${path}: ${actualKind} where the recording has ${expectedKind}`];
	if (Array.isArray(actual) && Array.isArray(expected)) {
		if (expected.length === 0) return [];
		const out: string[] = [];
		actual.forEach((item, index) => {
			const attempts = expected.map((candidate) => shapeDifferences(item, candidate, extraKeys, `${path}[${index}]`));
			const best = attempts.reduce((a, b) => (b.length < a.length ? b : a));
			out.push(...best);
		});
		return out;
	}
	if (actualKind === 'object') {
		const a = actual as Record<string, unknown>;
		const e = expected as Record<string, unknown>;
		const out: string[] = [];
		for (const key of Object.keys(e)) {
			if (!(key in a)) out.push(`${path}.${key}: missing`);
			else out.push(...shapeDifferences(a[key], e[key], extraKeys, `${path}.${key}`));
		}
		for (const key of Object.keys(a)) if (!(key in e) && !extraKeys.includes(key)) out.push(`${path}.${key}: not in the recording`);
		return out;
	}
	return [];
}
