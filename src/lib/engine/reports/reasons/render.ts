// Renders a row's reason in the report's language: each coded fact as its sentence, text recorded without a code as it is.
import type { Sentences, ReasonCode, ReasonParams, ReasonPart } from './codes';
import { de } from './de';
import { en } from './en';

export type ReportLanguage = 'en' | 'de';

const CATALOGUES: Record<ReportLanguage, Sentences> = { en, de };

export function reportLanguage(value: string | null | undefined): ReportLanguage {
	return value?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

function sentence(part: ReasonPart, language: ReportLanguage): string {
	if ('text' in part) return part.text;
	const render = CATALOGUES[language][part.reasonCode] as ((params: ReasonParams[ReasonCode]) => string) | undefined;
	// A code a newer version wrote and this one does not know: its English words were stored with it.
	return render ? render(part.reasonParams) : '';
}

/** One line of facts, or the stored text of an older row that has no codes. */
export function renderReason(row: { reason?: string; reasonParts?: ReasonPart[] }, language: ReportLanguage): string | undefined {
	if (!row.reasonParts?.length) return row.reason;
	const sentences = row.reasonParts.map((part) => sentence(part, language)).filter((text) => text !== '');
	return sentences.length > 0 ? sentences.join(' ') : row.reason;
}
