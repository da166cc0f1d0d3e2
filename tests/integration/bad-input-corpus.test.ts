// The bad-input corpus (tests/fixtures/bad-input/) through a full run and a delta: each record's outcome in Kayako and in the report as expected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/lib/engine/store';
import { checkFixture, type CorpusWorld } from '../audit/bad-input-check';
import { loadCorpus, sandboxUserId, seedFixture, type BadInputFixture, type Seeded } from '../audit/bad-input-fixtures';
import { driveRun } from '../audit/drive';
import { auditNow, type Migration } from '../audit/scenario';
import { reportFromStore } from '../audit/report-rows';
import { writeSummary } from '../audit/summary';
import type { AuditResult } from '../audit/audit';
import { openConnectors } from '../../src/lib/engine/connectors/factory';
import { CREDENTIALS, newMigration, startHarness, type Harness } from './migration-harness';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';

/** Enough generated users for every kind the fixtures name (a deleted end user needs 8 end users, two former agents 8 agents). */
const TICKETS = 12;
const REQUEST_CAP = 20_000;
const corpus = loadCorpus();
const together = corpus.filter((fixture) => !fixture.separateRun);
const alone = corpus.filter((fixture) => fixture.separateRun);

let harness: Harness;
let seeded: Seeded[] = [];
let world: CorpusWorld;
let full: RunRecord;
let delta: RunRecord;
let audit: AuditResult | undefined;
let auditError = '';
const results = new Map<string, boolean>();

beforeAll(async () => {
	harness = await startHarness({ tickets: TICKETS, seed: 3 });
	seeded = together.map((fixture) => seedFixture(harness.zendesk, fixture));
	// Zendesk's exports leave out the last minute.
	harness.zendesk.advanceClock(120_000);
	const before = harness.kayako.state('acme');
	const migration: Migration = { ...(await newMigration(harness, { migrateInactiveUsers: true })), before };
	full = (await driveRun(migration.store, migration.settings, { kind: 'full', kills: 0, killAfter: [0, 0], maxStarts: 1, seed: 1, requestCap: REQUEST_CAP })).run;
	for (const each of seeded) if (each.fixture.afterFull?.delete && each.ticketId) harness.zendesk.deleteTicket(Number(each.ticketId));
	harness.zendesk.advanceClock(120_000);
	delta = (await driveRun(migration.store, migration.settings, { kind: 'delta', kills: 0, killAfter: [0, 0], maxStarts: 1, seed: 2, requestCap: REQUEST_CAP })).run;
	world = {
		kayako: harness.kayako.state('acme'),
		report: await reportFromStore(migration.store, migration.settings.id, harness.kayako.accountUrl('acme')),
		emailOf: (name) => harness.zendesk.overrideUser(sandboxUserId(harness.zendesk, name), {}).email as string | undefined
	};
	// For the reliability table only: the audit reads the source with the engine's own connector, which may refuse a fixture.
	audit = await auditNow(harness, migration, { hashUpTo: 1_000_000 }).catch((error: unknown) => {
		auditError = `the audit could not read the source: ${(error as Error).message}`;
		return undefined;
	});
}, 600_000);

afterAll(async () => {
	writeSummary('bad-input-corpus', {
		suite: 'bad-input corpus',
		scenario: `${corpus.length} fixtures on a ${TICKETS}-ticket account: a full run, then a delta`,
		tickets: TICKETS + seeded.filter((each) => each.ticketId).length,
		crashes: 0,
		starts: 2,
		errors: [full, delta].filter((run) => run?.state !== 'finished').length,
		finished: full?.state === 'finished' && delta?.state === 'finished',
		faults: {},
		badInputs: { total: corpus.length, asExpected: [...results.values()].filter(Boolean).length },
		audit: audit ? { duplicates: audit.counts.duplicates, lost: audit.counts.lost, wrong: audit.counts.wrong, misreported: audit.counts.misreported, accountedFor: audit.counts.accountedFor } : null,
		findings: [...(auditError ? [auditError] : []), ...(audit?.findings ?? []).map((finding) => `${finding.kind}: ${finding.record}: ${finding.message}`), ...[...results.entries()].filter(([, ok]) => !ok).map(([file]) => `not as expected: ${file}`)]
	});
	await harness?.close();
});

function seededOf(fixture: BadInputFixture): Seeded {
	const found = seeded.find((each) => each.fixture.file === fixture.file);
	if (!found) throw new Error(`${fixture.file} was not seeded.`);
	return found;
}

describe('the bad-input corpus', () => {
	it('holds at least 30 fixtures, each with an expected outcome', () => {
		expect(corpus.length).toBeGreaterThanOrEqual(30);
		for (const fixture of corpus) expect(fixture.expect.outcome, fixture.file).toBeDefined();
	});

	it('runs to the end: the full run and the delta both finish', () => {
		expect(full.error?.message).toBeUndefined();
		expect(full.state).toBe('finished');
		expect(delta.error?.message).toBeUndefined();
		expect(delta.state).toBe('finished');
	});

	it.each(together.map((fixture) => [fixture.file, fixture] as const))('%s comes out as expected', (file, fixture) => {
		results.set(file, false);
		const problems: string[] = [];
		if (fixture.expect.entity === 'run') {
			const legacy = world.kayako.cases.filter((kase) => kase.legacy_id !== null && kase.state === 'ACTIVE').map((kase) => kase.legacy_id);
			if (fixture.expect.run?.noDuplicateCases && new Set(legacy).size !== legacy.length) problems.push(`${legacy.length - new Set(legacy).size} tickets have more than one case`);
		} else problems.push(...checkFixture(seededOf(fixture), world));
		expect(problems, `${fixture.title}: ${fixture.why}`).toEqual([]);
		results.set(file, true);
	});
});

describe.each(alone.map((fixture) => [fixture.file, fixture] as const))('%s, in a run of its own', (file, fixture) => {
	it('stops the run with a reason instead of going on forever', async () => {
		results.set(file, false);
		harness.zendesk.reset();
		harness.kayako.reset();
		seedFixture(harness.zendesk, fixture);
		const { store, settings } = await newMigration(harness, { migrateInactiveUsers: true });
		// Counted in export pages: Zendesk allows 10 export requests a minute, so a cap in requests would cost real minutes.
		const cap = fixture.expect.run?.withinExportPages ?? 8;
		let pages = 0;
		const stopping: typeof fetch = async (input, init) => {
			if (String(input instanceof Request ? input.url : input).includes('incremental%2Ftickets%2Fcursor') || String(input instanceof Request ? input.url : input).includes('incremental/tickets/cursor')) pages += 1;
			if (pages > cap) throw new TypeError('fetch failed: stopped by the test');
			return fetch(input, init);
		};
		const built = await openConnectors(settings, CREDENTIALS, stopping, { baseBackoffMs: 5, maxBackoffMs: 50 });
		const run = await executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
		harness.zendesk.reset();
		expect(pages, `the run was still following the export after ${cap} pages (the test stopped it)`).toBeLessThanOrEqual(cap);
		expect(run.state).toBe('failed');
		expect(run.error?.message ?? '').toMatch(new RegExp(fixture.expect.run?.error ?? '.', 'i'));
		results.set(file, true);
	}, 300_000);
});
