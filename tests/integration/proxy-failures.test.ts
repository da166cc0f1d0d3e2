// The CORS proxy's own answers when the helpdesk fails: unreachable, reset, silent, or cut off mid-answer.
import { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCorsProxy, type CorsProxyOptions } from '../../server/proxy/index';
import { closedPort, send, startTarget, type TargetHandler } from './proxy-fixtures';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startProxy(options: CorsProxyOptions): Promise<string> {
	const proxy = createCorsProxy({ env: {}, ...options });
	cleanups.push(proxy.close);
	return (await proxy.listen(0, '127.0.0.1')).url;
}

async function proxiedTarget(handler: TargetHandler, options: CorsProxyOptions = {}) {
	const target = await startTarget(handler);
	cleanups.push(target.close);
	const proxyUrl = await startProxy({ allowHosts: [`127.0.0.1:${target.port}`], ...options });
	return { target, proxyUrl, via: (path: string) => `${proxyUrl}/${target.url}${path}` };
}

interface ErrorBody {
	error: string;
	message: string;
}

describe('when the helpdesk fails, the CORS proxy answers', () => {
	it('target-reset when the target drops the connection after reading the request', async () => {
		const { target, via } = await proxiedTarget((req) => req.socket.destroy());
		const answer = await send(via('/api/v1/cases.json'), { method: 'POST', body: '{"subject":"x"}' });

		expect(answer.status).toBe(502);
		expect(answer.headers['x-proxy-error']).toBe('target-reset');
		expect(answer.json<ErrorBody>()).toMatchObject({ error: 'target-reset' });
		expect(answer.json<ErrorBody>().message).toContain(`127.0.0.1:${target.port}`);
		expect(target.received).toHaveLength(1);
	});

	it('target-unreachable when nothing listens on the port', async () => {
		const port = await closedPort();
		const proxyUrl = await startProxy({ allowHosts: [`127.0.0.1:${port}`], allowOrigins: ['http://127.0.0.1:5173'] });
		const answer = await send(`${proxyUrl}/http://127.0.0.1:${port}/api/v1/me.json`, { headers: { Origin: 'http://127.0.0.1:5173' } });

		expect(answer.status).toBe(502);
		expect(answer.headers['x-proxy-error']).toBe('target-unreachable');
		expect(answer.headers['access-control-allow-origin']).toBe('http://127.0.0.1:5173');
		expect(answer.json<ErrorBody>().message).toMatch(/refused.*Nothing was sent/);
	});

	it('target-unreachable when the name does not resolve (.invalid never does)', async () => {
		const proxyUrl = await startProxy({ allowHosts: ['*.invalid'] });
		const answer = await send(`${proxyUrl}/https://helpdesk.invalid/api/v2/tickets.json`);

		expect(answer.status).toBe(502);
		expect(answer.headers['x-proxy-error']).toBe('target-unreachable');
		expect(answer.json<ErrorBody>().message).toContain('helpdesk.invalid');
	});

	it('target-timeout when a connected target stays silent too long', async () => {
		const { target, via } = await proxiedTarget(() => undefined, { timeoutMs: 300 });
		const answer = await send(via('/api/v1/cases.json'));

		expect(answer.status).toBe(504);
		expect(answer.headers['x-proxy-error']).toBe('target-timeout');
		expect(target.received).toHaveLength(1);
	});

	it('a broken answer, not a short one, when the target dies mid-body; and keeps serving', async () => {
		const { via } = await proxiedTarget((req, res) => {
			if (req.url === '/healthy') {
				res.end('fine');
				return;
			}
			res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100000' });
			res.write('{"cases": [');
			setTimeout(() => res.socket?.destroy(), 50);
		});

		await expect(send(via('/api/v1/cases.json'))).rejects.toThrow();
		const after = await send(via('/healthy'));
		expect(after.status).toBe(200);
		expect(after.text).toBe('fine');
	});

	it('survives a client that gives up mid-request and serves the next one', async () => {
		const { target, via } = await proxiedTarget((req, res) => {
			if (req.url === '/slow') setTimeout(() => res.end('late'), 200);
			else res.end('fine');
		});
		const url = new URL(via('/slow'));
		const client = new Socket();
		await new Promise<void>((resolve) => client.connect(Number(url.port), url.hostname, resolve));
		client.write(`GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`);
		await new Promise((resolve) => setTimeout(resolve, 50));
		client.destroy();
		await new Promise((resolve) => setTimeout(resolve, 300));

		const after = await send(via('/next'));
		expect(after.text).toBe('fine');
		expect(target.received.map((r) => r.url)).toEqual(['/slow', '/next']);
	});
});
