// The headless runner's store before the LevelDB one (level-store.ts); kept to read a --state folder an earlier version
// wrote (state-store.ts copies it into the LevelDB store once). The engine's IndexedDB store (fake-indexeddb) plus a journal
// file in --state DIR. Every change is appended as the rows it produced before the call returns, so a killed
// process loses nothing it had reported done; on start the journal is replayed, then compacted, and the
// compacted journal is copied to a backup (journal.backup.ndjson) that a damaged journal can be restored from.
import 'fake-indexeddb/auto';
import { appendFileSync, closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type IdMapKey, type IdMapRow, type MigrationStore } from '../../src/lib/engine/store';

type Entry =
	| { op: 'migration'; value: Parameters<MigrationStore['saveMigration']>[0] }
	| { op: 'delete-migration'; id: string }
	| { op: 'run'; value: Parameters<MigrationStore['putRun']>[0] }
	| { op: 'rows'; rows: IdMapRow[] }
	| { op: 'delete-rows'; keys: IdMapKey[] }
	| { op: 'checkpoint'; migrationId: string; stream: string; checkpoint: Parameters<MigrationStore['putCheckpoint']>[2] }
	| { op: 'delete-checkpoints'; migrationId: string; stream?: string }
	| { op: 'credentials'; blob: Parameters<MigrationStore['putCredentialBlob']>[0] }
	| { op: 'delete-credentials'; migrationId: string; side?: Parameters<MigrationStore['deleteCredentialBlobs']>[1] };

export const JOURNAL = 'journal.ndjson';
export const JOURNAL_BACKUP = 'journal.backup.ndjson';

export async function openJournalStore(dir: string, now: () => number = Date.now): Promise<MigrationStore> {
	mkdirSync(dir, { recursive: true });
	const path = join(dir, JOURNAL);
	const inner = await openStore({ name: `journal:${dir}`, indexedDB: new IDBFactory(), now });
	if (existsSync(path)) await replay(inner, readFileSync(path, 'utf8'), path, join(dir, JOURNAL_BACKUP));
	await compact(inner, path);
	backUp(path, join(dir, JOURNAL_BACKUP));
	return journaled(inner, path);
}

async function replay(store: MigrationStore, text: string, path: string, backup: string): Promise<void> {
	const lines = text.split('\n');
	for (const [index, line] of lines.entries()) {
		if (!line.trim()) continue;
		let entry: Entry;
		try {
			entry = JSON.parse(line) as Entry;
		} catch {
			// Only the last line can be torn (the process died while writing it): that change never happened.
			if (index >= lines.length - 2) break;
			throw new Error(damagedMessage(path, index + 1, backup));
		}
		await apply(store, entry);
	}
}

async function apply(store: MigrationStore, entry: Entry): Promise<void> {
	switch (entry.op) {
		case 'migration': return void (await store.saveMigration(entry.value));
		case 'delete-migration': return store.deleteMigration(entry.id);
		case 'run': return store.putRun(entry.value);
		case 'rows': return store.putIdMapRows(entry.rows);
		case 'delete-rows': return store.deleteIdMapRows(entry.keys);
		case 'checkpoint': return void (await store.putCheckpoint(entry.migrationId, entry.stream, entry.checkpoint));
		case 'delete-checkpoints': return store.deleteCheckpoints(entry.migrationId, entry.stream);
		case 'credentials': return store.putCredentialBlob(entry.blob);
		case 'delete-credentials': return store.deleteCredentialBlobs(entry.migrationId, entry.side);
	}
}

