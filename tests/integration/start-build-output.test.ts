// `npm start` builds the app with the build's messages shown, except SvelteKit's "Run npm run preview…" hint, which
// does not apply to it; a failing build's errors stay visible and its failure is reported.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isPreviewHint, runBuild } from '../../server/start/build-app';

/** A stand-in for `npm run build` that prints what SvelteKit prints, coloured as in a terminal, then exits with `code`. */
function fakeBuild(code: number) {
	const script = [
		"console.log('vite v6 building for production...');",
		"console.log('\\nRun \\u001b[1m\\u001b[36mnpm run preview\\u001b[39m\\u001b[22m to preview your production build locally.');",
		"console.log('> Using @sveltejs/adapter-static');",
		"console.error('Error: src/routes/+page.svelte failed to compile');",
		`process.exit(${code});`
	].join('\n');
	const stdout = new PassThrough();
	const stderr = new PassThrough();
	let out = '';
	let err = '';
	stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
	stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
	return { build: { command: process.execPath, args: ['-e', script], stdout, stderr }, output: () => ({ out, err }) };
}

describe('the build npm start runs', () => {
	it('passes the build output through without the "Run npm run preview" hint', async () => {
		const fake = fakeBuild(0);
		await runBuild(process.cwd(), '', fake.build);
		const { out, err } = fake.output();
		expect(out).toContain('vite v6 building for production...');
		expect(out).toContain('> Using @sveltejs/adapter-static');
		expect(out).not.toContain('npm run preview');
		expect(err).toContain('failed to compile');
	});

	it('keeps a failing build\'s errors visible and fails with a message that points at them', async () => {
		const fake = fakeBuild(2);
		await expect(runBuild(process.cwd(), '', fake.build)).rejects.toThrow('npm run build failed (exit code 2); the messages above say why.');
		expect(fake.output().err).toContain('Error: src/routes/+page.svelte failed to compile');
	});

	it('knows the hint with and without colour codes, and nothing else', () => {
		expect(isPreviewHint('Run npm run preview to preview your production build locally.')).toBe(true);
		expect(isPreviewHint('Run \u001b[1m\u001b[36mnpm run preview\u001b[39m\u001b[22m to preview your production build locally.')).toBe(true);
		expect(isPreviewHint('npm run preview failed: port in use')).toBe(false);
	});
});
