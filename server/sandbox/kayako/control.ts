// The HTTP control surface under /__sandbox/ for browser tests: reset, state, faults, rate limit, clock; open to any origin.
import type { IncomingMessage } from 'node:http';
import { parseBody, readBody } from '../common/body';
import { FaultRuleError, type FaultKind, type FaultRule } from '../common/faults';
import { jsonReply, type Reply } from '../common/reply';
import type { KayakoAccountView } from './view';

export interface ControlTarget {
	reset(): void;
	state(account?: string): KayakoAccountView;
	setFaults(rules: FaultRule[], account?: string): void;
	clearFaults(account?: string): void;
	faultRules(account?: string): FaultRule[];
	faultsFired(account?: string): Partial<Record<FaultKind, number>>;
	setRateLimit(perMinute: number): void;
	setSetting(name: string, value: string, account?: string): void;
	advanceClock(ms: number): void;
	now(): number;
	accountNames(): string[];
	credentials: unknown;
}

const CORS = {
	'Access-Control-Allow-Origin': '*',
	'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
	'Access-Control-Allow-Headers': 'Content-Type'
};

function problem(status: number, message: string): Reply {
	return jsonReply(status, { error: message });
}

const USAGE = {
	endpoints: [
		'POST /__sandbox/reset',
		'GET /__sandbox/state?account=acme',
		'GET|PUT|DELETE /__sandbox/faults?account=acme  (PUT body: {"rules":[{"kind":"server-error","times":1,"method":"POST","path":"/bulk/*"}]}; GET also counts the faults fired by kind)',
		'PUT /__sandbox/rate-limit  (body: {"perMinute":600})',
		'PUT /__sandbox/setting?account=acme  (body: {"name":"allow_unsafe_html_in_articles","value":"1"}: what an admin does in Kayako\'s admin area)',
		'GET|POST /__sandbox/clock  (POST body: {"advanceMs":60000})',
		'GET /__sandbox/credentials'
	],
	pages: [
		'GET /acme/agent/conversations/:id, /acme/agent/users/:id, /acme/agent/organizations/:id, /acme/agent/knowledgebase/article/:id  (read-only agent views at the links the tool makes)',
		'GET|POST /acme/admin/security/helpcenter  (the "Allow unsafe HTML in articles" setting, as Kayako\'s admin area has it)'
	]
};

async function route(target: ControlTarget, method: string, path: string, url: URL, req: IncomingMessage): Promise<Reply> {
	const account = url.searchParams.get('account') ?? undefined;
	const known = account === undefined || target.accountNames().includes(account);
	const read = await readBody(req, 1024 * 1024);
	const parsed = read.ok ? parseBody(req.headers['content-type'] ?? 'application/json', read.bytes) : { ok: false as const, message: 'The body is too large' };
	if (!parsed.ok) return problem(400, parsed.message);
	const body = parsed.body.params;
	if (!known) return problem(404, `No account ${account}; the sandbox hosts ${target.accountNames().join(', ')}.`);
	const key = `${method} ${path}`;
	switch (key) {
		case 'GET /':
			return jsonReply(200, USAGE);
		case 'POST /reset':
			target.reset();
			return jsonReply(200, { reset: true });
		case 'GET /state':
			return jsonReply(200, target.state(account));
		case 'GET /faults':
			return jsonReply(200, { rules: target.faultRules(account), fired: target.faultsFired(account) });
		case 'PUT /faults':
		case 'POST /faults': {
			if (!Array.isArray(body.rules)) return problem(400, 'Send {"rules":[...]}, a list of fault rules.');
			target.setFaults(body.rules as FaultRule[], account);
			return jsonReply(200, { rules: target.faultRules(account) });
		}
		case 'DELETE /faults':
			target.clearFaults(account);
			return jsonReply(200, { rules: [] });
		case 'PUT /rate-limit':
		case 'POST /rate-limit':
			target.setRateLimit(Number(body.perMinute));
			return jsonReply(200, { perMinute: Number(body.perMinute) });
		case 'PUT /setting':
		case 'POST /setting':
			if (typeof body.name !== 'string' || typeof body.value !== 'string') return problem(400, 'Send {"name":"...","value":"..."}, both strings.');
			target.setSetting(body.name, body.value, account);
			return jsonReply(200, { name: body.name, value: body.value });
		case 'GET /clock':
			return jsonReply(200, { now: target.now(), iso: new Date(target.now()).toISOString() });
		case 'POST /clock':
			target.advanceClock(Number(body.advanceMs));
			return jsonReply(200, { now: target.now(), iso: new Date(target.now()).toISOString() });
		case 'GET /credentials':
			return jsonReply(200, target.credentials);
		default:
			return problem(404, `No control endpoint ${key}; GET /__sandbox/ lists them.`);
	}
}

export async function controlReply(target: ControlTarget, req: IncomingMessage, url: URL): Promise<Reply> {
	const method = (req.method ?? 'GET').toUpperCase();
	if (method === 'OPTIONS') return { status: 204, headers: CORS, body: { text: '' } };
	const path = url.pathname.replace(/^\/__sandbox/, '').replace(/\/+$/, '') || '/';
	let reply: Reply;
	try {
		reply = await route(target, method, path, url, req);
	} catch (error) {
		if (!(error instanceof FaultRuleError) && !(error instanceof RangeError) && !/must|only/.test((error as Error).message)) throw error;
		reply = problem(400, (error as Error).message);
	}
	return { ...reply, headers: { ...reply.headers, ...CORS } };
}
