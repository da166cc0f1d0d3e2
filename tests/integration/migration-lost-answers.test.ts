// The whole engine through kills in the middle of a bulk job, and a delta through dropped reply answers and kills: each ticket once, each comment once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openConnectors, type Connectors } from '../../src/lib/engine/connectors/factory';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import type { MigrationSettings, MigrationStore, RunRecord } from '../../src/lib/engine/store';
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';
import { CREDENTIALS, connectors, newMigration, startHarness, type Harness } from './migration-harness';

let harness: Harness;

/** Kayako's clock: real time, but it can stand still, and then its bulk jobs stand still too. */
const clock = { pausedAt: undefined as number | undefined, lost: 0 };
const kayakoNow = () => clock.pausedAt ?? Date.now() - clock.lost;
function pauseKayako(): void {
	clock.pausedAt ??= kayakoNow();
}
function resumeKayako(): void {
	if (clock.pausedAt === undefined) return;
	clock.lost = Date.now() - clock.pausedAt;
	clock.pausedAt = undefined;
}

beforeAll(async () => {
	harness = await startHarness({ tickets: 24, seed: 11, kayakoNow });
});
afterAll(() => harness.close());
// A test that fails with Kayako's clock standing still must not leave the next one's jobs standing still too.
afterEach(resumeKayako);

type Step = (url: string, method: string) => 'die' | 'die-after' | 'pass';

/** Connectors whose fetch asks `step` about each request: pass it, die before sending it, or send it and die (a kill mid-flight). */
async function connectorsWith(settings: MigrationSettings, step: Step) {
	let dead = false;
	const gone = () => new TypeError('fetch failed: the worker is gone');
	const fetchFn: typeof fetch = async (input, init) => {
		if (dead) throw gone();
		const url = input instanceof Request ? input.url : String(input);
		const what = step(url, (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase());
		if (what === 'die') {
			dead = true;
			throw gone();
		}
		const response = await fetch(input, init);
		if (what === 'die-after') {
			dead = true;
			throw gone();
		}
		return response;
	};
	return openConnectors(settings, CREDENTIALS, fetchFn, { baseBackoffMs: 5, maxBackoffMs: 50 });
}

async function run(store: MigrationStore, settings: MigrationSettings, built: Pick<Connectors, 'source' | 'target'>, kind: 'full' | 'delta', resume?: RunRecord): Promise<RunRecord> {
	return executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, ...(resume ? { resume: resume.id } : { kind, options: pipelineOptionsFrom(settings) }) });
}

/** Each source ticket is exactly one case, holding exactly as many posts as the ticket has comments. */
async function expectEachTicketOnce(settings: MigrationSettings): Promise<void> {
	const { source } = await connectors(settings);
	const view = harness.kayako.state('acme');
	for await (const page of source.tickets()) {
		// A ticket deleted in Zendesk never moves: it is skipped with its reason.
		for (const ticket of page.records.filter((each) => !each.deleted)) {
			const cases = view.cases.filter((kase) => kase.legacy_id === ticket.id);
			expect(cases, `cases of ticket ${ticket.id}`).toHaveLength(1);
			const comments = await source.comments(ticket.id);
			expect(cases[0]!.posts.length, `posts of ticket ${ticket.id}`).toBe(Math.max(1, comments.length));
		}
	}
}

function postsByLegacyId(view: KayakoAccountView): Map<string, string[]> {
	return new Map(view.cases.filter((kase) => kase.legacy_id).map((kase) => [kase.legacy_id!, kase.posts.map((post) => post.contents)]));
}

describe('a run killed while Kayako runs its bulk job', () => {
	it('waits for that job when resumed and imports no ticket twice', async () => {
		harness.kayako.reset();
		const { store, settings } = await newMigration(harness);
		// The kill comes at the first poll of the cases' job (organizations and customers have bulk jobs before it);
		// Kayako's clock stands still from the cases' send, so the job is still running however late that poll comes.
		let casesSent = false;
		const dying = await connectorsWith(settings, (url, method) => {
			if (method === 'POST' && url.includes('/api/v1/bulk/cases')) {
				casesSent = true;
				pauseKayako();
			}
			return casesSent && url.includes('/api/v1/jobs/') ? 'die' : 'pass';
		});
		const first = await run(store, settings, dying, 'full');
		expect(first.state).toBe('failed');
		expect(harness.kayako.state('acme').cases.filter((kase) => kase.legacy_id)).toEqual([]);
		// Resumed at once: the job runs on only once the resumed run has looked for its cases the first time.
		const healthy = await connectorsWith(settings, (url) => {
			if (url.includes('legacy_ids=')) resumeKayako();
			return 'pass';
		});
		const second = await run(store, settings, healthy, 'full', first);
		resumeKayako();
		expect(second.error).toBeUndefined();
		expect(second.state).toBe('finished');
		await expectEachTicketOnce(settings);
		expect(harness.kayako.state('acme').jobs.filter((job) => job.kind === 'cases')).toHaveLength(1);
	}, 120_000);
});

