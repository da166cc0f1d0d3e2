// What the engine command tests share: unwrapping a command's answer, and migrations with one or both helpdesks logged in.
import { KAYAKO_SANDBOX_CREDENTIALS } from '../../server/sandbox/kayako/index';
import { ZENDESK_SANDBOX_CREDENTIALS } from '../../server/sandbox/zendesk/index';
import type { EngineApi } from '../../src/lib/engine/api';
import type { Result } from '../../src/lib/engine/errors';
import type { Harness } from './migration-harness';

/** The command's value; a failure fails the test with the engine's own words. */
export function value<T>(result: Result<T>): T {
	if (!result.ok) throw new Error(`expected success, got ${result.error.kind}: ${result.error.message}`);
	return result.value;
}

/** A new Zendesk migration with the sandbox Zendesk logged in through the proxy, and Kayako not. */
export async function migrationWithSource(engine: EngineApi, harness: Harness): Promise<string> {
	const id = value(await engine.createMigration({ name: 'Zendesk to Kayako', platform: 'zendesk' })).id;
	const source = { url: harness.zendesk.url, email: ZENDESK_SANDBOX_CREDENTIALS.email, authMethod: 'api-token' as const, proxyUrl: harness.proxyUrl };
	value(await engine.connectSource(id, source, { secret: ZENDESK_SANDBOX_CREDENTIALS.apiToken }));
	return id;
}

/** A new Zendesk migration with both sandboxes logged in through the proxy. */
export async function connectedMigration(engine: EngineApi, harness: Harness): Promise<string> {
	const id = await migrationWithSource(engine, harness);
	const { admin } = KAYAKO_SANDBOX_CREDENTIALS;
	value(await engine.connectKayako(id, { url: harness.kayako.accountUrl('acme'), email: admin.email, proxyUrl: harness.proxyUrl }, { password: admin.password }));
	return id;
}
