// The catalogue of reasons: every code has an English and a German sentence, travels through a plain string to the
// id map intact, and renders in the reader's language with the record's names; rows from before the codes still read.
import { describe, expect, it } from 'vitest';
import { because, plainReason, splitReason } from '../../src/lib/engine/reports/reasons/because';
import type { ReasonCode, ReasonParams } from '../../src/lib/engine/reports/reasons/codes';
import { de } from '../../src/lib/engine/reports/reasons/de';
import { en } from '../../src/lib/engine/reports/reasons/en';
import { renderReason } from '../../src/lib/engine/reports/reasons/render';

const sam = { id: '8', name: 'Sam Agent', email: 'sam@example.com' };
/** One example per code; a code added to the catalogue without one fails the type check here too. */
const SAMPLES: { [C in ReasonCode]: ReasonParams[C] } = {
	'filter-created-before': { created: '2020-01-01', from: '2021-01-01' },
	'filter-created-after': { created: '2024-01-01', to: '2023-12-31' },
	'filter-tags': { tags: ['vip', 'billing'] },
	'filter-field': { field: '360', value: 'gold' },
	'filter-groups': {},
	'filter-organisations': {},
	'filter-assignees': {},
	'deleted-not-moved': {},
	'deleted-case-closed': {},
	'team-sent-nowhere': {},
	'field-system': { title: 'Betreff' },
	'field-skipped': {},
	'agent-to-default': { active: false },
	'user-inactive-skipped': {},
	'person-not-migrated': { person: sam, roles: ['comment-author'], standIn: true },
	'group-not-migrated': { id: '12', name: 'Buchhaltung' },
	'matched-made-before': { sourceId: '5' },
	'check-made-before-failed': { detail: 'Kayako answered 503.' },
	'follow-up-failed': { detail: 'Kayako answered 503.' },
	'made-before-unfinished': { detail: 'Kayako answered 503.' },
	'prepare-failed': { detail: 'Zendesk answered 503.' },
	'update-failed': { detail: 'Kayako answered 503.' },
	'unknown-status': { value: 'archived' },
	'unknown-priority': { value: 'critical' },
	'unknown-type': { value: 'bug' },
	'no-mailbox': {},
	'no-kayako-priority': { value: 'urgent' },
	'no-kayako-type': { value: 'task' },
	'assignee-not-migrated': { person: sam },
	'organization-not-migrated': { id: '3', name: 'Müller GmbH' },
	'matched-existing-user': { email: 'sam@example.com' },
	'article-author-not-migrated': { person: sam },
	'posts-one-by-one': {},
	'extra-address-refused': { email: 'zweite@müller.de', detail: 'Kayako: invalid.' },
	'address-refused': { email: 'kein-at' },
	'domain-refused': { domain: 'müller..de' },
	'domains-taken': { domains: ['acme.test'] },
	'attachment-unreadable': { file: 'Rechnung.pdf', detail: '404' },
	'attachment-too-large': { file: 'Video.mp4', bytes: 50_000_000 },
	'attachment-too-large-on-the-way': { file: 'Video.mp4', bytes: 150_000_000 },
	'attachment-refused': { file: 'Skript.exe', detail: 'The file type is not allowed' },
	'field-became-text': { title: 'Größe' },
	'field-type-kept': { title: 'Größe', type: 'TEXT' },
	'tag-comma': { tag: 'a,b', joined: 'a-b' },
	'inline-images-attached': { count: 2 },
	'case-no-place': { dueAt: '2024-03-01T10:00:00Z', recipient: 'billing@acme.example', channel: 'twitter', from: '@kunde', replies: [{ channel: 'facebook', count: 2 }] },
	'social-identities-in-note': { handles: ['@kunde (https://twitter.com/kunde)'], noEmail: true, picture: true },
	'avatar-unreadable': { url: 'https://acme.zendesk.com/system/photos/1/profile.png', detail: 'Zendesk answered 404' },
	'avatar-refused': { url: 'https://acme.zendesk.com/system/photos/1/profile.png', detail: 'must be an image' },
	'avatar-too-large-on-the-way': { url: 'https://acme.zendesk.com/system/photos/1/profile.png', bytes: 3_000_000 },
	'field-value-partial': { field: 'groesse', detail: 'the option "XL" is not in Kayako' },
	'field-value-left-out': { field: 'groesse', detail: '"1,2" is not a number' },
	'field-option-missing': { option: 'XL', field: 'Größe' },
	'record-failed': { kind: 'server-error', host: 'acme.kayako.com', status: 503, detail: 'Kayako answered 503.' }
};

