// Die Gründe auf Deutsch: ein Satz je Code, für die Ergebnisseite und die Berichte einer deutschsprachigen Oberfläche.
import type { Person, PersonRole, Sentences } from './codes';
import { germanFailureTitle } from './failure-titles';

export function personDe(person: Person): string {
	if (person.name && person.email) return `${person.name} (${person.email})`;
	return person.name ?? person.email ?? `Benutzer ${person.id}`;
}

const ROLES: Record<PersonRole, string> = { requester: 'anfragende Person', submitter: 'einreichende Person', assignee: 'zuständige Person', 'comment-author': 'Verfasser eines Kommentars' };
const ONE_ROLE: Record<PersonRole, string> = { requester: 'Die anfragende Person', submitter: 'Die einreichende Person', assignee: 'Die zuständige Person', 'comment-author': 'Der Verfasser' };

/** "Der Verfasser Sam Agent (sam@…)" for one part, "Sam Agent (sam@…), anfragende Person und Verfasser eines Kommentars," for several. */
function who(person: Person, list: readonly PersonRole[]): string {
	const [only] = list;
	if (list.length === 1 && only) return `${ONE_ROLE[only]} ${personDe(person)}`;
	const words = list.map((role) => ROLES[role]);
	return `${personDe(person)}, ${words.slice(0, -1).join(', ')} und ${words[words.length - 1]},`;
}

const named = (id: string, name?: string) => (name ? `„${name}“ (${id})` : id);

