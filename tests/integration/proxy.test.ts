// The CORS proxy against a real target on loopback: what it forwards, what it exposes, what it refuses.
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createCorsProxy, type CorsProxyOptions } from '../../server/proxy/index';
import { echo, exposedNames, send, startTarget, type Target, type TargetHandler } from './proxy-fixtures';

/** The app's origin, as a browser sends it with every request to the proxy. */
const APP = 'http://127.0.0.1:5173';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(options: { allowTarget?: boolean; proxy?: CorsProxyOptions; target?: TargetHandler } = {}) {
	const target: Target = await startTarget(options.target ?? echo);
	cleanups.push(target.close);
	const allowHosts = options.allowTarget === false ? [] : [`127.0.0.1:${target.port}`];
	const proxy = createCorsProxy({ env: {}, allowHosts, allowOrigins: [APP], ...options.proxy });
	cleanups.push(proxy.close);
	const { url } = await proxy.listen(0, '127.0.0.1');
	return { target, proxyUrl: url, via: (path: string) => `${url}/${target.url}${path}` };
}

describe('the CORS proxy forwards to an allowed target', () => {
	it('passes Authorization and the helpdesks own headers unchanged, with path and query untouched', async () => {
		const { target, via } = await setUp();
		const path = '/api/v1/cases.json?fields=id,subject&include=user&filter[status]=open&q=a%2Fb+c&empty=';
		const headers = {
			Authorization: 'Basic YWRtaW5AYWNtZS5jb206c2VjcmV0',
			'X-Session-ID': 'sess-7f3a',
			'X-CSRF-Token': 'csrf-91b2',
			'X-OTP': '123456',
			Accept: 'application/json',
			'Content-Type': 'application/json; charset=utf-8'
		};
		const answer = await send(via(path), { method: 'PUT', headers: { ...headers, Origin: APP }, body: '{"subject":"Printer on fire"}' });

		expect(answer.status).toBe(200);
		const [received] = target.received;
		expect(received?.url).toBe(path);
		expect(received?.method).toBe('PUT');
		expect(received?.headers).toMatchObject({
			authorization: headers.Authorization,
			'x-session-id': 'sess-7f3a',
			'x-csrf-token': 'csrf-91b2',
			'x-otp': '123456',
			accept: 'application/json',
			'content-type': 'application/json; charset=utf-8',
			host: `127.0.0.1:${target.port}`
		});
		expect(received?.body.toString()).toBe('{"subject":"Printer on fire"}');
		expect(answer.headers['access-control-allow-origin']).toBe(APP);
		expect(answer.headers.vary).toBe('Origin');
	});

	it('strips cookies on the way in and Set-Cookie on the way out', async () => {
		const { target, via } = await setUp({
			target: (_req, res) => {
				res.writeHead(200, { 'Set-Cookie': 'kayako_session=abc; HttpOnly', 'Content-Type': 'text/plain' });
				res.end('ok');
			}
		});
		const answer = await send(via('/api/v1/me.json'), { headers: { Cookie: 'zendesk_session=xyz', Authorization: 'Bearer t' } });

		expect(answer.status).toBe(200);
		expect(target.received[0]?.headers.cookie).toBeUndefined();
		expect(target.received[0]?.headers.authorization).toBe('Bearer t');
		expect(answer.headers['set-cookie']).toBeUndefined();
	});

	it('lets the browser read Retry-After, the rate-limit headers, X-CSRF-Token and Link', async () => {
		const targetHeaders = {
			'Retry-After': '17',
			'X-RateLimit-Remaining': '3',
			'X-Rate-Limit-Reset': '1700000000',
			'Zendesk-RateLimit-Tickets-Index': 'total=100; remaining=99; resets=10',
			'X-CSRF-Token': 'csrf-new',
			Link: '<https://acme.zendesk.com/api/v2/tickets.json?page[after]=x>; rel="next"',
			'X-Api-Version': '1'
		};
		const { via } = await setUp({
			target: (_req, res) => {
				res.writeHead(429, targetHeaders);
				res.end('{"error":"Too many requests"}');
			}
		});
		const answer = await send(via('/api/v2/tickets.json'), { headers: { Origin: APP } });

		expect(answer.status).toBe(429);
		expect(answer.headers['x-proxy-error']).toBeUndefined();
		for (const [name, value] of Object.entries(targetHeaders)) {
			expect(answer.headers[name.toLowerCase()]).toBe(value);
			expect(exposedNames(answer)).toContain(name.toLowerCase());
		}
		for (const name of ['location', 'content-disposition', 'x-proxy-error', 'x-ratelimit-limit', 'ratelimit-remaining']) {
			expect(exposedNames(answer)).toContain(name);
		}
	});

	it('answers a preflight itself without touching the target', async () => {
		const { target, via } = await setUp();
		const answer = await send(via('/api/v1/cases.json'), {
			method: 'OPTIONS',
			headers: {
				Origin: APP,
				'Access-Control-Request-Method': 'POST',
				'Access-Control-Request-Headers': 'authorization,x-session-id,content-type'
			}
		});

		expect(answer.status).toBe(200);
		expect(answer.headers['access-control-allow-origin']).toBe(APP);
		expect(answer.headers['access-control-allow-methods']).toBe('POST');
		expect(answer.headers['access-control-allow-headers']).toBe('authorization,x-session-id,content-type');
		expect(target.received).toHaveLength(0);
	});

	it('delivers a POST body of several megabytes byte for byte', async () => {
		const { target, via } = await setUp();
		const attachment = randomBytes(8 * 1024 * 1024);
		const answer = await send(via('/api/v1/media.json'), {
			method: 'POST',
			headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': attachment.length },
			body: attachment
		});

		expect(answer.status).toBe(200);
		const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
		expect(target.received[0]?.body.length).toBe(attachment.length);
		expect(sha(target.received[0]?.body ?? Buffer.alloc(0))).toBe(sha(attachment));
	});

	it('streams an upload: the target gets the first bytes before the client has sent the rest', async () => {
		let bytesBeforeClientEnded = 0;
		let clientEnded = false;
		let firstBytesArrived: () => void = () => undefined;
		const arrived = new Promise<void>((resolve) => (firstBytesArrived = resolve));
		const target = await startTarget(echo, (chunk) => {
			if (!clientEnded) bytesBeforeClientEnded += chunk.length;
			firstBytesArrived();
		});
		cleanups.push(target.close);
		const proxy = createCorsProxy({ env: {}, allowHosts: [`127.0.0.1:${target.port}`] });
		cleanups.push(proxy.close);
		const { url } = await proxy.listen(0, '127.0.0.1');

		const upload = request(`${url}/${target.url}/api/v1/media.json`, { method: 'POST', agent: false, headers: { 'Transfer-Encoding': 'chunked' } });
		const answered = new Promise<number>((resolve, reject) => {
			upload.on('response', (res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
			});
			upload.on('error', reject);
		});
		upload.write(Buffer.alloc(64 * 1024, 1));
		// A proxy that buffered whole bodies would never let this resolve before the end below.
		await arrived;
		clientEnded = true;
		upload.end(Buffer.alloc(64 * 1024, 2));

		expect(await answered).toBe(200);
		expect(bytesBeforeClientEnded).toBeGreaterThan(0);
		expect(target.received[0]?.body.length).toBe(128 * 1024);
	});

	it('streams a download of 24 MB: the browser gets the first bytes before the helpdesk has sent the rest', async () => {
		const attachment = randomBytes(24 * 1024 * 1024);
		let clientGotFirstBytes: () => void = () => undefined;
		const firstBytes = new Promise<void>((resolve) => (clientGotFirstBytes = resolve));
		const { via } = await setUp({
			target: (_req, res) => {
				res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Length': attachment.length });
				res.write(attachment.subarray(0, 64 * 1024));
				// A proxy that buffered whole answers would never pass these first bytes on, and this would never finish.
				void firstBytes.then(() => res.end(attachment.subarray(64 * 1024)));
			}
		});
		const received = await new Promise<Buffer>((resolve, reject) => {
			request(via('/attachments/token/x/?name=big.pdf'), { agent: false }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => {
					chunks.push(chunk);
					clientGotFirstBytes();
				});
				res.on('end', () => resolve(Buffer.concat(chunks)));
				res.on('error', reject);
			})
				.on('error', reject)
				.end();
		});

		const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
		expect(received.length).toBe(attachment.length);
		expect(sha(received)).toBe(sha(attachment));
	});

	it('follows a redirect on the same host itself, with Authorization, and hands the browser the final answer', async () => {
		const { target, via } = await setUp({
			target: (req, res, received) => {
				if (req.url === '/api/v1/first.json') {
					res.writeHead(302, { Location: '/api/v1/next.json' });
					res.end();
					return;
				}
				echo(req, res, received);
			}
		});
		const answer = await send(via('/api/v1/first.json'), { headers: { Authorization: 'Bearer same-host' } });

		expect(answer.status).toBe(200);
		expect(answer.headers.location).toBeUndefined();
		expect(target.received.map((r) => [r.url, r.headers.authorization])).toEqual([
			['/api/v1/first.json', 'Bearer same-host'],
			['/api/v1/next.json', 'Bearer same-host']
		]);
	});

	it('removes an X-Proxy-Error sent by the target, so the mark always means the proxy', async () => {
		const { via } = await setUp({
			target: (_req, res) => {
				res.writeHead(403, { 'X-Proxy-Error': 'host-not-allowed' });
				res.end('{}');
			}
		});
		const answer = await send(via('/api/v1/me.json'));

		expect(answer.status).toBe(403);
		expect(answer.headers['x-proxy-error']).toBeUndefined();
	});

	it('takes extra hosts from PROXY_ALLOW_HOSTS', async () => {
		const target = await startTarget();
		cleanups.push(target.close);
		const proxy = createCorsProxy({ env: { PROXY_ALLOW_HOSTS: `helpdesk.example.org, 127.0.0.1:${target.port},*.example.net` } });
		cleanups.push(proxy.close);
		const { url } = await proxy.listen(0, '127.0.0.1');

		expect((await send(`${url}/${target.url}/ping`)).status).toBe(200);
		expect(proxy.allowedHosts()).toEqual(expect.arrayContaining(['*.kayako.com', 'helpdesk.example.org', `127.0.0.1:${target.port}`, '*.example.net']));
	});

	it('writes one log line per request with method, host, status and time, and nothing secret', async () => {
		const lines: string[] = [];
		const { target, via } = await setUp({ proxy: { log: (line) => lines.push(line) } });
		await send(via('/api/v1/users.json?api_token=SECRET'), { headers: { Authorization: 'Bearer SECRET' } });
		await new Promise((resolve) => setTimeout(resolve, 20));

		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(new RegExp(`^GET 127\\.0\\.0\\.1:${target.port} 200 \\d+ms$`));
	});
});

