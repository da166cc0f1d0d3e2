// A second migration with a fresh state against the same Kayako: it finds what the first made by legacy id, creates none of it again, and its rollback leaves it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';
import type { RecordKind } from '../../src/lib/engine/model';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import type { MigrationStore } from '../../src/lib/engine/store';
import { dyingConnectors } from './dying-fetch';
import { connectors, newMigration, startHarness, type Harness } from './migration-harness';

let harness: Harness;

beforeAll(async () => {
	harness = await startHarness({ tickets: 10, seed: 5 });
});
afterAll(() => harness.close());

const OPTIONS = { entities: ['teams', 'organizations', 'users', 'articles'], migrateInactiveUsers: true };

/** The legacy ids Kayako holds per kind of record, sorted, duplicates kept. */
function legacyIds(view: KayakoAccountView): Record<string, string[]> {
	const ids = (rows: { legacy_id: string | null }[]) => rows.map((row) => row.legacy_id).filter((id): id is string => typeof id === 'string').sort();
	return { organizations: ids(view.organizations), users: ids(view.users), teams: ids(view.teams), categories: ids(view.categories), sections: ids(view.sections), articles: ids(view.articles) };
}

async function migrateOnce(store: MigrationStore, settings: Awaited<ReturnType<typeof newMigration>>['settings']) {
	const built = await connectors(settings);
	const run = await executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
	expect(run.error).toBeUndefined();
	expect(run.state).toBe('finished');
	return run;
}

async function rows(store: MigrationStore, migrationId: string, entity: RecordKind) {
	return (await store.listIdMap({ by: 'entity', migrationId, entity }, { limit: 500 })).rows;
}

describe('a second migration with a fresh state against the same Kayako', () => {
	it('creates no second organization, category, section or article, reports them matched, and its rollback deletes none of them', async () => {
		harness.kayako.reset();
		const first = await newMigration(harness, OPTIONS);
		await migrateOnce(first.store, first.settings);
		const before = legacyIds(harness.kayako.state('acme'));
		for (const kind of ['organizations', 'categories', 'sections', 'articles'] as const) expect(before[kind]!.length, `${kind} made by the first migration`).toBeGreaterThan(0);
		for (const [kind, list] of Object.entries(before)) expect(new Set(list).size, `duplicates among ${kind}`).toBe(list.length);

		const second = await newMigration(harness, OPTIONS);
		const run = await migrateOnce(second.store, second.settings);
		expect(legacyIds(harness.kayako.state('acme'))).toEqual(before);

		// Found by the marker the first migration left: matched (nothing for a rollback to delete), and the report says so.
		for (const entity of ['organizations', 'kb-categories', 'kb-sections', 'articles'] as const) {
			const found = await rows(second.store, second.settings.id, entity);
			expect(found.length, `${entity} in the second id map`).toBeGreaterThan(0);
			for (const row of found) {
				expect(row.status, `${entity} ${row.sourceId}`).toBe('migrated');
				expect(row.createdBy, `${entity} ${row.sourceId} is not ours to delete`).toBeUndefined();
				expect(row.reason, `${entity} ${row.sourceId} reported as matched`).toMatch(/matched, not created again/);
			}
		}

		const built = await connectors(second.settings);
		const rollback = await executeRun({ store: second.store, source: built.source, target: built.target, migrationId: second.settings.id, kind: 'rollback', rollsBack: [run.id] });
		expect(rollback.error).toBeUndefined();
		expect(rollback.state).toBe('finished');
		expect(legacyIds(harness.kayako.state('acme'))).toEqual(before);
	}, 180_000);
});

describe('a second migration with a fresh state, killed while it looks for what the first made', () => {
	it('resumes without taking the first migration\'s records for its own: its rollback deletes none of them', async () => {
		harness.kayako.reset();
		const first = await newMigration(harness, OPTIONS);
		await migrateOnce(first.store, first.settings);
		const before = legacyIds(harness.kayako.state('acme'));

		const second = await newMigration(harness, OPTIONS);
		const start = { store: second.store, migrationId: second.settings.id };
		// Killed at its first look for an organization, then for an article, then left to finish.
		const atOrganizations = await dyingConnectors(second.settings, 'GET', /\/api\/v1\/organizations\.json/);
		let run = await executeRun({ ...start, source: atOrganizations.source, target: atOrganizations.target, kind: 'full', options: pipelineOptionsFrom(second.settings) });
		expect(run.state).toBe('failed');
		const atArticles = await dyingConnectors(second.settings, 'GET', /\/api\/v1\/articles\.json\?.*legacy_ids/);
		run = await executeRun({ ...start, source: atArticles.source, target: atArticles.target, resume: run.id });
		expect(run.state).toBe('failed');
		const healthy = await connectors(second.settings);
		run = await executeRun({ ...start, source: healthy.source, target: healthy.target, resume: run.id });
		expect(run.error).toBeUndefined();
		expect(run.state).toBe('finished');
		expect(legacyIds(harness.kayako.state('acme'))).toEqual(before);

		const rollback = await executeRun({ ...start, source: healthy.source, target: healthy.target, kind: 'rollback', rollsBack: [run.id] });
		expect(rollback.state).toBe('finished');
		expect(legacyIds(harness.kayako.state('acme'))).toEqual(before);
	}, 180_000);
});
