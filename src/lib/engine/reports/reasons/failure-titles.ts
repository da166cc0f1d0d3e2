// What a failed record's error was, as a German report says it first: the UI's own title for the error's kind (one
// catalogue for both), with the helpdesk's address and HTTP status filled in. The English detail follows it.
import de from '../../../i18n/de.json';

type Titles = Record<string, { title?: string } | string>;
const TITLES = de.errors as unknown as Titles;

export function germanFailureTitle(kind: string, host: string | undefined, status: number | undefined): string {
	const entry = TITLES[kind];
	const title = (typeof entry === 'object' && entry.title) || (typeof TITLES.unknown === 'object' && TITLES.unknown.title) || 'Etwas ist schiefgegangen.';
	const filled = title.replace(/\{host\}/g, host ?? 'Der Helpdesk').replace(/\{status\}/g, status === undefined ? '?' : String(status));
	return /[.!?]$/.test(filled) ? filled : `${filled}.`;
}
