// A delta's two ways with a changed ticket on the sandboxes: append notes (case kept), or re-import (new case, old one trashed), through a lost answer and a kill; and its summary per entity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnectors } from '../../src/lib/engine/connectors/factory';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import type { MigrationSettings, MigrationStore, RunRecord } from '../../src/lib/engine/store';
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';
import { CREDENTIALS, connectors, newMigration, startHarness, type Harness } from './migration-harness';

let harness: Harness;
let store: MigrationStore;
let settings: MigrationSettings;
/** The last re-import and its delta, for the rollback test. */
let lastReimport: { changed: Changed; run: RunRecord } | undefined;
/** Tickets a test changed already: each test changes another one. */
const used = new Set<string>();

/** One full run for all: each test changes another ticket and runs a delta after it. */
beforeAll(async () => {
	harness = await startHarness({ tickets: 6, seed: 23 });
	({ store, settings } = await newMigration(harness));
	const built = await connectors(settings);
	const full = await executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
	expect(full.error).toBeUndefined();
}, 120_000);
afterAll(() => harness.close());

interface Changed {
	before: KayakoAccountView;
	changedId: string;
	oldCaseId: number;
}

/** A public reply by the requester on one ticket not changed before, and (when asked) one new ticket in the source. */
function changeTheSource(newTicket: boolean): Changed {
	const before = harness.kayako.state('acme');
	const kase = before.cases.find((each) => each.legacy_id && each.state === 'ACTIVE' && each.posts.length > 1 && !used.has(each.legacy_id))!;
	used.add(kase.legacy_id!);
	harness.zendesk.advanceClock(60_000);
	harness.zendesk.addComment(Number(kase.legacy_id), { body: 'Still broken after the update, see attached.', public: true });
	if (newTicket) harness.zendesk.addTicket({ subject: 'New after the full run', comment: 'A new problem.' });
	harness.zendesk.advanceClock(120_000);
	return { before, changedId: kase.legacy_id!, oldCaseId: kase.id };
}

function delta(built: Awaited<ReturnType<typeof connectors>>, deltaTickets: 'append' | 'reimport', resume?: string): Promise<RunRecord> {
	return executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind: 'delta', options: { ...pipelineOptionsFrom(settings), deltaTickets }, ...(resume && { resume }) });
}

function casesOf(view: KayakoAccountView, legacyId: string) {
	return view.cases.filter((kase) => kase.legacy_id === legacyId);
}

/** The re-import's promise: one live case with every post in order, the old case in the trash, no one mailed, the id map on the new case. */
async function expectReimported(migrated: Changed, run: RunRecord): Promise<void> {
	const after = harness.kayako.state('acme');
	const cases = casesOf(after, migrated.changedId);
	const live = cases.filter((kase) => kase.state === 'ACTIVE');
	expect(live).toHaveLength(1);
	const fresh = live[0]!;
	expect(fresh.id).not.toBe(migrated.oldCaseId);
	expect(cases.find((kase) => kase.id === migrated.oldCaseId)?.state).toBe('TRASH');
	expect(cases).toHaveLength(2);
	const old = migrated.before.cases.find((kase) => kase.id === migrated.oldCaseId)!;
	expect(fresh.posts).toHaveLength(old.posts.length + 1);
	const last = fresh.posts.at(-1)!;
	expect(last.contents).toContain('Still broken after the update');
	// A public reply stays a public message by its author, at its own time; the bulk import mails no one.
	expect(last.channel).toBe('MAIL');
	expect(last.via).toBe('bulk');
	expect(last.creator_id).toBe(old.requester_id);
	expect(after.mailed).toHaveLength(migrated.before.mailed.length);
	const row = await store.getIdMapRow({ migrationId: settings.id, entity: 'tickets', sourceId: migrated.changedId });
	expect(row?.kayakoId).toBe(fresh.id);
	expect(row?.status).toBe('migrated');
	expect(run.delta?.reimported).toEqual([{ sourceId: migrated.changedId, oldKayakoId: migrated.oldCaseId, newKayakoId: fresh.id }]);
	expect(run.delta?.entities.tickets).toMatchObject({ added: 0, updated: 0, reimported: 1 });
	// Every other case is as the full run left it.
	for (const kase of migrated.before.cases.filter((each) => each.legacy_id && each.legacy_id !== migrated.changedId)) {
		expect(after.cases.find((each) => each.id === kase.id)?.state).toBe(kase.state);
	}
}

