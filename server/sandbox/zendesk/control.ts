// The test control surface under /__sandbox/: state, reset, faults, clock, rate limit, data mutations for delta tests, bad-input seeding.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseBody, readBody } from '../common/body';
import { FaultRuleError } from '../common/faults';
import { jsonReply, sendReply, type Reply } from '../common/reply';
import { createRouter } from '../common/router';
import { SandboxInputError, type NewComment, type NewTicket, type TicketChange } from './ticket-store';
import type { ZendeskSandboxControls } from './controls';
import { ZENDESK_CONTROL_ENDPOINTS } from './control-usage';

type ControlHandler = (controls: ZendeskSandboxControls, body: Record<string, unknown>, params: Record<string, string>) => unknown;

const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS', 'Access-Control-Allow-Headers': 'Content-Type' };

function ticketIdOf(params: Record<string, string>): number {
	const id = Number(params.id);
	if (!Number.isInteger(id)) throw new SandboxInputError(`"${params.id}" is not a record id.`);
	return id;
}

const router = createRouter<ControlHandler>()
	.add('GET', '/__sandbox', () => ({ endpoints: ZENDESK_CONTROL_ENDPOINTS }))
	.add('GET', '/__sandbox/state', (controls) => controls.state())
	.add('POST', '/__sandbox/reset', (controls) => {
		controls.reset();
		return controls.state();
	})
	.add('GET', '/__sandbox/faults', (controls) => ({ rules: controls.faults.rules(), fired: controls.faults.fired() }))
	.add('PUT', '/__sandbox/faults', (controls, body) => {
		controls.faults.set(Array.isArray(body.rules) ? body.rules : []);
		return { rules: controls.faults.rules() };
	})
	.add('POST', '/__sandbox/faults', (controls, body) => {
		controls.faults.add(body as never);
		return { rules: controls.faults.rules() };
	})
	.add('DELETE', '/__sandbox/faults', (controls) => {
		controls.faults.clear();
		return { rules: [] };
	})
	.add('PUT', '/__sandbox/quirks', (controls, body) => ({ quirks: controls.setQuirks(body as Record<string, number>) }))
	.add('POST', '/__sandbox/clock', (controls, body) => {
		controls.advanceClock(Number(body.advanceMs));
		return { now: controls.now() };
	})
	.add('PUT', '/__sandbox/rate-limit', (controls, body) => {
		controls.setRateLimit(Number(body.perMinute));
		return { perMinute: Number(body.perMinute) };
	})
	.add('POST', '/__sandbox/tickets', (controls, body) => ({ ticket: controls.addTicket(body as NewTicket) }))
	.add('POST', '/__sandbox/tickets/:id/comments', (controls, body, params) => ({ comment: controls.addComment(ticketIdOf(params), body as unknown as NewComment) }))
	.add('PATCH', '/__sandbox/tickets/:id', (controls, body, params) => ({ ticket: controls.updateTicket(ticketIdOf(params), body as TicketChange) }))
	.add('DELETE', '/__sandbox/tickets/:id', (controls, _body, params) => {
		controls.deleteTicket(ticketIdOf(params));
		return { deleted: true };
	})
	.add('PATCH', '/__sandbox/users/:id', (controls, body, params) => ({ user: controls.overrideUser(ticketIdOf(params), body) }))
	.add('PUT', '/__sandbox/export-quirks', (controls, body) => ({ quirks: controls.setExportQuirks(body) }));

function problem(status: number, message: string): Reply {
	return jsonReply(status, { error: message }, CORS);
}

export async function handleControl(controls: ZendeskSandboxControls, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
	const method = (req.method ?? 'GET').toUpperCase();
	if (method === 'OPTIONS') {
		res.writeHead(204, CORS).end();
		return;
	}
	const match = router.match(method, url.pathname);
	if (match.kind !== 'found') {
		sendReply(res, problem(match.kind === 'not-found' ? 404 : 405, `No control ${method} ${url.pathname}; GET /__sandbox/ lists them.`));
		return;
	}
	const read = await readBody(req, 1_000_000);
	if (!read.ok) return sendReply(res, problem(413, 'The control body is too large.'));
	const parsed = parseBody(req.headers['content-type'] ?? 'application/json', read.bytes);
	if (!parsed.ok) return sendReply(res, problem(400, parsed.message));
	try {
		sendReply(res, jsonReply(200, match.handler(controls, parsed.body.params, match.params), CORS));
	} catch (error) {
		if (error instanceof SandboxInputError) return sendReply(res, problem(error.status, error.message));
		if (error instanceof FaultRuleError || error instanceof RangeError) return sendReply(res, problem(400, error.message));
		if (error instanceof Error && /clock|rate limit/i.test(error.message)) return sendReply(res, problem(400, error.message));
		throw error;
	}
}