describe('a ticket found again after a kill', () => {
	it('keeps its comment list: the next delta adds only the new comment', async () => {
		harness.kayako.reset();
		const { store, settings } = await newMigration(harness);
		// Killed right after the job ended, as the cases are looked up: the resumed run finds them all.
		let casesSent = false;
		let polled = false;
		const dying = await connectorsWith(settings, (url, method) => {
			if (method === 'POST' && url.includes('/api/v1/bulk/cases')) casesSent = true;
			if (casesSent && url.includes('/api/v1/jobs/')) polled = true;
			return polled && url.includes('legacy_ids=') ? 'die' : 'pass';
		});
		const first = await run(store, settings, dying, 'full');
		expect(first.state).toBe('failed');
		const second = await run(store, settings, await connectors(settings), 'full', first);
		expect(second.state).toBe('finished');
		await expectEachTicketOnce(settings);

		const before = postsByLegacyId(harness.kayako.state('acme'));
		const changed = [...before.keys()][0]!;
		harness.zendesk.advanceClock(60_000);
		harness.zendesk.addComment(Number(changed), { body: 'One more thing.', public: true });
		harness.zendesk.advanceClock(120_000);
		const delta = await run(store, settings, await connectors(settings), 'delta');
		expect(delta.error).toBeUndefined();
		const after = postsByLegacyId(harness.kayako.state('acme'));
		for (const [legacyId, posts] of before) {
			const added = legacyId === changed ? 1 : 0;
			expect(after.get(legacyId)?.length, `posts of ticket ${legacyId}`).toBe(posts.length + added);
		}
		expect(after.get(changed)!.filter((contents) => contents.includes('One more thing.'))).toHaveLength(1);
	}, 120_000);
});

describe('a ticket an earlier version reconciled without its comment list', () => {
	it('gets only its new comment on the next delta: the bulk-imported posts are recognised by time and text', async () => {
		harness.kayako.reset();
		const { store, settings } = await newMigration(harness);
		const full = await run(store, settings, await connectors(settings), 'full');
		expect(full.state).toBe('finished');
		const before = postsByLegacyId(harness.kayako.state('acme'));
		const damaged = [...before.keys()].slice(0, 3);
		// As reconciliation after a crash used to leave them: migrated, without content hash or comment list.
		for (const sourceId of damaged) {
			const { contentHash: _hash, parts: _parts, ...row } = (await store.getIdMapRow({ migrationId: settings.id, entity: 'tickets', sourceId }))!;
			await store.putIdMapRows([row]);
		}
		harness.zendesk.advanceClock(60_000);
		harness.zendesk.addComment(Number(damaged[0]), { body: 'Still waiting here.', public: true });
		harness.zendesk.advanceClock(120_000);
		const delta = await run(store, settings, await connectors(settings), 'delta');
		expect(delta.error).toBeUndefined();
		const after = postsByLegacyId(harness.kayako.state('acme'));
		for (const [legacyId, posts] of before) {
			expect(after.get(legacyId)?.length, `posts of ticket ${legacyId}`).toBe(posts.length + (legacyId === damaged[0] ? 1 : 0));
		}
	}, 120_000);
});

describe('a delta through dropped reply answers and kills', () => {
	it('adds each new comment exactly once', async () => {
		harness.kayako.reset();
		const { store, settings } = await newMigration(harness);
		const full = await run(store, settings, await connectors(settings), 'full');
		expect(full.state).toBe('finished');
		const before = postsByLegacyId(harness.kayako.state('acme'));
		const changed = [...before.keys()].slice(0, 6);
		harness.zendesk.advanceClock(60_000);
		for (const legacyId of changed) {
			harness.zendesk.addComment(Number(legacyId), { body: `First news on ${legacyId}.`, public: true });
			harness.zendesk.addComment(Number(legacyId), { body: `Second news on ${legacyId}.`, public: false });
		}
		harness.zendesk.advanceClock(120_000);

		// Two replies act but their answers are lost; and the delta is killed twice just after a reply was sent.
		harness.kayako.faults.set([{ kind: 'drop-after', method: 'POST', path: '/cases/*/reply*', times: 2 }], 'acme');
		const killAfterReply = (nth: number) => {
			let replies = 0;
			return connectorsWith(settings, (url, method) => (method === 'POST' && /\/cases\/\d+\/reply/.test(url) && ++replies === nth ? 'die-after' : 'pass'));
		};
		let delta = await run(store, settings, await killAfterReply(4), 'delta');
		expect(delta.state).toBe('failed');
		delta = await run(store, settings, await killAfterReply(3), 'delta', delta);
		if (delta.state !== 'finished') delta = await run(store, settings, await connectors(settings), 'delta', delta);
		harness.kayako.faults.clear('acme');
		expect(delta.error).toBeUndefined();
		expect(delta.state).toBe('finished');

		const after = postsByLegacyId(harness.kayako.state('acme'));
		for (const [legacyId, posts] of before) {
			const added = changed.includes(legacyId) ? 2 : 0;
			expect(after.get(legacyId)?.length, `posts of ticket ${legacyId}`).toBe(posts.length + added);
		}
		for (const legacyId of changed) {
			for (const text of [`First news on ${legacyId}.`, `Second news on ${legacyId}.`]) {
				expect(after.get(legacyId)!.filter((contents) => contents.includes(text)), text).toHaveLength(1);
			}
		}
		expect(harness.kayako.state('acme').mailed).toEqual([]);
	}, 180_000);
});
