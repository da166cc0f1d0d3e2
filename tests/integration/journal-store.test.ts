// The headless runner's store: what one process wrote, the next one finds, even when the last line was torn.
import { appendFileSync, copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migration, stateDir } from './runner-state-dirs';
import { JOURNAL_BACKUP, openJournalStore } from '../../server/runner/journal-store';

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

	it("gives a new process a bulk job's id on pending rows and the later runs that used a record", async () => {
		const dir = stateDir();
		const first = await openJournalStore(dir);
		const { id } = await first.createMigration(migration);
		const made = { migrationId: id, entity: 'fields', sourceId: '1' };
		const sent = { migrationId: id, entity: 'tickets', sourceId: '2' };
		await first.markMigrated('demo', [{ ...made, kayakoId: 10 }]);
		await first.markUsed('full', [made]);
		await first.markPending('full', [sent]);
		await first.markJobAccepted('full', [sent], 77);
		first.close();

		const second = await openJournalStore(dir);
		expect(await second.getIdMapRow(made)).toMatchObject({ createdBy: 'demo', usedBy: ['full'] });
		expect(await second.getIdMapRow(sent)).toMatchObject({ status: 'pending', jobId: 77 });
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

	it('keeps a backup of the journal as compacted at each start', async () => {
		const dir = stateDir();
		const first = await openJournalStore(dir);
		const { id } = await first.createMigration(migration);
		await first.markMigrated('r', [{ migrationId: id, entity: 'users', sourceId: '1', kayakoId: 1 }]);
		first.close();
		(await openJournalStore(dir)).close();
		const backup = readFileSync(join(dir, JOURNAL_BACKUP), 'utf8');
		expect(backup).toBe(readFileSync(join(dir, 'journal.ndjson'), 'utf8'));
		expect(backup.trim().split('\n')).toHaveLength(2);
	});

	it('names the real backup when the journal is damaged, keeps it, and going back to it works as the message says', async () => {
		const dir = stateDir();
		const first = await openJournalStore(dir);
		const { id } = await first.createMigration(migration);
		await first.markMigrated('r', [{ migrationId: id, entity: 'users', sourceId: '1', kayakoId: 1 }]);
		first.close();
		// Started again: the backup now holds the migration and user 1; then user 2 is moved and the disk loses a line.
		const second = await openJournalStore(dir);
		await second.markMigrated('r', [{ migrationId: id, entity: 'users', sourceId: '2', kayakoId: 2 }]);
		second.close();
		const journal = join(dir, 'journal.ndjson');
		const lines = readFileSync(journal, 'utf8').split('\n');
		writeFileSync(journal, [lines[0], '{"op":"rows","rows":[{"migr\u0000\u0000', ...lines.slice(1)].join('\n'));
		const backup = join(dir, JOURNAL_BACKUP);
		const backupBefore = readFileSync(backup, 'utf8');

		const opening = openJournalStore(dir);
		await expect(opening).rejects.toThrow(`The state journal ${journal} is damaged at line 2`);
		const message = await opening.catch((error: Error) => error.message);
		expect(message).toContain(`is ${backup}`);
		expect(message).toContain(`copy ${backup} to ${journal}, and run the same command again`);
		expect(readFileSync(backup, 'utf8'), 'a damaged start does not overwrite the backup').toBe(backupBefore);

		// What the message says to do.
		renameSync(journal, `${journal}.damaged`);
		copyFileSync(backup, journal);
		const restored = await openJournalStore(dir);
		expect(await restored.getIdMapRow({ migrationId: id, entity: 'users', sourceId: '1' })).toMatchObject({ status: 'migrated', kayakoId: 1 });
	});

	it('says there is no backup when a state folder from before backups is damaged', async () => {
		const dir = stateDir();
		(await openJournalStore(dir)).close();
		rmSync(join(dir, JOURNAL_BACKUP));
		writeFileSync(join(dir, 'journal.ndjson'), 'garbage\n{"op":"delete-migration","id":"x"}\n');
		const opening = openJournalStore(dir);
		await expect(opening).rejects.toThrow(/There is no backup of it .* does not exist\)\. Keep the folder as it is/);
		expect(existsSync(join(dir, JOURNAL_BACKUP))).toBe(false);
	});
});
