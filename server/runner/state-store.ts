// Opens the runner's store in --state DIR: the LevelDB store in DIR/store. A folder an earlier version kept as a
// journal (journal.ndjson) is copied into a new store once, the store swapped in whole, and the journal files then
// moved to DIR/journal-before-level/ as a backup; the returned notice tells the user so.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { IdMapKey, MigrationStore } from '../../src/lib/engine/store';
import { JOURNAL, JOURNAL_BACKUP, openJournalStore } from './journal-store';
import { openLevelStore, type LevelMigrationStore } from './level-store';

export const STORE_DIR = 'store';
export const JOURNAL_KEPT_DIR = 'journal-before-level';
const STORE_BEING_COPIED = 'store.copying';
const JOURNAL_BEING_READ = 'journal.reading';

export interface StateStore {
	store: LevelMigrationStore;
	/** Set when this start copied an old journal into the store: what was copied and where the journal went. */
	notice?: string;
}

export async function openStateStore(stateDir: string, now: () => number = Date.now): Promise<StateStore> {
	const storeDir = join(stateDir, STORE_DIR);
	const journal = join(stateDir, JOURNAL);
	let notice: string | undefined;
	if (!existsSync(storeDir) && existsSync(journal)) {
		// Copied into a folder of its own and renamed when whole: a crash half-way leaves the journal in charge, and the next start copies again.
		const copying = join(stateDir, STORE_BEING_COPIED);
		rmSync(copying, { recursive: true, force: true });
		const counts = await copyJournal(stateDir, copying, now);
		renameSync(copying, storeDir);
		notice =
			`The state folder held the journal of an earlier version of the runner: its ${counts.migrations} migration(s), ${counts.runs} run(s) and ${counts.rows} id-map row(s) ` +
			`were copied into the new store (${storeDir}). The journal files are kept unchanged in ${join(stateDir, JOURNAL_KEPT_DIR)} as a backup; the runner no longer reads them.`;
	}
	// Also after a crash between the swap above and this move: the store is whole, the journal is only the backup.
	keepJournalAside(stateDir);
	return { store: await openLevelStore(storeDir, now), notice };
}

/** Reads a copy of the journal (opening a journal compacts it), so the files kept as the backup are the ones the old runner wrote. */
async function copyJournal(stateDir: string, target: string, now: () => number): Promise<{ migrations: number; runs: number; rows: number }> {
	const reading = join(stateDir, JOURNAL_BEING_READ);
	rmSync(reading, { recursive: true, force: true });
	mkdirSync(reading);
	for (const name of [JOURNAL, JOURNAL_BACKUP]) if (existsSync(join(stateDir, name))) copyFileSync(join(stateDir, name), join(reading, name));
	try {
		const from = await openJournalStore(reading, now);
		try {
			return await copyStores(from, await openLevelStore(target, now));
		} finally {
			from.close();
		}
	} finally {
		rmSync(reading, { recursive: true, force: true });
	}
}

async function copyStores(from: MigrationStore, to: LevelMigrationStore): Promise<{ migrations: number; runs: number; rows: number }> {
	const counts = { migrations: 0, runs: 0, rows: 0 };
	try {
		for (const migration of await from.listMigrations()) {
			await to.saveMigration(migration);
			counts.migrations++;
			for (const blob of await from.listCredentialBlobs(migration.id)) await to.putCredentialBlob(blob);
			for (const run of await from.listRuns(migration.id)) {
				await to.putRun(run);
				counts.runs++;
			}
			for (const checkpoint of await from.listCheckpoints(migration.id)) await to.putCheckpoint(migration.id, checkpoint.stream, checkpoint.checkpoint);
			counts.rows += await copyIdMap(from, to, migration.id);
		}
	} finally {
		await to.closed();
	}
	return counts;
}

async function copyIdMap(from: MigrationStore, to: MigrationStore, migrationId: string): Promise<number> {
	let copied = 0;
	let after: IdMapKey | undefined;
	do {
		const page = await from.listIdMap({ by: 'migration', migrationId }, after ? { limit: 1000, after } : { limit: 1000 });
		await to.putIdMapRows(page.rows);
		copied += page.rows.length;
		after = page.next;
	} while (after);
	return copied;
}

function keepJournalAside(stateDir: string): void {
	const kept = join(stateDir, JOURNAL_KEPT_DIR);
	for (const name of [JOURNAL, JOURNAL_BACKUP]) {
		const path = join(stateDir, name);
		if (!existsSync(path)) continue;
		mkdirSync(kept, { recursive: true });
		// An older copy there is never overwritten: the newer journal gets a name of its own.
		const target = existsSync(join(kept, name)) ? join(kept, `${name}.${Date.now()}`) : join(kept, name);
		renameSync(path, target);
	}
}