export const de: Sentences = {
	'filter-created-before': (p) => `Erstellt am ${p.created}, vor dem Beginn des Filters (${p.from}).`,
	'filter-created-after': (p) => `Erstellt am ${p.created}, nach dem Ende des Filters (${p.to}).`,
	'filter-tags': (p) => `Hat keines der Schlagwörter ${p.tags.join(', ')}.`,
	'filter-field': (p) => `Das Feld ${p.field} hat nicht den Wert „${p.value}“.`,
	'filter-groups': () => 'Gehört zu keiner der gewählten Gruppen.',
	'filter-organisations': () => 'Gehört zu keiner der gewählten Organisationen.',
	'filter-assignees': () => 'Ist keinem der gewählten Agenten zugewiesen.',
	'deleted-not-moved': () => 'Im Quell-Helpdesk gelöscht (im Papierkorb); nicht übertragen.',
	'deleted-case-closed': () => 'Nach der Übertragung im Quell-Helpdesk gelöscht; der Fall in Kayako wurde geschlossen und behält seine Beiträge.',
	'team-sent-nowhere': () => 'Nicht übertragen: Laut Zuordnung kommen die Tickets dieser Gruppe in kein Team.',
	'field-system': (p) => `„${p.title}“ ist ein Systemfeld; Kayako hat ein eigenes.`,
	'field-skipped': () => 'Nicht zugeordnet: Im Schritt „Felder zuordnen“ übersprungen, seine Werte werden deshalb nicht übertragen.',
	'agent-to-default': (p) =>
		p.active
			? 'Nicht angelegt: Laut Zuordnung übernimmt der Standard-Agent die Tickets und Antworten dieses Agenten.'
			: 'Nicht angelegt: Dieser Agent ist nicht mehr aktiv; seine Tickets und Antworten übernimmt der Standard-Agent.',
	'user-inactive-skipped': () => 'Inaktiv oder gelöscht, und „Inaktive und gesperrte Benutzer übernehmen“ ist ausgeschaltet.',
	'person-not-migrated': (p) =>
		[
			`${who(p.person, p.roles)} wurde nicht nach Kayako übertragen.`,
			p.roles.includes('requester') && p.standIn ? 'Der Standard-Agent ist die anfragende Person des Falls.' : '',
			p.roles.includes('assignee') ? (p.standIn ? 'Der Fall ist dem Standard-Agenten zugewiesen.' : 'Der Fall ist niemandem zugewiesen, da im Schritt „Agenten zuordnen“ kein Standard-Agent gewählt ist.') : '',
			p.roles.includes('comment-author') ? (p.standIn ? 'Die Beiträge stehen unter dem Standard-Agenten und beginnen mit dem Namen der Person.' : 'Die Beiträge stehen unter dem Konto der Migration und beginnen mit dem Namen der Person.') : ''
		]
			.filter(Boolean)
			.join(' '),
	'group-not-migrated': (p) => `Die Gruppe ${named(p.id, p.name)} wurde nicht übertragen; das Ticket hat kein Team.`,
	'matched-made-before': (p) => `Kayako hatte diesen Datensatz mit der Quell-ID ${p.sourceId} schon (früher von diesem Werkzeug angelegt): zugeordnet, nicht neu angelegt.`,
	'check-made-before-failed': (p) => `Es ließ sich nicht prüfen, ob Kayako ihn schon hat, deshalb wurde nichts angelegt: ${p.detail} Der nächste Lauf versucht es erneut.`,
	'follow-up-failed': (p) =>
		`Der Datensatz ist in Kayako, aber die Schritte nach dem Anlegen (etwa Organisation oder weitere E-Mail-Adressen) ließen sich nicht abschließen: ${p.detail} Starten Sie die Migration erneut, um sie abzuschließen.`,
	'made-before-unfinished': (p) =>
		`Kayako hatte diesen Datensatz schon (früher von diesem Werkzeug angelegt), aber Organisation oder weitere E-Mail-Adressen ließen sich nicht ergänzen: ${p.detail} Starten Sie die Migration erneut, um sie zu ergänzen.`,
	'prepare-failed': (p) => `Seine Kommentare oder die genannten Personen ließen sich nicht lesen oder übertragen: ${p.detail}`,
	'update-failed': (p) => `Die Aktualisierung schlug fehl; der Datensatz in Kayako bleibt, wie ihn der frühere Lauf hinterlassen hat. ${p.detail}`,
	'unknown-status': (p) => `Zendesk lieferte den Status „${p.value}“, der keiner von new, open, pending, hold, solved oder closed ist; das Ticket wurde als offen gelesen.`,
	'unknown-priority': (p) => `Zendesk lieferte die Priorität „${p.value}“, die keine von low, normal, high oder urgent ist; das Ticket wurde ohne Priorität gelesen.`,
	'unknown-type': (p) => `Zendesk lieferte den Typ „${p.value}“, der keiner von question, incident, problem oder task ist; das Ticket wurde ohne Typ gelesen.`,
	'no-mailbox': () => 'Kayako hat kein Postfach, deshalb wurden öffentliche Antworten als Notizen übernommen.',
	'no-kayako-priority': (p) => `Kayako kennt die Priorität „${p.value}“ nicht; der Fall hat keine.`,
	'no-kayako-type': (p) => `Kayako kennt den Typ „${p.value}“ nicht; der Fall hat keinen.`,
	'assignee-not-migrated': (p) => `Der Zuständige ${personDe(p.person)} wurde nicht übertragen; der Fall ist niemandem zugewiesen.`,
	'organization-not-migrated': (p) => `Die Organisation ${named(p.id, p.name)} wurde nicht übertragen; der Benutzer hat keine.`,
	'matched-existing-user': (p) => `Dem vorhandenen Kayako-Benutzer mit ${p.email} zugeordnet.`,
	'article-author-not-migrated': (p) => `Der Verfasser ${personDe(p.person)} wurde nicht übertragen; der Artikel steht unter dem Konto der Migration.`,
	'posts-one-by-one': () => 'Beitrag für Beitrag übernommen (der Sammelimport wurde abgelehnt): Die Beiträge sind Notizen mit heutigem Datum, Verfasser und Datum stehen in ihrer ersten Zeile.',
	'extra-address-refused': (p) => `Die weitere Adresse ${p.email} wurde nicht hinzugefügt: ${p.detail}`,
	'address-refused': (p) => `Kayako hat „${p.email}“ nicht als E-Mail-Adresse angenommen; der Benutzer wurde ohne sie angelegt.`,
	'domain-refused': (p) => `„${p.domain}“ ist kein Domainname, den Kayako annimmt; er wurde weggelassen.`,
	'domains-taken': (p) => `Eine andere Organisation in Kayako hat schon eine der Domains ${p.domains.join(', ')}; die Organisation wurde ohne Domains angelegt.`,
	'attachment-unreadable': (p) => `Der Anhang ${p.file} ließ sich nicht aus der Quelle laden (${p.detail}); er wurde weggelassen.`,
	'attachment-too-large': (p) => `Der Anhang ${p.file} (${p.bytes} Bytes) ist größer, als Kayako annimmt; er wurde weggelassen.`,
	'attachment-too-large-on-the-way': (p) =>
		`Der Anhang ${p.file} (${p.bytes} Bytes) ist größer, als der CORS-Proxy (oder ein Server vor Kayako) durchlässt; er wurde weggelassen. Kayako selbst nimmt ihn womöglich an: Wer diesen Server betreibt, kann dessen Grenze für die Größe einer Anfrage anheben.`,
	'attachment-refused': (p) => `Kayako hat den Anhang ${p.file} abgelehnt (${p.detail}); er wurde weggelassen, der Beitrag wurde ohne ihn übernommen.`,
	'field-became-text': (p) => `Das Feld „${p.title}“ wurde in Kayako ein Textfeld (keine Optionen oder kein Muster zum Übernehmen).`,
	'field-type-kept': (p) => `Kayako hat schon ein Feld „${p.title}“ vom Typ ${p.type}; die Werte werden in diesem Typ eingetragen.`,
	'tag-comma': (p) => `Das Schlagwort „${p.tag}“ enthält ein Komma, das Kayako als zwei Schlagwörter liest; daraus wurde „${p.joined}“.`,
	'inline-images-attached': (p) =>
		`${p.count === 1 ? 'Das eingebettete Bild dieses Tickets steht' : `Die ${p.count} eingebetteten Bilder dieses Tickets stehen`} im Text und zugleich als Anhang am Beitrag: Kayako behält eine hochgeladene Datei nur, wenn ein Beitrag sie als Anhang trägt. Jede Datei wurde einmal hochgeladen.`,
	'case-no-place': (p) =>
		`Ein Kayako-Fall hat keinen Platz für ${[
			p.dueAt ? `das Fälligkeitsdatum ${p.dueAt}` : '',
			p.recipient ? `die Support-Adresse ${p.recipient}, an die es ging` : '',
			p.channel ? `den Eingangskanal ${p.channel}${p.from ? ` (von ${p.from})` : ''}${p.to ? ` (an ${p.to})` : ''}` : '',
			...(p.replies ?? []).map((reply) => `${reply.count === 1 ? 'eine Antwort' : `${reply.count} Antworten`} über ${reply.channel}`)
		]
			.filter(Boolean)
			.join(' und ')}; das steht nur in diesem Bericht.`,
	'social-identities-in-note': (p) =>
		`${p.noEmail ? 'Dieser Benutzer hat keine E-Mail-Adresse. ' : ''}Kayakos API kann keine Twitter- oder Facebook-Identität anlegen: ${p.handles.join(', ')} steht in einer Notiz am Kayako-Benutzer.${p.picture ? ' Das Zendesk-Bild wurde nicht zum Kayako-Profilbild; seine Adresse steht in der Notiz.' : ''}`,
	'avatar-unreadable': (p) => `Das Zendesk-Bild des Benutzers (${p.url}) ließ sich nicht abrufen: ${p.detail}. Der Benutzer wurde ohne es übernommen und behält das von Kayako erzeugte Profilbild; wenn es wichtig ist, das Bild in Kayako von Hand hinzufügen.`,
	'avatar-refused': (p) => `Kayako hat das Zendesk-Bild des Benutzers (${p.url}) als Profilbild abgelehnt: ${p.detail}. Der Benutzer wurde ohne es übernommen und behält das von Kayako erzeugte Profilbild.`,
	'avatar-too-large-on-the-way': (p) =>
		`Das Zendesk-Bild des Benutzers (${p.url}, ${p.bytes} Bytes) ist größer, als der CORS-Proxy (oder ein Server vor Kayako) durchlässt, und wurde daher nicht sein Profilbild in Kayako; der Benutzer wurde ohne es übernommen. Kayako selbst nimmt es womöglich an: Wer diesen Server betreibt, kann dessen Grenze für die Größe einer Anfrage anheben.`,
	'field-value-partial': (p) => `Feld ${p.field}: ${p.detail}.`,
	'field-value-left-out': (p) => `Feld ${p.field}: ${p.detail}; der Wert wurde weggelassen.`,
	'field-option-missing': (p) => `Die Option „${p.option}“ des Feldes „${p.field}“ hat keine Entsprechung in Kayako; ihre Werte werden weggelassen.`,
	'record-failed': (p) => `Fehlgeschlagen: ${germanFailureTitle(p.kind, p.host, p.status)} Einzelheiten (englisch): ${p.detail}`
};
