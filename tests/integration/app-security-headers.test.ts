// The app's security headers are one set: what `npm start`'s static server sends, deploy/nginx.conf's app locations
// send too, checked in the file and through a real nginx running those locations.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCRIPT_SECURITY_HEADERS, SECURITY_HEADERS, securityHeadersFor } from '../../server/security-headers';
import { closedPort, send } from './proxy-fixtures';

const NGINX = '/usr/sbin/nginx';
const RECIPE = readFileSync(join(process.cwd(), 'deploy/nginx.conf'), 'utf8');

interface Location {
	/** As written after `location`, e.g. "/migrate/_app/" or "= /migrate/service-worker.js". */
	path: string;
	body: string;
}

/** The recipe's locations that serve the app (under /migrate/), each with its body. */
function appLocations(config: string): Location[] {
	const found: Location[] = [];
	for (const match of config.matchAll(/^\s*location\s+((?:= )?\/migrate\/\S*)\s*\{/gm)) {
		const start = (match.index ?? 0) + match[0].length;
		let depth = 1;
		let end = start;
		while (depth > 0 && end < config.length) {
			if (config[end] === '{') depth++;
			if (config[end] === '}') depth--;
			end++;
		}
		found.push({ path: match[1]!, body: config.slice(start, end - 1) });
	}
	return found;
}

function addedHeaders(body: string): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const match of body.matchAll(/^\s*add_header\s+(\S+)\s+"([^"]*)"\s+always;/gm)) headers[match[1]!] = match[2]!;
	return headers;
}

describe('deploy/nginx.conf against server/security-headers.ts', () => {
	it('sends every security header, word for word, from each of the app locations', () => {
		const locations = appLocations(RECIPE);
		expect(locations.map((location) => location.path)).toEqual(
			expect.arrayContaining(['/migrate/', '= /migrate/service-worker.js', '/migrate/_app/', '/migrate/_app/immutable/'])
		);
		for (const location of locations) {
			const added = addedHeaders(location.body);
			// The same choice the static server makes, for the path relative to the base path.
			const expected = securityHeadersFor(location.path.replace(/^= /, '').slice('/migrate'.length));
			for (const [name, value] of Object.entries(expected)) expect(added[name], `${name} in location ${location.path}`).toBe(value);
		}
		expect(SCRIPT_SECURITY_HEADERS['Content-Security-Policy']).toContain("script-src 'self'");
	});
});

function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
	const deadline = Date.now() + 10_000;
	return new Promise((resolve, reject) => {
		const attempt = () => {
			if (child.exitCode !== null) return reject(new Error(`nginx exited with ${child.exitCode}:\n${log()}`));
			const socket = connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.destroy();
				resolve();
			});
			socket.once('error', () => {
				socket.destroy();
				if (Date.now() > deadline) reject(new Error(`nginx did not listen on ${port} within 10 s:\n${log()}`));
				else setTimeout(attempt, 50);
			});
		};
		attempt();
	});
}

describe('the recipe\'s app locations run by a real nginx', () => {
	let prefix = '';
	let nginx: ChildProcess | undefined;
	let url = '';

	beforeAll(async () => {
		if (!existsSync(NGINX)) throw new Error(`nginx is not installed at ${NGINX}. Install it with: apt-get install nginx`);
		prefix = mkdtempSync(join(tmpdir(), 'nginx-app-'));
		const files: Record<string, string> = {
			'www/migrate/index.html': '<!doctype html><title>Kayako migration</title>',
			'www/migrate/service-worker.js': 'self.addEventListener("fetch", () => {});\n',
			'www/migrate/_app/version.json': '{"version":"1"}',
			'www/migrate/_app/immutable/entry/start.Ab12.js': 'export const started = true;\n'
		};
		for (const [name, content] of Object.entries(files)) {
			mkdirSync(dirname(join(prefix, name)), { recursive: true });
			writeFileSync(join(prefix, name), content);
		}
		const port = await closedPort();
		// Only the app's locations, so the test follows the recipe however its proxy part is laid out.
		const locations = appLocations(RECIPE).map((location) => `location ${location.path} {${location.body}}`);
		expect(locations.length).toBeGreaterThanOrEqual(4);
		const config = [
			'events { worker_connections 64; }',
			'http {',
			'	include /etc/nginx/mime.types;',
			'	default_type application/octet-stream;',
			'	access_log off;',
			`	server { listen 127.0.0.1:${port}; root ${join(prefix, 'www')};`,
			...locations,
			'	}',
			'}',
			''
		].join('\n');
		writeFileSync(join(prefix, 'nginx.conf'), config);
		const errorLog = join(prefix, 'error.log');
		nginx = spawn(NGINX, ['-p', `${prefix}/`, '-c', join(prefix, 'nginx.conf'), '-e', errorLog, '-g', `daemon off; master_process off; pid ${join(prefix, 'nginx.pid')};`], {
			stdio: ['ignore', 'ignore', 'pipe']
		});
		let stderr = '';
		nginx.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		await waitForPort(port, nginx, () => `${stderr}${existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : ''}`);
		url = `http://127.0.0.1:${port}`;
	});

	afterAll(async () => {
		if (nginx && nginx.exitCode === null) {
			const exited = new Promise((resolve) => nginx?.once('exit', resolve));
			nginx.kill('SIGQUIT');
			await exited;
		}
		if (prefix) rmSync(prefix, { recursive: true, force: true });
	});

	it('answers the shell, a deep link, the service worker, assets and a missing asset with the same security headers', async () => {
		const paths = ['/migrate/', '/migrate/migrations/x/connect', '/migrate/service-worker.js', '/migrate/_app/version.json', '/migrate/_app/immutable/entry/start.Ab12.js', '/migrate/_app/immutable/missing.js'];
		for (const path of paths) {
			const answer = await send(`${url}${path}`);
			const expected = /^\/migrate\/(_app\/|service-worker\.js$)/.test(path) ? SCRIPT_SECURITY_HEADERS : SECURITY_HEADERS;
			expect(answer.headers['content-security-policy'], path).toBe(expected['Content-Security-Policy']);
			expect(answer.headers['referrer-policy'], path).toBe('no-referrer');
			expect(answer.headers['x-content-type-options'], path).toBe('nosniff');
		}
	});
});
