// The migration's report as a person reads it: the CSV the app and the runner write, parsed back into rows per record.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { REPORT_KINDS, reportCsv } from '../../src/lib/engine/reports/report';
import type { MigrationStore } from '../../src/lib/engine/store';

export interface ReportRow {
	entity: string;
	status: 'migrated' | 'failed' | 'skipped' | 'pending' | string;
	sourceId: string;
	kayakoId: string;
	reason: string;
}

/** Parses one report CSV (header `entity,status,source id,...`), undoing the apostrophe that keeps cells from being formulas. */
export function parseReportCsv(text: string): ReportRow[] {
	const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
	const cell = (value: string | undefined) => (value ?? '').replace(/^'(?=[=+\-@\t\r])/, '');
	return parsed.data.map((row) => ({
		entity: cell(row.entity),
		status: cell(row.status),
		sourceId: cell(row['source id']),
		kayakoId: cell(row['kayako id']),
		reason: cell(row.reason)
	}));
}

/** Every row of the migration, as the app's "download all" CSV has it. */
export async function reportFromStore(store: MigrationStore, migrationId: string, kayakoBaseUrl: string): Promise<ReportRow[]> {
	return parseReportCsv(await reportCsv(store, migrationId, 'all', { kayakoBaseUrl }));
}

/** The headless runner's three reports (migrated.csv, failed.csv, skipped.csv) in one folder. */
export function reportFromRunnerFolder(folder: string): ReportRow[] {
	return ['migrated', 'failed', 'skipped'].flatMap((status) => parseReportCsv(readFileSync(join(folder, `${status}.csv`), 'utf8')));
}

export { REPORT_KINDS };
