// The runner's --reports folder: checked before the run sends anything, written after it.
import { accessSync, constants, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MigrationError } from '../../src/lib/engine/errors';
import { REPORT_KINDS, reportCsv } from '../../src/lib/engine/reports/report';
import type { MigrationStore } from '../../src/lib/engine/store';

const STATUSES = ['migrated', 'failed', 'skipped'] as const;

/**
 * Makes sure the reports can be written, so a run of hours does not end without them: the folder is
 * created if missing, and a file is written and removed in it. Throws a message saying what to change.
 */
export function checkReportsFolder(dir: string): void {
	const refuse = (why: string) => {
		throw new MigrationError({ kind: 'invalid-input', message: `The reports cannot be written to ${dir}: ${why}. Nothing was sent; choose another --reports folder.` });
	};
	let isDirectory: boolean | undefined;
	try {
		isDirectory = statSync(dir).isDirectory();
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') refuse((error as Error).message);
	}
	if (isDirectory === false) refuse('it is a file, not a folder');
	try {
		mkdirSync(dir, { recursive: true });
		accessSync(dir, constants.W_OK);
		for (const status of STATUSES) {
			const path = join(dir, `${status}.csv`);
			// An existing report must be replaceable: a folder or a read-only file in its place is found now.
			try {
				if (!statSync(path).isFile()) refuse(`${path} is not a file`);
				accessSync(path, constants.W_OK);
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
			}
		}
		const probe = join(dir, `.write-check-${process.pid}`);
		writeFileSync(probe, '');
		rmSync(probe, { force: true });
	} catch (error) {
		if (error instanceof MigrationError) throw error;
		refuse((error as NodeJS.ErrnoException).code === 'EACCES' || (error as NodeJS.ErrnoException).code === 'EPERM' ? 'this user may not write there' : (error as Error).message);
	}
}

export async function writeReports(store: MigrationStore, migrationId: string, kayakoBaseUrl: string, dir: string, sourceLink: (kind: never, id: string) => string | undefined): Promise<void> {
	mkdirSync(dir, { recursive: true });
	for (const status of STATUSES) {
		const csv = await reportCsv(store, migrationId, status, { kayakoBaseUrl, sourceLink: sourceLink as never });
		writeFileSync(join(dir, `${status}.csv`), csv);
	}
	console.log(`Reports: ${STATUSES.map((status) => join(dir, `${status}.csv`)).join(', ')} (${REPORT_KINDS.length} kinds of record).`);
}
