// The report's columns and the words in its cells, in each report language. English keeps the plain column keys
// that scripts and earlier reports use; German names the columns and translates kinds and statuses.
import type { RecordKind } from '../model';
import type { IdMapStatus } from '../store';
import type { ReportLanguage } from './reasons/render';

export const COLUMN_KEYS = ['entity', 'status', 'source id', 'name', 'source link', 'kayako id', 'kayako link', 'reason', 'time'] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

interface Words {
	columns: Record<ColumnKey, string>;
	kinds: Record<RecordKind, string>;
	statuses: Record<IdMapStatus, string>;
}

const WORDS: Record<ReportLanguage, Words> = {
	en: {
		columns: { entity: 'entity', status: 'status', 'source id': 'source id', name: 'name', 'source link': 'source link', 'kayako id': 'kayako id', 'kayako link': 'kayako link', reason: 'reason', time: 'time' },
		kinds: { teams: 'teams', fields: 'fields', organizations: 'organizations', users: 'users', tickets: 'tickets', 'kb-categories': 'kb-categories', 'kb-sections': 'kb-sections', articles: 'articles' },
		statuses: { migrated: 'migrated', failed: 'failed', skipped: 'skipped', pending: 'pending' }
	},
	de: {
		columns: {
			entity: 'Art',
			status: 'Status',
			'source id': 'Quell-ID',
			name: 'Name',
			'source link': 'Link zur Quelle',
			'kayako id': 'Kayako-ID',
			'kayako link': 'Link zu Kayako',
			reason: 'Grund',
			time: 'Zeit (UTC)'
		},
		kinds: {
			teams: 'Gruppen',
			fields: 'Felder',
			organizations: 'Organisationen',
			users: 'Benutzer',
			tickets: 'Tickets',
			'kb-categories': 'Wissensdatenbank-Kategorien',
			'kb-sections': 'Wissensdatenbank-Abschnitte',
			articles: 'Artikel'
		},
		statuses: { migrated: 'übertragen', failed: 'fehlgeschlagen', skipped: 'übersprungen', pending: 'ausstehend' }
	}
};

export function reportWords(language: ReportLanguage): Words {
	return WORDS[language];
}
