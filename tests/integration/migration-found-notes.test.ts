// A ticket whose case is found after a kill (not heard from its bulk job) still says in the report what was left out of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnectors } from '../../src/lib/engine/connectors/factory';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import type { MigrationSettings } from '../../src/lib/engine/store';
import { CREDENTIALS, connectors, newMigration, startHarness, type Harness } from './migration-harness';

/** Kayako takes files up to 64 KB here, so the generated attachments (about 1 MB) are mostly too large. */
const LIMIT = 64 * 1024;

let harness: Harness;

beforeAll(async () => {
	harness = await startHarness({ tickets: 12, seed: 5, kayakoMaxUploadBytes: LIMIT });
});
afterAll(() => harness.close());

/** Connectors that die (a killed tab) at the first case lookup after the cases' bulk job was polled: the job ran, nobody heard. */
async function dyingAtLookup(settings: MigrationSettings) {
	let casesSent = false;
	let polled = false;
	let dead = false;
	const fetchFn: typeof fetch = async (input, init) => {
		const url = input instanceof Request ? input.url : String(input);
		const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
		if (method === 'POST' && url.includes('/api/v1/bulk/cases')) casesSent = true;
		if (casesSent && url.includes('/api/v1/jobs/')) polled = true;
		if (dead || (polled && url.includes('legacy_ids='))) {
			dead = true;
			throw new TypeError('fetch failed: the worker is gone');
		}
		return fetch(input, init);
	};
	return openConnectors(settings, CREDENTIALS, fetchFn, { baseBackoffMs: 5, maxBackoffMs: 50 });
}

describe('a ticket found again after a kill', () => {
	it('keeps the report note of each file Kayako could not take', async () => {
		const { store, settings } = await newMigration(harness);
		const dying = await dyingAtLookup(settings);
		const first = await executeRun({ store, source: dying.source, target: dying.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
		expect(first.state).toBe('failed');
		const healthy = await connectors(settings);
		const second = await executeRun({ store, source: healthy.source, target: healthy.target, migrationId: settings.id, resume: first.id });
		expect(second.error).toBeUndefined();
		expect(second.state).toBe('finished');

		const { source } = await connectors(settings);
		let tooLarge = 0;
		for await (const page of source.tickets()) {
			for (const ticket of page.records.filter((each) => !each.deleted)) {
				const files = (await source.comments(ticket.id)).flatMap((comment) => comment.attachments).filter((file) => file.size > LIMIT);
				if (files.length === 0) continue;
				const row = await store.getIdMapRow({ migrationId: settings.id, entity: 'tickets', sourceId: ticket.id });
				expect(row?.status, `ticket ${ticket.id}`).toBe('migrated');
				for (const file of files) expect(row?.reason ?? '', `ticket ${ticket.id}, file ${file.fileName}`).toContain(file.fileName);
				tooLarge += files.length;
			}
		}
		expect(tooLarge).toBeGreaterThan(3);
	}, 120_000);
});
