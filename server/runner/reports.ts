// The runner's --reports folder: checked before the run sends anything, written after it (a CSV and an .xlsx per status).
import { accessSync, constants, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { MigrationError } from '../../src/lib/engine/errors';
import type { CsvSeparator } from '../../src/lib/engine/reports/csv';
import { sourceLinks } from '../../src/lib/engine/reports/links';
import type { ReportLanguage } from '../../src/lib/engine/reports/reasons/render';
import { REPORT_KINDS, reportCsvPieces, reportHeader, reportLinePages, type ReportOptions } from '../../src/lib/engine/reports/report';
import { reportSheetName } from '../../src/lib/engine/reports/xlsx';
import type { MigrationSettings, MigrationStore } from '../../src/lib/engine/store';
import { writeXlsxPages } from './xlsx-pages';

const STATUSES = ['migrated', 'failed', 'skipped'] as const;
const FILES = STATUSES.flatMap((status) => [`${status}.csv`, `${status}.xlsx`]);

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
		for (const file of FILES) {
			const path = join(dir, file);
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

/**
 * The same reports the app downloads: per status a CSV (BOM, the chosen separator) and an .xlsx of the same rows. The
 * CSV and the .xlsx are each written a page of rows at a time, so a report's size does not weigh on memory.
 */
export async function writeReports(
	store: MigrationStore,
	settings: Pick<MigrationSettings, 'id' | 'source' | 'target'>,
	dir: string,
	format: { language?: ReportLanguage; separator?: CsvSeparator } = {}
): Promise<void> {
	mkdirSync(dir, { recursive: true });
	const options: ReportOptions = { kayakoBaseUrl: settings.target.url, sourceLink: sourceLinks(settings.source), ...format };
	for (const status of STATUSES) {
		const csv = await open(join(dir, `${status}.csv`), 'w');
		try {
			for await (const piece of reportCsvPieces(store, settings.id, status, options)) await csv.write(piece);
		} finally {
			await csv.close();
		}
		await writeXlsxPages(join(dir, `${status}.xlsx`), reportHeader(options.language), reportLinePages(store, settings.id, status, options), reportSheetName(options.language));
	}
	console.log(`Reports: ${FILES.map((file) => join(dir, file)).join(', ')} (${REPORT_KINDS.length} kinds of record).`);
}
