// A --state folder an earlier runner kept as a journal is copied into the LevelDB store once, the journal kept aside unchanged.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migration, stateDir } from './runner-state-dirs';
import { JOURNAL, JOURNAL_BACKUP, openJournalStore } from '../../server/runner/journal-store';
import { JOURNAL_KEPT_DIR, openStateStore, STORE_DIR } from '../../server/runner/state-store';

/** What an earlier runner left: a migration, a failed run, 1,005 id-map rows (more than one page of 1,000), a checkpoint, a credentials blob. */
async function oldJournalFolder(dir: string) {
	const journal = await openJournalStore(dir);
	const { id } = await journal.createMigration(migration);
	const run = await journal.createRun({ migrationId: id, kind: 'full' });
	const keys = Array.from({ length: 1005 }, (_, index) => ({ migrationId: id, entity: 'ticket', sourceId: String(index) }));
	await journal.markPending(run.id, keys);
	await journal.markMigrated(run.id, keys.slice(0, 1000).map((key, index) => ({ ...key, kayakoId: 5000 + index, contentHash: `h${index}` })));
	await journal.markJobAccepted(run.id, keys.slice(1000, 1004), 77);
	await journal.putCheckpoint(id, 'zendesk:tickets', { after: 'cursor-9', done: false });
	await journal.putCredentialBlob({ migrationId: id, side: 'kayako', salt: 'c2FsdA==', iv: 'aXY=', ciphertext: 'Y2lwaGVy', iterations: 600000, createdAt: 1 });
	await journal.updateRun(run.id, { state: 'failed' });
	journal.close();
	return { id, runId: run.id, keys };
}

describe('the runner state folder', () => {
	it('copies an old journal into the store once, keeps the journal files unchanged aside, and says so', async () => {
		const dir = stateDir('runner-state-store-');
		const { id, runId, keys } = await oldJournalFolder(dir);
		const journalText = readFileSync(join(dir, JOURNAL), 'utf8');
		const backupText = readFileSync(join(dir, JOURNAL_BACKUP), 'utf8');

		const first = await openStateStore(dir);
		expect(first.notice).toMatch(/journal of an earlier version/);
		expect(first.notice).toMatch(/1 migration\(s\), 1 run\(s\) and 1005 id-map row\(s\)/);
		expect(first.notice).toContain(join(dir, JOURNAL_KEPT_DIR));
		const { store } = first;
		expect((await store.getMigration(id))?.name).toBe('Acme');
		expect((await store.listRuns(id)).map((run) => [run.id, run.state])).toEqual([[runId, 'failed']]);
		expect(await store.countIdMap({ by: 'migration-status', migrationId: id, status: 'migrated' })).toBe(1000);
		expect(await store.countIdMap({ by: 'run-status', runId, status: 'pending' })).toBe(5);
		expect(await store.getIdMapRow(keys[5]!)).toMatchObject({ status: 'migrated', kayakoId: 5005, contentHash: 'h5', createdBy: runId });
		// A job that was accepted before the switch is still waited for.
		expect((await store.getIdMapRow(keys[1003]!))?.jobId).toBe(77);
		expect((await store.getCheckpoint(id, 'zendesk:tickets'))?.checkpoint).toEqual({ after: 'cursor-9', done: false });
		expect((await store.getCredentialBlob(id, 'kayako'))?.ciphertext).toBe('Y2lwaGVy');
		await store.markMigrated(runId, [{ ...keys[1004]!, kayakoId: 9999 }]);
		await store.closed();

		expect(existsSync(join(dir, JOURNAL))).toBe(false);
		expect(readFileSync(join(dir, JOURNAL_KEPT_DIR, JOURNAL), 'utf8')).toBe(journalText);
		expect(readFileSync(join(dir, JOURNAL_KEPT_DIR, JOURNAL_BACKUP), 'utf8')).toBe(backupText);

		const second = await openStateStore(dir);
		expect(second.notice).toBeUndefined();
		expect((await second.store.getIdMapRow(keys[1004]!))?.kayakoId).toBe(9999);
		await second.store.closed();
	});

	it('copies again when the last copy stopped half-way, since the journal stays in charge until the store is whole', async () => {
		const dir = stateDir('runner-state-store-');
		const { id } = await oldJournalFolder(dir);
		// What a killed copy leaves: a half-made store under its temporary name, the journal where it was.
		mkdirSync(join(dir, 'store.copying'));
		writeFileSync(join(dir, 'store.copying', 'CURRENT'), 'half');
		const { store, notice } = await openStateStore(dir);
		expect(notice).toMatch(/1005 id-map row/);
		expect(await store.countIdMap({ by: 'migration', migrationId: id })).toBe(1005);
		await store.closed();
		expect(existsSync(join(dir, STORE_DIR))).toBe(true);
		expect(existsSync(join(dir, 'store.copying'))).toBe(false);
	});

	it('only moves the journal aside when a start stopped after the store was whole, never copying it over what the store holds now', async () => {
		const dir = stateDir('runner-state-store-');
		const { id, runId, keys } = await oldJournalFolder(dir);
		const first = await openStateStore(dir);
		await first.store.markMigrated(runId, [{ ...keys[1004]!, kayakoId: 4242 }]);
		await first.store.closed();
		// What a crash between the store's swap and the move leaves: the store, and the journal back in its place.
		copyFileSync(join(dir, JOURNAL_KEPT_DIR, JOURNAL), join(dir, JOURNAL));
		const second = await openStateStore(dir);
		expect(second.notice).toBeUndefined();
		expect((await second.store.getIdMapRow(keys[1004]!))?.kayakoId).toBe(4242);
		expect(await second.store.countIdMap({ by: 'migration', migrationId: id })).toBe(1005);
		await second.store.closed();
		expect(existsSync(join(dir, JOURNAL))).toBe(false);
		// The first journal kept there is not overwritten; the second gets a name of its own beside it.
		expect(readdirSync(join(dir, JOURNAL_KEPT_DIR)).filter((name) => name.startsWith(`${JOURNAL}.`))).toHaveLength(1);
	});

	it('starts an empty store in a new folder without a notice', async () => {
		const dir = stateDir('runner-state-store-');
		const { store, notice } = await openStateStore(dir);
		expect(notice).toBeUndefined();
		expect(await store.listMigrations()).toEqual([]);
		await store.closed();
		expect(existsSync(join(dir, JOURNAL_KEPT_DIR))).toBe(false);
	});
});
