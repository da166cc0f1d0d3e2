// A suspended Zendesk user becomes a disabled Kayako user once the run is through; everyone else stays enabled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/lib/engine/model';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import { connectors, newMigration, startHarness, type Harness } from './migration-harness';

let harness: Harness;

beforeAll(async () => {
	harness = await startHarness({ tickets: 10, seed: 3 });
});
afterAll(() => harness.close());

describe('suspended users', () => {
	it('are disabled in Kayako at the end of the run; active ones stay enabled', async () => {
		harness.kayako.reset();
		const { store, settings } = await newMigration(harness, { entities: ['teams', 'organizations', 'users'] });
		const built = await connectors(settings);
		const users: User[] = [];
		for await (const page of built.source.users()) users.push(...page.records);
		const run = await executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
		expect(run.error).toBeUndefined();
		expect(run.state).toBe('finished');

		const inKayako = new Map(harness.kayako.state('acme').users.filter((each) => each.legacy_id).map((each) => [each.legacy_id as string, each]));
		const suspended = users.filter((user) => user.active && user.suspended && inKayako.has(user.id));
		const active = users.filter((user) => user.active && !user.suspended && inKayako.has(user.id));
		expect(suspended.length).toBeGreaterThan(0);
		expect(active.length).toBeGreaterThan(0);
		for (const user of suspended) expect(inKayako.get(user.id)!.is_enabled, `suspended user ${user.id}`).toBe(false);
		for (const user of active) expect(inKayako.get(user.id)!.is_enabled, `active user ${user.id}`).toBe(true);
	}, 120_000);
});
