// The bench's other process: the sandbox Kayako and Zendesk and the CORS proxy, each request delayed by --latency, so the engine's CPU is measured alone.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCorsProxy } from '../../server/proxy/index';
import { createKayakoSandbox } from '../../server/sandbox/kayako/index';
import { createZendeskSandbox } from '../../server/sandbox/zendesk/index';

/** What the parent sends on start: sizes and limits; it answers with the addresses, and with counts on 'state'. */
export interface SandboxRequest {
	tickets: number;
	latencyMs: number;
	kayakoLimit: number;
	zendeskLimit: number;
	attachmentScale: number;
}

export interface SandboxAddresses {
	kayakoUrl: string;
	zendeskUrl: string;
	proxyUrl: string;
}

/** What Kayako holds at the end: the records a one-request-per-record importer would have written one by one. */
export interface SandboxCounts {
	cases: number;
	posts: number;
	users: number;
	organizations: number;
	attachments: number;
	fields: number;
	teams: number;
}

/** A front server that waits latencyMs before handing each request on: a network's round trip, in one place. */
async function delayed(handle: (req: IncomingMessage, res: ServerResponse) => void, latencyMs: number): Promise<{ server: Server; url: string }> {
	const server = createServer((req, res) => {
		if (latencyMs <= 0) return handle(req, res);
		req.pause();
		setTimeout(() => {
			req.resume();
			handle(req, res);
		}, latencyMs);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function start(request: SandboxRequest): Promise<void> {
	const kayako = createKayakoSandbox({ accounts: ['acme'], rateLimitPerMinute: request.kayakoLimit });
	const zendesk = createZendeskSandbox({ tickets: request.tickets, rateLimitPerMinute: request.zendeskLimit, attachmentScale: request.attachmentScale });
	const kayakoFront = await delayed((req, res) => kayako.handle(req, res), request.latencyMs);
	const zendeskFront = await delayed((req, res) => zendesk.handle(req, res), request.latencyMs);
	// The Zendesk sandbox builds its links from the address it listens on; it learns the front's from each request's Host.
	const proxy = createCorsProxy({ allowHosts: [new URL(kayakoFront.url).host, new URL(zendeskFront.url).host], env: {}, log: false });
	const proxyUrl = (await proxy.listen(0, '127.0.0.1')).url;
	const addresses: SandboxAddresses = { kayakoUrl: `${kayakoFront.url}/acme`, zendeskUrl: zendeskFront.url, proxyUrl };
	process.send?.({ addresses });
	process.on('message', (message: { want?: string }) => {
		if (message.want !== 'state') return;
		const view = kayako.state('acme');
		const counts: SandboxCounts = {
			cases: view.cases.length,
			posts: view.cases.reduce((sum, each) => sum + each.posts.length, 0),
			users: view.users.length,
			organizations: view.organizations.length,
			attachments: view.files.length,
			fields: view.fields.length,
			teams: view.teams.length
		};
		process.send?.({ counts });
	});
}

process.once('message', (message: SandboxRequest) => {
	start(message).catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
});
