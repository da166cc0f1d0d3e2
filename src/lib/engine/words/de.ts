// What the tool writes into Kayako, in German.
import type { Words } from './types';

export const de: Words = {
	locale: 'de-DE',
	formerAgent: 'ein ehemaliger Agent',
	formerGroup: 'eine ehemalige Gruppe',
	// Label forms ("verfasst von: …") keep the words right for any name, "ein ehemaliger Agent" too.
	originallyBy: (person, when) => `Ursprünglich verfasst von: ${person}, am ${when}`,
	changesBy: (person, when) => `Geändert von: ${person}, am ${when}`,
	changed: (label, before, after) => `${label} geändert: ${before} → ${after}`,
	set: (label, after) => `${label} gesetzt: ${after}`,
	cleared: (label, before) => `${label} geleert (vorher: ${before})`,
	labels: { status: 'Status', assignee: 'Bearbeiter', group: 'Gruppe', field: (id) => `Feld ${id}` },
	quote: (text) => `„${text}“`,
	statuses: { new: 'Neu', open: 'Offen', pending: 'Wartend', hold: 'Angehalten', solved: 'Gelöst', closed: 'Geschlossen' },
	attachmentsOnly: '(nur Anhänge)',
	emptyMessage: '(leere Nachricht)',
	noMessages: '(keine Nachrichten)',
	noSubject: '(kein Betreff)'
};
