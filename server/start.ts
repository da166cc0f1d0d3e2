// `npm start`: builds the app when needed, then runs it with the CORS proxy and the sandbox helpdesks on loopback.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCorsProxy } from './proxy/index';
import { createKayakoSandbox, KAYAKO_SANDBOX_CREDENTIALS } from './sandbox/kayako/index';
import { createZendeskSandbox, ZENDESK_SANDBOX_CREDENTIALS } from './sandbox/zendesk/index';
import { parseStartArgs, START_USAGE, StartArgsError } from './start/args';
import { formatBanner } from './start/banner';
import { runBuild } from './start/build-app';
import { checkBuild } from './start/build-freshness';
import { reachableHost, startServices } from './start/services';
import { closeOnSignals } from './start/shutdown';
import { createStaticServer } from './static';

const root = fileURLToPath(new URL('..', import.meta.url));
const buildDir = join(root, 'build');

async function main(): Promise<void> {
	const args = parseStartArgs(process.argv.slice(2));
	if (args.help) {
		console.log(START_USAGE);
		return;
	}
	if (args.build) {
		const check = await checkBuild({ root, basePath: '' });
		if (!check.fresh) {
			console.log(`Building the app first: ${check.reason}.`);
			await runBuild(root, '');
		}
	} else if (!existsSync(join(buildDir, 'index.html'))) {
		throw new Error('build/ has no app in it yet. Run `npm run build`, or start without --no-build.');
	}

	const kayako = createKayakoSandbox({});
	const zendesk = createZendeskSandbox({ tickets: args.zendeskTickets, profile: args.zendeskProfile });
	const proxyUrl = `http://${reachableHost(args.host)}:${args.proxyPort}`;
	const appConfig = () => ({
		proxyUrl,
		sandboxes: { kayako: { url: kayako.accountUrl('acme'), email: KAYAKO_SANDBOX_CREDENTIALS.admin.email }, zendesk: { url: zendesk.url, email: ZENDESK_SANDBOX_CREDENTIALS.email } }
	});
	const started = await startServices({
		host: args.host,
		app: { service: createStaticServer({ dir: buildDir, basePath: '', appConfig }), port: args.appPort },
		proxy: { create: (allowHosts, allowOrigins) => createCorsProxy({ allowHosts, allowOrigins, log: false }), port: args.proxyPort },
		sandboxes: [
			{
				name: 'Kayako',
				service: kayako,
				port: args.kayakoPort,
				describe: () => ({
					name: 'Kayako',
					url: kayako.accountUrl('acme'),
					credentials: { 'e-mail': KAYAKO_SANDBOX_CREDENTIALS.admin.email, password: KAYAKO_SANDBOX_CREDENTIALS.admin.password }
				})
			},
			{
				name: 'Zendesk',
				service: zendesk,
				port: args.zendeskPort,
				describe: () => ({
					name: 'Zendesk',
					url: zendesk.url,
					credentials: { 'e-mail': ZENDESK_SANDBOX_CREDENTIALS.email, 'API token': ZENDESK_SANDBOX_CREDENTIALS.apiToken }
				})
			}
		]
	});
	console.log(formatBanner(started));
	closeOnSignals(started.close, { announce: 'Stopping the app, the proxy and the sandboxes...' });
}

main().catch((error: unknown) => {
	console.error(error instanceof StartArgsError ? error.message : `Could not start: ${(error as Error).message}`);
	process.exit(error instanceof StartArgsError ? 2 : 1);
});
