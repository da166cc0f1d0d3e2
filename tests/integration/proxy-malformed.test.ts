// The proxy against malformed and hostile requests on a raw socket: each gets a refusal, none stops the proxy.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorsProxy, type CorsProxy } from '../../server/proxy/index';
import { send, startTarget, type Target } from './proxy-fixtures';

let target: Target;
let proxy: CorsProxy;
let proxyPort = 0;

beforeAll(async () => {
	target = await startTarget((req, res) => {
		if (req.url === '/with-trailer') {
			// A chunked answer announcing and sending a trailer: http-proxy copied "Trailer" onto a response it could not chunk.
			res.writeHead(200, { 'Content-Type': 'application/json', Trailer: 'X-Checksum' });
			res.write('{"ok":');
			res.addTrailers({ 'X-Checksum': 'abc' });
			res.end('true}');
			return;
		}
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end(JSON.stringify({ url: req.url }));
	});
	proxy = createCorsProxy({ env: {}, allowHosts: [`127.0.0.1:${target.port}`], log: false });
	proxyPort = (await proxy.listen(0, '127.0.0.1')).port;
});

afterAll(async () => {
	await proxy.close();
	await target.close();
});

/** Writes raw bytes and reads until the proxy closes the connection (or a second passes). */
function exchange(raw: string | Buffer): Promise<string> {
	return new Promise((resolve) => {
		const socket = connect(proxyPort, '127.0.0.1');
		const chunks: Buffer[] = [];
		const done = () => {
			clearTimeout(timer);
			socket.destroy();
			resolve(Buffer.concat(chunks).toString('latin1'));
		};
		const timer = setTimeout(done, 1000);
		socket.on('data', (chunk: Buffer) => chunks.push(chunk));
		socket.on('close', done);
		socket.on('error', done);
		socket.write(raw);
	});
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

async function stillServes(): Promise<void> {
	const answer = await send(`http://127.0.0.1:${proxyPort}/${target.url}/healthy`);
	expect(answer.status).toBe(200);
	expect(answer.json()).toMatchObject({ url: '/healthy' });
}

describe('the proxy refuses malformed requests and keeps serving', () => {
	const host = () => `Host: 127.0.0.1:${proxyPort}\r\n`;
	const path = () => `/${target.url}/api/v1/me.json`;
	const corpus: [string, () => string | Buffer, number[]][] = [
		['a Trailer header on a request without body (crashed http-proxy 1.11)', () => `GET ${path()} HTTP/1.1\r\n${host()}Trailer: X-Checksum\r\nConnection: close\r\n\r\n`, [200]],
		['a Trailer header on a chunked body with trailers', () => `POST ${path()} HTTP/1.1\r\n${host()}Transfer-Encoding: chunked\r\nTrailer: X-Checksum\r\nConnection: close\r\n\r\n2\r\nab\r\n0\r\nX-Checksum: 1\r\n\r\n`, [200]],
		['broken chunked encoding', () => `POST ${path()} HTTP/1.1\r\n${host()}Transfer-Encoding: chunked\r\n\r\nZZZ\r\nab\r\n0\r\n\r\n`, [400]],
		['Content-Length and Transfer-Encoding together (request smuggling)', () => `POST ${path()} HTTP/1.1\r\n${host()}Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`, [400]],
		['a negative Content-Length', () => `POST ${path()} HTTP/1.1\r\n${host()}Content-Length: -1\r\n\r\n`, [400]],
		['headers larger than 16 KB', () => `GET ${path()} HTTP/1.1\r\n${host()}X-Big: ${'a'.repeat(40_000)}\r\n\r\n`, [431]],
		['a header name with a space', () => `GET ${path()} HTTP/1.1\r\n${host()}Bad Header: x\r\n\r\n`, [400]],
		['a control character in a header value', () => `GET ${path()} HTTP/1.1\r\n${host()}X-Bad: a\u0001b\r\n\r\n`, [400]],
		['bytes that are not HTTP', () => Buffer.from([0, 1, 2, 3, 13, 10, 13, 10]), [400]],
		['a space inside the target URL', () => `GET /http://127.0.0.1 x/ HTTP/1.1\r\n${host()}\r\n`, [400]],
		['an unclosed IPv6 bracket', () => `GET /http://[::1/ HTTP/1.1\r\n${host()}Connection: close\r\n\r\n`, [400]],
		['a bad percent escape in the host', () => `GET /https://%zz.kayako.com/ HTTP/1.1\r\n${host()}Connection: close\r\n\r\n`, [400]],
		['an absolute-form URL (a forward-proxy request)', () => `GET ${target.url}/api/v1/me.json HTTP/1.1\r\n${host()}Connection: close\r\n\r\n`, [400]],
		['an asterisk-form request', () => `GET * HTTP/1.1\r\n${host()}Connection: close\r\n\r\n`, [400]],
		['CONNECT to an allowed host (a tunnel)', () => `CONNECT 127.0.0.1:${target.port} HTTP/1.1\r\nHost: 127.0.0.1:${target.port}\r\n\r\n`, [405]],
		['TRACE', () => `TRACE ${path()} HTTP/1.1\r\n${host()}Connection: close\r\n\r\n`, [405]],
		['an unknown method', () => `PROPFIND ${path()} HTTP/1.1\r\n${host()}Connection: close\r\n\r\n`, [405]],
		['a WebSocket upgrade', () => `GET ${path()} HTTP/1.1\r\n${host()}Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`, [200]],
		['HTTP/2 prior knowledge', () => 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', [400, 405]],
		['a request cut off in the headers', () => `GET ${path()} HTTP/1.1\r\nHost: 127`, [0]]
	];

	for (const [name, raw, statuses] of corpus) {
		it(`${name}: answers ${statuses.join(' or ')}`, async () => {
			const answer = await exchange(raw());
			expect(statuses, answer.slice(0, 200)).toContain(statusOf(answer));
			await stillServes();
		});
	}

	it('passes an answer with a Trailer header on, body intact', async () => {
		const answer = await send(`http://127.0.0.1:${proxyPort}/${target.url}/with-trailer`);
		expect(answer.status).toBe(200);
		expect(answer.json()).toEqual({ ok: true });
		expect(answer.headers.trailer).toBeUndefined();
		await stillServes();
	});

	it('never hands a refused method or a tunnel to the target', () => {
		expect(target.received.filter((r) => ['TRACE', 'PROPFIND', 'CONNECT'].includes(r.method))).toEqual([]);
	});
});
