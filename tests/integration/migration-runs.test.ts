// Demo, rollback and delta on the sandboxes: two demos then their rollback leave Kayako as it was; a delta moves only what changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';
import { connectors, newMigration, startHarness, type Harness } from './migration-harness';

let harness: Harness;

beforeAll(async () => {
	harness = await startHarness({ tickets: 30, seed: 11 });
});
afterAll(() => harness.close());

/** What a rollback must restore: every record by id, not just the counts. */
function records(view: KayakoAccountView) {
	return {
		users: view.users.map((user) => user.id),
		organizations: view.organizations.map((org) => org.id),
		teams: view.teams.map((team) => team.id),
		fields: view.fields.map((field) => field.id),
		cases: view.cases.filter((kase) => kase.state !== 'TRASH').map((kase) => kase.id)
	};
}

describe('two demos and their rollback', () => {
	it('bring Kayako back to its seed state', async () => {
		harness.kayako.reset();
		const seed = records(harness.kayako.state('acme'));
		const { store, settings } = await newMigration(harness);
		const built = await connectors(settings);
		const demo = (seedValue: number) =>
			executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind: 'demo', options: { ...pipelineOptionsFrom(settings), demo: { size: 5, seed: seedValue, candidates: 100 } } });
		const first = await demo(1);
		const second = await demo(2);
		expect(first.state).toBe('finished');
		expect(second.state).toBe('finished');
		const during = harness.kayako.state('acme');
		expect(during.cases.filter((kase) => kase.legacy_id).length).toBeGreaterThanOrEqual(5);

		const rollback = await executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind: 'rollback', rollsBack: [first.id, second.id] });
		expect(rollback.error).toBeUndefined();
		expect(records(harness.kayako.state('acme'))).toEqual(seed);
	}, 120_000);
});

describe('a delta after changes in the source', () => {
	it('creates the new ticket, appends the new comment, and sends nothing for the rest', async () => {
		harness.kayako.reset();
		const { store, settings } = await newMigration(harness);
		const built = await connectors(settings);
		const full = await executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
		expect(full.error).toBeUndefined();
		const before = harness.kayako.state('acme');

		harness.zendesk.advanceClock(60_000);
		const added = harness.zendesk.addTicket({ subject: 'Printer on fire, again', comment: 'It happened again.' });
		const changedId = Number(before.cases.find((kase) => kase.legacy_id)!.legacy_id);
		harness.zendesk.addComment(changedId, { body: 'Any news?', public: true });
		// Zendesk's exports leave out the last minute.
		harness.zendesk.advanceClock(120_000);

		const fresh = await connectors(settings);
		const delta = await executeRun({ store, source: fresh.source, target: fresh.target, migrationId: settings.id, kind: 'delta', options: pipelineOptionsFrom(settings) });
		expect(delta.error).toBeUndefined();
		const after = harness.kayako.state('acme');
		const legacy = (view: KayakoAccountView) => view.cases.filter((kase) => kase.legacy_id).map((kase) => kase.legacy_id);
		expect(legacy(after).sort()).toEqual([...legacy(before), String(added.id)].sort());
		const changedBefore = before.cases.find((kase) => kase.legacy_id === String(changedId))!;
		const changedAfter = after.cases.find((kase) => kase.legacy_id === String(changedId))!;
		expect(changedAfter.posts.length).toBe(changedBefore.posts.length + 1);
		expect(changedAfter.posts.at(-1)?.contents).toContain('Any news?');
		// Every other case kept its posts.
		for (const kase of before.cases.filter((each) => each.legacy_id && each.legacy_id !== String(changedId))) {
			expect(after.cases.find((each) => each.id === kase.id)?.posts.length).toBe(kase.posts.length);
		}
		expect(after.mailed.length).toBe(before.mailed.length);
	}, 120_000);
});
