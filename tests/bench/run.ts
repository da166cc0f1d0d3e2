// npm run bench: a full Zendesk → Kayako migration on the sandboxes through the real proxy; prints figures, asserts nothing.
import 'fake-indexeddb/auto';
import { createCorsProxy } from '../../server/proxy/index';
import { createKayakoSandbox, KAYAKO_SANDBOX_CREDENTIALS } from '../../server/sandbox/kayako/index';
import { createZendeskSandbox, ZENDESK_SANDBOX_CREDENTIALS } from '../../server/sandbox/zendesk/index';
import { openConnectors } from '../../src/lib/engine/connectors/factory';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { resultsTable } from '../../src/lib/engine/reports/report';
import { openStore } from '../../src/lib/engine/store';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 300);
/** The sandboxes' own ceilings: the bench shows how close a run sits to the target's. */
const KAYAKO_LIMIT = Number(process.env.BENCH_KAYAKO_LIMIT ?? 6000);
const ZENDESK_LIMIT = Number(process.env.BENCH_ZENDESK_LIMIT ?? 7000);

async function main(): Promise<void> {
	const kayako = createKayakoSandbox({ accounts: ['acme'], rateLimitPerMinute: KAYAKO_LIMIT });
	const zendesk = createZendeskSandbox({ tickets: TICKETS, rateLimitPerMinute: ZENDESK_LIMIT });
	const kayakoUrl = (await kayako.listen(0, '127.0.0.1')).url;
	const zendeskUrl = (await zendesk.listen(0, '127.0.0.1')).url;
	const proxy = createCorsProxy({ allowHosts: [new URL(kayakoUrl).host, new URL(zendeskUrl).host, new URL(zendesk.filesUrl).host], env: {}, log: false });
	const proxyUrl = (await proxy.listen(0, '127.0.0.1')).url;

	const requests = new Map<string, number>();
	const counting: typeof fetch = (input, init) => {
		const target = String(input instanceof Request ? input.url : input).slice(proxyUrl.length + 1);
		const host = new URL(target).host;
		requests.set(host, (requests.get(host) ?? 0) + 1);
		return fetch(input, init);
	};

	const store = await openStore({ name: 'bench', indexedDB: new IDBFactory() });
	const settings = await store.createMigration({
		name: 'Bench',
		source: { platform: 'zendesk', url: zendesk.url, email: ZENDESK_SANDBOX_CREDENTIALS.email, authMethod: 'api-token' },
		target: { url: kayako.accountUrl('acme'), email: KAYAKO_SANDBOX_CREDENTIALS.admin.email },
		proxyUrl
	});
	const connectors = await openConnectors(
		settings,
		{
			source: { kind: 'api-token', email: ZENDESK_SANDBOX_CREDENTIALS.email, token: ZENDESK_SANDBOX_CREDENTIALS.apiToken },
			kayako: { kind: 'password', email: KAYAKO_SANDBOX_CREDENTIALS.admin.email, password: KAYAKO_SANDBOX_CREDENTIALS.admin.password }
		},
		counting
	);

	const started = performance.now();
	const run = await executeRun({ store, source: connectors.source, target: connectors.target, migrationId: settings.id, kind: 'full', options: { entities: ['teams', 'fields', 'organizations', 'users', 'tickets'], defaultAgentId: undefined } });
	const minutes = (performance.now() - started) / 60_000;
	const table = await resultsTable(store, settings.id);
	const tickets = table.tickets?.migrated ?? 0;
	const kayakoHost = new URL(kayakoUrl).host;
	const zendeskHost = new URL(zendeskUrl).host;
	const kayakoRequests = requests.get(kayakoHost) ?? 0;
	const zendeskRequests = requests.get(zendeskHost) ?? 0;

	console.log(`Full run of ${TICKETS} generated tickets: ${run.state} in ${(minutes * 60).toFixed(1)} s`);
	console.table(table);
	console.log(`tickets per minute: ${(tickets / minutes).toFixed(0)}`);
	console.log(`requests per ticket: Kayako ${(kayakoRequests / Math.max(1, tickets)).toFixed(2)}, Zendesk ${(zendeskRequests / Math.max(1, tickets)).toFixed(2)}`);
	console.log(`share of the rate-limit ceiling: Kayako ${((kayakoRequests / minutes / KAYAKO_LIMIT) * 100).toFixed(0)} % of ${KAYAKO_LIMIT}/min, Zendesk ${((zendeskRequests / minutes / ZENDESK_LIMIT) * 100).toFixed(0)} % of ${ZENDESK_LIMIT}/min`);

	await proxy.close();
	await kayako.close();
	await zendesk.close();
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
