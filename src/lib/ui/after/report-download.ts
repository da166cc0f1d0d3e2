// Downloads a report in the form the user's spreadsheet expects: CSV with the separator they chose (";" for a German
// UI, "," for English, until they pick one, which this browser remembers) or .xlsx; words and reasons in the UI's language.
import { get, writable } from 'svelte/store';
import { getEngine } from '$lib/client/engine';
import { saveFile } from '$lib/client/save-file';
import type { ErrorInfo } from '$lib/engine/errors';
import type { RecordKind } from '$lib/engine/model';
import type { CsvSeparator } from '$lib/engine/reports/csv';
import type { IdMapStatus } from '$lib/engine/store';
import { locale } from '$lib/i18n';

export type ReportFileFormat = 'csv' | 'xlsx';

const STORAGE_KEY = 'kayako-migrator.csv-separator';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function saved(): CsvSeparator | undefined {
	const value = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
	return value === ',' || value === ';' ? value : undefined;
}

/** The separator the user picked; undefined until they pick one, so the UI language decides. */
export const chosenSeparator = writable<CsvSeparator | undefined>(saved());

export function chooseSeparator(separator: CsvSeparator): void {
	if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, separator);
	chosenSeparator.set(separator);
}

export function reportLanguageNow(): 'en' | 'de' {
	return get(locale)?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** The separator in force: the user's choice, else ";" for German and "," for English. */
export function separatorNow(language: 'en' | 'de' = reportLanguageNow()): CsvSeparator {
	return get(chosenSeparator) ?? (language === 'de' ? ';' : ',');
}

/** Saves one report; the error, if the engine could not write it, for the page to show. */
export async function downloadReport(migrationId: string, status: IdMapStatus | 'all', entity: RecordKind | undefined, format: ReportFileFormat): Promise<ErrorInfo | undefined> {
	const language = reportLanguageNow();
	const name = `${entity ?? 'report'}-${status}`;
	if (format === 'xlsx') {
		const result = await getEngine().reportXlsx(migrationId, status, entity, { language });
		if (!result.ok) return result.error;
		saveFile(`${name}.xlsx`, result.value, XLSX_TYPE);
		return undefined;
	}
	const result = await getEngine().reportCsv(migrationId, status, entity, { language, separator: separatorNow(language) });
	if (!result.ok) return result.error;
	saveFile(`${name}.csv`, result.value, 'text/csv;charset=utf-8');
	return undefined;
}
