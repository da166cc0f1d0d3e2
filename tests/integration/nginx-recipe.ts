// deploy/nginx.conf run by a real nginx on loopback, with the test's ports, files and log paths swapped in.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const NGINX = '/usr/sbin/nginx';
const TEMPLATE = join(process.cwd(), 'deploy/nginx.conf');

export interface RunningRecipe {
	/** The app's origin, e.g. http://127.0.0.1:41234 */
	appUrl: string;
	/** The proxy's origin, another port. */
	proxyUrl: string;
	appLog(): string;
	proxyLog(): string;
	close(): Promise<void>;
}

interface Values {
	appPort: number;
	proxyPort: number;
	root: string;
	nodeProxyPort: number;
	appLog: string;
	proxyLog: string;
}

/** The template with its example values swapped for the test's; each must be there, or the template drifted. */
export function siteConfig(template: string, values: Values): string {
	const swaps: [string, string][] = [
		['listen 8080;', `listen 127.0.0.1:${values.appPort};`],
		['listen 8081;', `listen 127.0.0.1:${values.proxyPort};`],
		['root /srv/kayako-migrator;', `root ${values.root};`],
		['/var/log/nginx/kayako-migrator-app.log', values.appLog],
		['/var/log/nginx/kayako-migrator-proxy.log', values.proxyLog],
		['http://127.0.0.1:8090$', `http://127.0.0.1:${values.nodeProxyPort}$`]
	];
	let config = template;
	for (const [from, to] of swaps) {
		if (config.split(from).length !== 2) throw new Error(`deploy/nginx.conf should contain "${from}" exactly once`);
		config = config.replace(from, to);
	}
	return config;
}

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

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

/**
 * files: paths under the site root (e.g. "migrate/index.html") and their content. startProxy gets the app's
 * origin (for PROXY_ALLOW_ORIGINS) and answers the port the Node proxy listens on.
 */
export async function startRecipe(files: Record<string, string>, startProxy: (appOrigin: string) => Promise<number>): Promise<RunningRecipe> {
	if (!existsSync(NGINX)) throw new Error(`nginx is not installed at ${NGINX}. Install it with: apt-get install nginx`);
	const prefix = mkdtempSync(join(tmpdir(), 'nginx-'));
	for (const [name, content] of Object.entries(files)) {
		const path = join(prefix, 'www', name);
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, content);
	}
	const appPort = await freePort();
	const values: Values = {
		appPort,
		proxyPort: await freePort(),
		root: join(prefix, 'www'),
		nodeProxyPort: await startProxy(`http://127.0.0.1:${appPort}`),
		appLog: join(prefix, 'app.log'),
		proxyLog: join(prefix, 'proxy.log')
	};
	writeFileSync(join(prefix, 'site.conf'), siteConfig(readFileSync(TEMPLATE, 'utf8'), values));
	writeFileSync(
		join(prefix, 'nginx.conf'),
		['events { worker_connections 64; }', 'http {', '	include /etc/nginx/mime.types;', '	default_type application/octet-stream;', `	include ${join(prefix, 'site.conf')};`, '}', ''].join('\n')
	);
	const errorLog = join(prefix, 'error.log');
	// One process, no master: it runs as whoever runs the tests and reads the temporary files they wrote.
	const nginx = spawn(NGINX, ['-p', `${prefix}/`, '-c', join(prefix, 'nginx.conf'), '-e', errorLog, '-g', `daemon off; master_process off; pid ${join(prefix, 'nginx.pid')};`], {
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	nginx.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');
	try {
		await waitForPort(values.appPort, nginx, () => `${stderr}${read(errorLog)}`);
		await waitForPort(values.proxyPort, nginx, () => `${stderr}${read(errorLog)}`);
	} catch (error) {
		nginx.kill('SIGKILL');
		rmSync(prefix, { recursive: true, force: true });
		throw error;
	}
	return {
		appUrl: `http://127.0.0.1:${values.appPort}`,
		proxyUrl: `http://127.0.0.1:${values.proxyPort}`,
		appLog: () => read(values.appLog),
		proxyLog: () => read(values.proxyLog),
		async close() {
			if (nginx.exitCode === null) {
				const exited = new Promise((resolve) => nginx.once('exit', resolve));
				nginx.kill('SIGQUIT');
				await exited;
			}
			rmSync(prefix, { recursive: true, force: true });
		}
	};
}
