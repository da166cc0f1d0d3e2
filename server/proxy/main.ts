// Runs the CORS proxy on its own, for self-hosting behind nginx: npx tsx server/proxy/main.ts --port 8090 --host 127.0.0.1
import { parseArgs } from 'node:util';
import { DEFAULT_HOST, DEFAULT_PORTS } from '../config';
import { closeOnSignals } from '../start/shutdown';
import { createCorsProxy } from './index';

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
	closeOnSignals(proxy.close, { announce: 'Stopping the CORS proxy...' });
}

main().catch((error: unknown) => {
	console.error(`Could not start the proxy: ${(error as Error).message}`);
	process.exit(1);
});
