// The short block `npm start` prints: where the app, the proxy and each sandbox are, and how to log in.
import type { Started } from './services';

export function formatBanner(started: Omit<Started, 'close'>): string {
	const lines = [
		'',
		'  Kayako migration is running.',
		'',
		`  Open the app:    ${started.app.url}/`,
		`  CORS proxy:      ${started.proxy.url}   (enter this as the proxy address)`,
		''
	];
	for (const sandbox of started.sandboxes) {
		lines.push(`  ${sandbox.name} sandbox: ${sandbox.url}`);
		for (const [name, value] of Object.entries(sandbox.credentials)) lines.push(`    ${name}: ${value}`);
	}
	lines.push('', '  The sandboxes are local stand-ins with generated data; nothing leaves this machine.', '  Press Ctrl+C to stop.', '');
	return lines.join('\n');
}
