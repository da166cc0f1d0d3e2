// Runs `npm run build` for `npm start`, with the base path the local server uses, and waits for it.
import { spawn } from 'node:child_process';

export function runBuild(root: string, basePath = ''): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn('npm', ['run', 'build'], {
			cwd: root,
			stdio: 'inherit',
			env: { ...process.env, BASE_PATH: basePath }
		});
		child.once('error', reject);
		child.once('exit', (code, signal) => {
			if (code === 0) resolve();
			else reject(new Error(`npm run build failed (${signal ?? `exit code ${code}`}); the messages above say why.`));
		});
	});
}