describe('the catalogue of reasons', () => {
	it('has one English and one German sentence per code, each a sentence of its own language', () => {
		for (const code of Object.keys(SAMPLES) as ReasonCode[]) {
			const params = SAMPLES[code] as never;
			const english = en[code](params);
			const german = de[code](params);
			expect(english, code).toMatch(/^[A-Z"].*[.]$/s);
			expect(german, code).toMatch(/^[A-ZÄÖÜ„].*[.]$/s);
			expect(german, code).not.toBe(english);
		}
		expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
	});

	it('renders a coded reason in German with the name and e-mail of the person it is about', () => {
		const stored = splitReason(because('person-not-migrated', { person: sam, roles: ['comment-author'], standIn: true }));
		expect(stored.text).toBe('The comment author Sam Agent (sam@example.com) was not moved to Kayako. Their posts are filed under the default agent and begin with their name.');
		expect(renderReason({ reason: stored.text, reasonParts: stored.parts }, 'de')).toBe('Der Verfasser Sam Agent (sam@example.com) wurde nicht nach Kayako übertragen. Die Beiträge stehen unter dem Standard-Agenten und beginnen mit dem Namen der Person.');
	});

	it("renders a failed record's error in German by its kind, with the helpdesk's address, and keeps the English detail", () => {
		const stored = splitReason(because('record-failed', { kind: 'server-error', host: 'acme.kayako.com', status: 503, detail: 'Kayako answered 503 (Service Unavailable).' }));
		expect(stored.text).toBe('Kayako answered 503 (Service Unavailable).');
		expect(renderReason({ reason: stored.text, reasonParts: stored.parts }, 'de')).toBe('Fehlgeschlagen: acme.kayako.com hatte einen internen Fehler (HTTP 503). Einzelheiten (englisch): Kayako answered 503 (Service Unavailable).');
	});

	it('names a person once with every part they had, and says a fact noted twice once', () => {
		const reason = [because('person-not-migrated', { person: sam, roles: ['requester', 'comment-author'], standIn: true }), because('no-mailbox'), because('no-mailbox')].join(' ');
		const { parts, text } = splitReason(reason);
		expect(parts).toHaveLength(2);
		// The plain English text too: a found record's saved note and its new one may both tell a fact.
		expect(text).toBe(`${plainReason(because('person-not-migrated', { person: sam, roles: ['requester', 'comment-author'], standIn: true }))} ${plainReason(because('no-mailbox'))}`);
		expect(renderReason({ reasonParts: parts }, 'de')).toBe(
			'Sam Agent (sam@example.com), anfragende Person und Verfasser eines Kommentars, wurde nicht nach Kayako übertragen. Der Standard-Agent ist die anfragende Person des Falls. Die Beiträge stehen unter dem Standard-Agenten und beginnen mit dem Namen der Person. Kayako hat kein Postfach, deshalb wurden öffentliche Antworten als Notizen übernommen.'
		);
	});

	it('keeps text without a code (an error message) beside the coded facts, and in the log shows only English words', () => {
		const reason = `${because('unknown-status', { value: 'archived' })} Kayako refused the tag list.`;
		expect(plainReason(reason)).toBe('Zendesk gave the status "archived", which is none of new, open, pending, hold, solved or closed; the ticket was read as open. Kayako refused the tag list.');
		const { parts } = splitReason(reason);
		expect(renderReason({ reasonParts: parts }, 'de')).toBe(
			'Zendesk lieferte den Status „archived“, der keiner von new, open, pending, hold, solved oder closed ist; das Ticket wurde als offen gelesen. Kayako refused the tag list.'
		);
	});

	it('tells a reason inside another one (an error detail) in plain words, not as a second code', () => {
		const inner = because('no-mailbox');
		const { parts } = splitReason(because('prepare-failed', { detail: inner }));
		expect(parts).toEqual([{ reasonCode: 'prepare-failed', reasonParams: { detail: 'Kayako has no mailbox, so public replies were imported as notes.' } }]);
	});

	it('reads a row from before the codes as the text it stored, in any language', () => {
		expect(renderReason({ reason: 'Deleted in Zendesk.' }, 'de')).toBe('Deleted in Zendesk.');
		expect(splitReason('Deleted in Zendesk.')).toEqual({ text: 'Deleted in Zendesk.' });
		expect(renderReason({}, 'de')).toBeUndefined();
	});
});