describe('a delta with a changed ticket', () => {
	it('by default appends the new comment as a note to the same case, mails no one, and says so per entity', async () => {
		const migrated = changeTheSource(true);
		const run = await delta(await connectors(settings), 'append');
		expect(run.state).toBe('finished');
		const after = harness.kayako.state('acme');
		const cases = casesOf(after, migrated.changedId);
		expect(cases.map((kase) => kase.id)).toEqual([migrated.oldCaseId]);
		const last = cases[0]!.posts.at(-1)!;
		expect(last.channel).toBe('NOTE');
		expect(last.contents).toContain('Still broken after the update');
		expect(after.mailed).toHaveLength(migrated.before.mailed.length);
		expect(run.delta?.entities.tickets).toMatchObject({ added: 1, updated: 1, commentsAppended: 1 });
		expect(run.delta?.reimported).toEqual([]);
	}, 120_000);

	it('with re-import chosen, imports it anew with every post and trashes the old case', async () => {
		const migrated = changeTheSource(false);
		const run = await delta(await connectors(settings), 'reimport');
		expect(run.state).toBe('finished');
		await expectReimported(migrated, run);
	}, 120_000);

	it('with re-import chosen, makes one new case when the answer to the bulk import is lost', async () => {
		const migrated = changeTheSource(false);
		harness.kayako.faults.set([{ kind: 'drop-after', method: 'POST', path: '/bulk/cases', times: 1 }], 'acme');
		const run = await delta(await connectors(settings), 'reimport');
		expect(harness.kayako.faults.fired('acme')['drop-after']).toBe(1);
		harness.kayako.faults.set([], 'acme');
		expect(run.state).toBe('finished');
		await expectReimported(migrated, run);
	}, 120_000);

	it('with re-import chosen, finishes after a kill between the new case and the trashing of the old one', async () => {
		const migrated = changeTheSource(false);
		// The worker dies right after it read the new case's posts: the new case is there, the old one not yet trashed.
		let dead = false;
		const dying: typeof fetch = async (input, init) => {
			if (dead) throw new TypeError('fetch failed: the worker is gone');
			const url = input instanceof Request ? input.url : String(input);
			const response = await fetch(input, init);
			if (/\/cases\/\d+\/posts/.test(url)) {
				dead = true;
				throw new TypeError('fetch failed: the worker is gone');
			}
			return response;
		};
		const killed = await openConnectors(settings, CREDENTIALS, dying, { baseBackoffMs: 5, maxBackoffMs: 50 });
		const first = await delta({ ...killed, requests: () => 0 }, 'reimport');
		expect(first.state).not.toBe('finished');
		const between = casesOf(harness.kayako.state('acme'), migrated.changedId);
		expect(between.filter((kase) => kase.state === 'ACTIVE')).toHaveLength(2);
		const resumed = await delta(await connectors(settings), 'reimport', first.id);
		expect(resumed.state).toBe('finished');
		await expectReimported(migrated, resumed);
		lastReimport = { changed: migrated, run: resumed };
	}, 120_000);

	it('a rollback of that delta deletes the new case and takes the old one out of the trash', async () => {
		const { changed, run } = lastReimport!;
		const built = await connectors(settings);
		const rollback = await executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind: 'rollback', rollsBack: [run.id] });
		expect(rollback.state).toBe('finished');
		const cases = casesOf(harness.kayako.state('acme'), changed.changedId);
		expect(cases.map((kase) => [kase.id, kase.state])).toEqual([[changed.oldCaseId, 'ACTIVE']]);
		const row = await store.getIdMapRow({ migrationId: settings.id, entity: 'tickets', sourceId: changed.changedId });
		expect(row?.kayakoId).toBe(changed.oldCaseId);
		expect(row?.status).toBe('migrated');
	}, 60_000);
});
