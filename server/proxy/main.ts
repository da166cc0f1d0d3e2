// Runs the CORS proxy on its own, for self-hosting behind nginx:
// PROXY_ALLOW_ORIGINS=https://migrate.example.org npx tsx server/proxy/main.ts --port 8090 --host 127.0.0.1
import { parseArgs } from 'node:util';
import { DEFAULT_HOST, DEFAULT_PORTS } from '../config';
import { closeOnSignals } from '../start/shutdown';
import { ALLOW_ORIGINS_VARIABLE, createCorsProxy } from './index';

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: { port: { type: 'string' }, host: { type: 'string' }, quiet: { type: 'boolean' } },
		strict: true
	});
	const port = Number(values.port ?? process.env.PROXY_PORT ?? DEFAULT_PORTS.proxy);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port needs a port number, not "${values.port}".`);
	const proxy = createCorsProxy({ log: values.quiet !== true });
	const { url } = await proxy.listen(port, values.host ?? process.env.PROXY_HOST ?? DEFAULT_HOST);
	console.log(`CORS proxy listening on ${url}, forwarding to: ${proxy.allowedHosts().join(', ')}`);
	const origins = proxy.allowedOrigins();
	if (origins.length === 0) {
		console.warn(
			`No ${ALLOW_ORIGINS_VARIABLE} set: browsers are refused until it names the app's address, e.g. ${ALLOW_ORIGINS_VARIABLE}=https://migrate.example.org (the headless runner works without it).`
		);
	} else {
		console.log(`Serving pages of: ${origins.join(', ')}`);
	}
	closeOnSignals(proxy.close, { announce: 'Stopping the CORS proxy...' });
}

main().catch((error: unknown) => {
	console.error(`Could not start the proxy: ${(error as Error).message}`);
	process.exit(1);
});
