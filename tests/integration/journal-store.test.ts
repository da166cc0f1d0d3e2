// The headless runner's store: what one process wrote, the next one finds, even when the last line was torn.
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openJournalStore } from '../../server/runner/journal-store';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function stateDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'runner-state-'));
	dirs.push(dir);
	return dir;
}

const migration = {
	name: 'Acme',
	source: { platform: 'zendesk' as const, url: 'https://acme.zendesk.com' },
	target: { url: 'https://acme.kayako.com', email: 'admin@acme.test' },
	proxyUrl: ''
};

describe('the journal store', () => {
	it('gives a new process the migrations, runs, id map and checkpoints of the last one', async () => {
		const dir = stateDir();
		const first = await openJournalStore(dir);
		const { id } = await first.createMigration(migration);
		const run = await first.createRun({ migrationId: id, kind: 'full' });
		const key = { migrationId: id, entity: 'tickets', sourceId: '7' };
		await first.markPending(run.id, [key]);
		await first.markMigrated(run.id, [{ ...key, kayakoId: 70, contentHash: 'h' }]);
		await first.markPending(run.id, [{ ...key, sourceId: '8' }]);
		await first.putCheckpoint(id, 'tickets', { runId: run.id, after: 'cursor-1', done: false });
		await first.updateRun(run.id, { state: 'failed' });
		first.close();

		const second = await openJournalStore(dir);
		expect((await second.getMigration(id))?.name).toBe('Acme');
		expect((await second.getRun(run.id))?.state).toBe('failed');
		expect(await second.getIdMapRow(key)).toMatchObject({ status: 'migrated', kayakoId: 70, createdBy: run.id, attempts: 1 });
		expect(await second.getIdMapRow({ ...key, sourceId: '8' })).toMatchObject({ status: 'pending' });
		expect((await second.getCheckpoint(id, 'tickets'))?.checkpoint).toEqual({ runId: run.id, after: 'cursor-1', done: false });
		// Compacted on open: one line per record, not one per change.
		expect(readFileSync(join(dir, 'journal.ndjson'), 'utf8').trim().split('\n')).toHaveLength(4);
	});

	it('drops a torn last line (the process died while writing it) and keeps everything before', async () => {
		const dir = stateDir();
		const first = await openJournalStore(dir);
		const { id } = await first.createMigration(migration);
		first.close();
		appendFileSync(join(dir, 'journal.ndjson'), '{"op":"rows","rows":[{"migrat');
		const second = await openJournalStore(dir);
		expect((await second.listMigrations()).map((each) => each.id)).toEqual([id]);
	});

	it('deletes what was deleted', async () => {
		const dir = stateDir();
		const first = await openJournalStore(dir);
		const { id } = await first.createMigration(migration);
		const key = { migrationId: id, entity: 'users', sourceId: '1' };
		await first.markMigrated('r', [{ ...key, kayakoId: 1 }]);
		await first.deleteIdMapRows([key]);
		const second = await openJournalStore(dir);
		expect(await second.getIdMapRow(key)).toBeUndefined();
	});
});
