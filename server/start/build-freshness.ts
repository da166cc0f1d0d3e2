// Whether build/ still matches the sources: missing, older than the newest source file, or made for another base path.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

export interface BuildCheck {
	fresh: boolean;
	/** Why a build is needed, in words for the console. */
	reason?: string;
}

export interface BuildCheckOptions {
	root: string;
	buildDir?: string;
	/** Files and folders (relative to root) whose changes call for a new build. */
	sources?: readonly string[];
	/** The base path the server will use; a build made for another one would load nothing. */
	basePath?: string;
}

export const BUILD_SOURCES: readonly string[] = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'server/security-policy.js'];

interface NewestFile {
	path: string;
	mtimeMs: number;
}

async function newestFile(path: string): Promise<NewestFile | undefined> {
	let info;
	try {
		info = await stat(path);
	} catch {
		return undefined;
	}
	if (!info.isDirectory()) return { path, mtimeMs: info.mtimeMs };
	let newest: NewestFile | undefined;
	for (const entry of await readdir(path)) {
		const candidate = await newestFile(join(path, entry));
		if (candidate && (!newest || candidate.mtimeMs > newest.mtimeMs)) newest = candidate;
	}
	return newest;
}

/** The base path the shell loads its scripts from; undefined when it uses relative paths. */
export function builtBasePath(indexHtml: string): string | undefined {
	const match = /["'](\/[^"'\s]*?)?\/_app\/immutable\//.exec(indexHtml);
	if (!match) return undefined;
	return match[1] ?? '';
}

export async function checkBuild(options: BuildCheckOptions): Promise<BuildCheck> {
	const buildDir = join(options.root, options.buildDir ?? 'build');
	const indexPath = join(buildDir, 'index.html');
	let builtAt: number;
	let indexHtml: string;
	try {
		builtAt = (await stat(indexPath)).mtimeMs;
		indexHtml = await readFile(indexPath, 'utf8');
	} catch {
		return { fresh: false, reason: `${relative(options.root, buildDir) || buildDir}/ has no index.html yet` };
	}
	let newest: NewestFile | undefined;
	for (const source of options.sources ?? BUILD_SOURCES) {
		const candidate = await newestFile(join(options.root, source));
		if (candidate && (!newest || candidate.mtimeMs > newest.mtimeMs)) newest = candidate;
	}
	if (newest && newest.mtimeMs > builtAt) {
		return { fresh: false, reason: `${relative(options.root, newest.path)} changed after the last build` };
	}
	const base = builtBasePath(indexHtml);
	const wanted = options.basePath ?? '';
	if (base !== undefined && base !== wanted) {
		return { fresh: false, reason: `the last build was made for the base path "${base}", not "${wanted}"` };
	}
	return { fresh: true };
}
