// The whole engine under Node against both sandboxes through the real CORS proxy: a store, a migration, connectors, and ways to crash.
import 'fake-indexeddb/auto';
import { createCorsProxy, type CorsProxy } from '../../server/proxy/index';
import { createKayakoSandbox, KAYAKO_SANDBOX_CREDENTIALS, type KayakoSandbox } from '../../server/sandbox/kayako/index';
import { createZendeskSandbox, ZENDESK_SANDBOX_CREDENTIALS, type ZendeskSandbox } from '../../server/sandbox/zendesk/index';
import { openConnectors, type Connectors } from '../../src/lib/engine/connectors/factory';
import type { JsonObject, MigrationSettings, MigrationStore } from '../../src/lib/engine/store';
import { openStore } from '../../src/lib/engine/store';
import { scaleWriterWaitsForTests } from '../../src/lib/engine/connectors/kayako/writer/context';

export interface Harness {
	kayako: KayakoSandbox;
	zendesk: ZendeskSandbox;
	proxyUrl: string;
	close(): Promise<void>;
}

/**
 * Kayako's bulk jobs and the engine's waits for them (job polls, the lost-send settle period) both run at a quarter of
 * their real length: every wait keeps its proportion to every job, so each scenario plays out as in the product, 4x sooner.
 */
export const HARNESS_JOB_TIME_SCALE = 0.25;

/**
 * Limits high enough that a test never waits out a real minute; the limiter tests set their own. `kayakoNow`: Kayako's clock
 * (its jobs run by it); `profile`: the Zendesk seed profile; `jobTimeScale`: how long bulk jobs and the waits for them take,
 * against the real ones (1).
 */
export async function startHarness(
	options: { tickets?: number; seed?: number; kayakoLimit?: number; zendeskLimit?: number; kayakoNow?: () => number; profile?: 'tidy' | 'real'; jobTimeScale?: number; kayakoMaxUploadBytes?: number } = {}
): Promise<Harness> {
	scaleWriterWaitsForTests(options.jobTimeScale ?? HARNESS_JOB_TIME_SCALE);
	const kayako = createKayakoSandbox({
		accounts: ['acme'],
		rateLimitPerMinute: options.kayakoLimit ?? 100_000,
		now: options.kayakoNow,
		...(options.kayakoMaxUploadBytes !== undefined && { maxUploadBytes: options.kayakoMaxUploadBytes }),
		jobTimeScale: options.jobTimeScale ?? HARNESS_JOB_TIME_SCALE
	});
	const zendesk = createZendeskSandbox({ tickets: options.tickets ?? 40, seed: options.seed, rateLimitPerMinute: options.zendeskLimit ?? 100_000, profile: options.profile });
	const kayakoUrl = (await kayako.listen(0, '127.0.0.1')).url;
	const zendeskUrl = (await zendesk.listen(0, '127.0.0.1')).url;
	const proxy: CorsProxy = createCorsProxy({ allowHosts: [new URL(kayakoUrl).host, new URL(zendeskUrl).host, new URL(zendesk.filesUrl).host], env: {}, log: false });
	const proxyUrl = (await proxy.listen(0, '127.0.0.1')).url;
	return {
		kayako,
		zendesk,
		proxyUrl,
		async close() {
			await proxy.close();
			await kayako.close();
			await zendesk.close();
		}
	};
}

export const CREDENTIALS = {
	source: { kind: 'api-token' as const, email: ZENDESK_SANDBOX_CREDENTIALS.email, token: ZENDESK_SANDBOX_CREDENTIALS.apiToken },
	kayako: { kind: 'password' as const, email: KAYAKO_SANDBOX_CREDENTIALS.admin.email, password: KAYAKO_SANDBOX_CREDENTIALS.admin.password }
};

export async function newMigration(harness: Harness, options: JsonObject = {}): Promise<{ store: MigrationStore; settings: MigrationSettings }> {
	const store = await openStore({ name: `migration-${Math.random()}`, indexedDB: new IDBFactory() });
	const settings = await store.createMigration({
		name: 'Zendesk to Kayako',
		source: { platform: 'zendesk', url: harness.zendesk.url, email: ZENDESK_SANDBOX_CREDENTIALS.email, authMethod: 'api-token' },
		target: { url: harness.kayako.accountUrl('acme'), email: KAYAKO_SANDBOX_CREDENTIALS.admin.email },
		proxyUrl: harness.proxyUrl,
		options
	});
	return { store, settings };
}

/**
 * Connectors whose fetch dies for good after `budget` requests, the way a closed tab stops mid-flight: the
 * request in flight may have reached the server and acted. Undefined budget: never dies.
 */
export async function connectors(settings: MigrationSettings, budget?: number): Promise<Connectors & { requests(): number }> {
	let sent = 0;
	const dying: typeof fetch = async (input, init) => {
		sent++;
		if (budget !== undefined && sent > budget) throw new TypeError('fetch failed: the worker is gone');
		return fetch(input, init);
	};
	// Quick retries: a dead worker is noticed in milliseconds, and faults cost no real minutes.
	const built = await openConnectors(settings, CREDENTIALS, dying, { baseBackoffMs: 5, maxBackoffMs: 50 });
	return { ...built, requests: () => sent };
}

/** The ids of the source's live tickets, sorted: deleted ones come through the export, marked, and never move. */
export async function liveTicketIds(harness: Harness): Promise<string[]> {
	const { settings } = await newMigration(harness);
	const { source } = await connectors(settings);
	const ids: string[] = [];
	for await (const page of source.tickets()) ids.push(...page.records.filter((ticket) => !ticket.deleted).map((ticket) => ticket.id));
	return ids.sort();
}