describe('the CORS proxy refuses', () => {
	it('a host that is not on the allow-list, with a 403 that names the host and PROXY_ALLOW_HOSTS', async () => {
		const { target, via } = await setUp({ allowTarget: false });
		const answer = await send(via('/api/v1/me.json'), { headers: { Authorization: 'Basic c2VjcmV0', Origin: APP } });

		expect(answer.status).toBe(403);
		expect(answer.headers['x-proxy-error']).toBe('host-not-allowed');
		expect(answer.headers['access-control-allow-origin']).toBe(APP);
		expect(exposedNames(answer)).toContain('x-proxy-error');
		const body = answer.json<{ error: string; message: string }>();
		expect(body.error).toBe('host-not-allowed');
		expect(body.message).toContain(`127.0.0.1:${target.port}`);
		expect(body.message).toContain('PROXY_ALLOW_HOSTS');
		expect(target.received).toHaveLength(0);
	});

	it('a private or loopback address that is not on the list', async () => {
		const { proxyUrl } = await setUp();
		for (const address of ['http://10.0.0.1/', 'http://127.0.0.2:8080/', 'http://[::1]:8080/', 'http://0.0.0.0/', 'http://169.254.169.254/latest/meta-data/']) {
			const answer = await send(`${proxyUrl}/${address}`);
			expect(answer.status, address).toBe(403);
			expect(answer.headers['x-proxy-error'], address).toBe('host-not-allowed');
		}
	});

	it('an allowed name that resolves to a private address, without connecting to it', async () => {
		const target = await startTarget();
		cleanups.push(target.close);
		const { proxyUrl } = await setUp({
			allowTarget: false,
			proxy: { allowHosts: [`*.example.org:${target.port}`], resolveHost: async (name) => (name === 'helpdesk.example.org' ? ['127.0.0.1'] : []) }
		});
		const answer = await send(`${proxyUrl}/http://helpdesk.example.org:${target.port}/api/v1/me.json`);

		expect(answer.status).toBe(403);
		expect(answer.json()).toMatchObject({ error: 'host-not-allowed' });
		expect(answer.json<{ message: string }>().message).toContain('127.0.0.1');
		expect(target.received).toHaveLength(0);
	});

	it('a localhost name even when a wildcard entry covers it', async () => {
		const { target, proxyUrl } = await setUp({ allowTarget: false, proxy: { allowHosts: ['*.localhost'] } });
		const answer = await send(`${proxyUrl}/http://sandbox.localhost:${target.port}/`);

		expect(answer.status).toBe(403);
		expect(answer.headers['x-proxy-error']).toBe('host-not-allowed');
		expect(target.received).toHaveLength(0);
	});

	it('lets an exact operator entry reach localhost through the system resolver', async () => {
		const target = await startTarget();
		cleanups.push(target.close);
		const proxy = createCorsProxy({ env: {}, allowHosts: [`localhost:${target.port}`] });
		cleanups.push(proxy.close);
		const { url } = await proxy.listen(0, '127.0.0.1');
		const answer = await send(`${url}/http://localhost:${target.port}/api/v1/me.json`);

		expect(answer.status).toBe(200);
		expect(target.received[0]?.headers.host).toBe(`localhost:${target.port}`);
	});

	it('a path that is not a full http(s) URL, with bad-target', async () => {
		const { proxyUrl } = await setUp();
		for (const path of ['/acme.kayako.com/api/v1/me.json', '/ftp://acme.kayako.com/file', '/http://', '/favicon.ico']) {
			const answer = await send(`${proxyUrl}${path}`);
			expect(answer.status, path).toBe(400);
			expect(answer.headers['x-proxy-error'], path).toBe('bad-target');
			expect(answer.json<{ message: string }>().message, path).toMatch(/full address/);
		}
	});

	it('a streamed body without Content-Length once it passes the limit, by cutting the upload', async () => {
		const { target, via } = await setUp({ proxy: { maxBodyBytes: 64 * 1024 } });
		const upload = request(via('/api/v1/media.json'), { method: 'POST', agent: false, headers: { 'Transfer-Encoding': 'chunked' } });
		const outcome = new Promise<string>((resolve) => {
			upload.on('response', (res) => resolve(`answered ${res.statusCode}`));
			upload.on('error', (error) => resolve(`cut: ${error.message}`));
		});
		for (let i = 0; i < 8; i++) upload.write(Buffer.alloc(32 * 1024, i));
		upload.end();

		expect(await outcome).toMatch(/^cut: /);
		expect(target.received).toHaveLength(0);
	});

	it('a body larger than the limit, before sending anything', async () => {
		const { target, via } = await setUp({ proxy: { maxBodyBytes: 1000 } });
		const answer = await send(via('/api/v1/media.json'), { method: 'POST', body: Buffer.alloc(2000, 7) });

		expect(answer.status).toBe(413);
		expect(answer.headers['x-proxy-error']).toBe('body-too-large');
		expect(target.received).toHaveLength(0);
	});
});
