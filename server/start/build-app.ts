// Runs `npm run build` for `npm start`, with the base path the local server uses, and waits for it. The build's output
// passes through line by line, all but SvelteKit's "Run npm run preview…" hint, which does not apply: `npm start` serves it.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** SvelteKit's closing hint, with or without its colour codes. */
const PREVIEW_HINT = /^Run npm run preview to preview your production build locally\.?$/;

// eslint-disable-next-line no-control-regex -- the colour codes are control characters
const COLOUR_CODES = /\u001b\[[0-9;]*m/g;

export function isPreviewHint(line: string): boolean {
	return PREVIEW_HINT.test(line.replace(COLOUR_CODES, '').trim());
}

function passThrough(from: Readable, to: Writable): Promise<void> {
	return new Promise((resolve) => {
		const lines = createInterface({ input: from, crlfDelay: Infinity });
		lines.on('line', (line) => {
			if (!isPreviewHint(line)) to.write(`${line}\n`);
		});
		lines.once('close', resolve);
	});
}

export interface BuildCommand {
	command: string;
	args: string[];
	/** Where the build's output goes; the terminal by default. */
	stdout?: Writable;
	stderr?: Writable;
}

const NPM_BUILD: BuildCommand = { command: 'npm', args: ['run', 'build'] };

export function runBuild(root: string, basePath = '', build: BuildCommand = NPM_BUILD): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(build.command, build.args, {
			cwd: root,
			stdio: ['ignore', 'pipe', 'pipe'],
			// Piped output is no terminal: the build keeps its colours only where ours are shown in one.
			env: { ...process.env, BASE_PATH: basePath, ...(process.stdout.isTTY && process.env.NO_COLOR === undefined && { FORCE_COLOR: '1' }) }
		});
		const copied = Promise.all([passThrough(child.stdout, build.stdout ?? process.stdout), passThrough(child.stderr, build.stderr ?? process.stderr)]);
		child.once('error', reject);
		child.once('close', (code, signal) => {
			void copied.then(() => {
				if (code === 0) resolve();
				else reject(new Error(`npm run build failed (${signal ?? `exit code ${code}`}); the messages above say why.`));
			});
		});
	});
}