/** Rewrites the journal as one entry per record that exists now, then swaps it in atomically. */
async function compact(store: MigrationStore, path: string): Promise<void> {
	const temporary = `${path}.tmp`;
	const fd = openSync(temporary, 'w');
	const write = (entry: Entry) => writeSync(fd, `${JSON.stringify(entry)}\n`);
	try {
		for (const migration of await store.listMigrations()) {
			write({ op: 'migration', value: migration });
			for (const blob of await store.listCredentialBlobs(migration.id)) write({ op: 'credentials', blob });
			for (const run of await store.listRuns(migration.id)) write({ op: 'run', value: run });
			for (const checkpoint of await store.listCheckpoints(migration.id)) write({ op: 'checkpoint', migrationId: migration.id, stream: checkpoint.stream, checkpoint: checkpoint.checkpoint });
			let after: IdMapKey | undefined;
			do {
				const page = await store.listIdMap({ by: 'migration', migrationId: migration.id }, { limit: 1000, after });
				if (page.rows.length > 0) write({ op: 'rows', rows: page.rows });
				after = page.next;
			} while (after);
		}
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	renameSync(temporary, path);
}

/**
 * The journal as it was just compacted, kept beside it: written to a temporary name and renamed, so the
 * backup is always a whole journal, never half of one. The damaged-journal message points at it.
 */
function backUp(path: string, backup: string): void {
	const temporary = `${backup}.tmp`;
	copyFileSync(path, temporary);
	const fd = openSync(temporary, 'r+');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	renameSync(temporary, backup);
}

function damagedMessage(path: string, line: number, backup: string): string {
	const damaged = `The state journal ${path} is damaged at line ${line} (not a torn last line: the file was changed or the disk lost part of it), so the runner cannot tell what it already moved and stops before sending anything.`;
	if (!existsSync(backup)) {
		return `${damaged} There is no backup of it (${backup} does not exist). Keep the folder as it is: a fresh --state against the same Kayako would create records again. Repair line ${line} by hand if you can, or ask for help with the folder.`;
	}
	const taken = statSync(backup).mtime.toISOString();
	return (
		`${damaged} A backup taken when the runner last started (${taken}) is ${backup}. To go on from it: keep the damaged file (rename ${path} to ${path}.damaged), copy ${backup} to ${path}, and run the same command again. ` +
		`What the runner did after ${taken} is not in the backup: records created in Kayako since then may be created again, so check those.`
	);
}

/** The same store, each change also appended to the journal as the records it left behind. */
function journaled(store: MigrationStore, path: string): MigrationStore {
	const append = (entry: Entry) => appendFileSync(path, `${JSON.stringify(entry)}\n`);
	const rowsOf = async (keys: readonly IdMapKey[]) => {
		const rows = await Promise.all(keys.map((key) => store.getIdMapRow(key)));
		append({ op: 'rows', rows: rows.filter((row): row is IdMapRow => row !== undefined) });
	};
	const runOf = async (id: string) => {
		const run = await store.getRun(id);
		if (run) append({ op: 'run', value: run });
		return run;
	};
	return {
		...store,
		async createMigration(init) {
			const created = await store.createMigration(init);
			append({ op: 'migration', value: created });
			return created;
		},
		async saveMigration(migration) {
			const saved = await store.saveMigration(migration);
			append({ op: 'migration', value: saved });
			return saved;
		},
		async deleteMigration(id) {
			await store.deleteMigration(id);
			append({ op: 'delete-migration', id });
		},
		async createRun(init) {
			const run = await store.createRun(init);
			append({ op: 'run', value: run });
			return run;
		},
		async putRun(run) {
			await store.putRun(run);
			await runOf(run.id);
		},
		async updateRun(id, change) {
			const run = await store.updateRun(id, change);
			append({ op: 'run', value: run });
			return run;
		},
		async putIdMapRows(rows) {
			await store.putIdMapRows(rows);
			append({ op: 'rows', rows: [...rows] });
		},
		async markPending(runId, keys) {
			await store.markPending(runId, keys);
			await rowsOf(keys);
		},
		async markJobAccepted(runId, keys, jobId) {
			await store.markJobAccepted(runId, keys, jobId);
			await rowsOf(keys);
		},
		async notePending(runId, marks) {
			await store.notePending(runId, marks);
			await rowsOf(marks);
		},
		async markMigrated(runId, marks) {
			await store.markMigrated(runId, marks);
			await rowsOf(marks);
		},
		async markFailed(runId, marks) {
			await store.markFailed(runId, marks);
			await rowsOf(marks);
		},
		async markSkipped(runId, marks) {
			await store.markSkipped(runId, marks);
			await rowsOf(marks);
		},
		async markUsed(runId, keys) {
			await store.markUsed(runId, keys);
			await rowsOf(keys);
		},
		async deleteIdMapRows(keys) {
			await store.deleteIdMapRows(keys);
			append({ op: 'delete-rows', keys: keys.map(({ migrationId, entity, sourceId }) => ({ migrationId, entity, sourceId })) });
		},
		async putCheckpoint(migrationId, stream, checkpoint) {
			const record = await store.putCheckpoint(migrationId, stream, checkpoint);
			append({ op: 'checkpoint', migrationId, stream, checkpoint });
			return record;
		},
		async deleteCheckpoints(migrationId, stream) {
			await store.deleteCheckpoints(migrationId, stream);
			append({ op: 'delete-checkpoints', migrationId, stream });
		},
		async putCredentialBlob(blob) {
			await store.putCredentialBlob(blob);
			append({ op: 'credentials', blob });
		},
		async deleteCredentialBlobs(migrationId, side) {
			await store.deleteCredentialBlobs(migrationId, side);
			append({ op: 'delete-credentials', migrationId, side });
		}
	};
}
