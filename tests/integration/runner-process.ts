// The headless runner as a child process for the runner tests: its output lines and its exit code.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KAYAKO_SANDBOX_CREDENTIALS } from '../../server/sandbox/kayako/index';
import { ZENDESK_SANDBOX_CREDENTIALS } from '../../server/sandbox/zendesk/index';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Runner {
	child: ChildProcess;
	lines: string[];
	exited: Promise<number | null>;
	output(): string;
}

/** The node flags and script of `npm run migrate` (its heap cap included), read from package.json so the two cannot drift. */
const MIGRATE: string[] = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { migrate: string } }).scripts.migrate.split(' ').slice(1);

/** `npm run migrate` is `node … --import tsx server/runner/main.ts`: started as node itself, in one process a SIGKILL really ends. */
export function startRunner(args: string[], env: Record<string, string> = {}): Runner {
	const child = spawn(process.execPath, [...MIGRATE, ...args], {
		cwd: ROOT,
		env: { ...process.env, KAYAKO_PASSWORD: KAYAKO_SANDBOX_CREDENTIALS.admin.password, SOURCE_TOKEN: ZENDESK_SANDBOX_CREDENTIALS.apiToken, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const lines: string[] = [];
	let rest = '';
	const collect = (chunk: Buffer) => {
		const text = rest + chunk.toString('utf8');
		const parts = text.split('\n');
		rest = parts.pop() ?? '';
		lines.push(...parts);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	const exited = new Promise<number | null>((done) =>
		child.on('close', (code) => {
			if (rest) lines.push(rest);
			done(code);
		})
	);
	return { child, lines, exited, output: () => lines.join('\n') };
}

export async function until(condition: () => boolean, what: string, timeoutMs = 240_000): Promise<void> {
	const started = Date.now();
	while (!condition()) {
		if (Date.now() - started > timeoutMs) throw new Error(`Gave up waiting for ${what}.`);
		await new Promise((done) => setTimeout(done, 100));
	}
}
