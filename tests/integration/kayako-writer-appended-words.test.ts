// What the writer adds to cases in the sandbox Kayako in a German migration: a delta's note names the original author by
// name and e-mail with a German date, event notes are German with names, and a case made post by post speaks German too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KayakoSandbox } from '../../server/sandbox/kayako/index';
import { createKayakoTarget } from '../../src/lib/engine/connectors/kayako/target';
import type { Comment, TicketBundle } from '../../src/lib/engine/model';
import type { References } from '../../src/lib/engine/pipeline/target';
import { MigrationError } from '../../src/lib/engine/errors';
import type { KayakoRequest, KayakoSession } from '../../src/lib/engine/connectors/kayako/session';
import { adminSession, startWriterSandbox } from './kayako-writer-helpers';

let sandbox: KayakoSandbox;

beforeAll(async () => {
	sandbox = await startWriterSandbox();
});
afterAll(() => sandbox.close());

const PEOPLE: Record<string, { name: string; email: string }> = {
	'10000031': { name: 'Clara Kunde', email: 'clara@example.com' },
	'10000007': { name: 'Sam Agent', email: 'sam@example.com' }
};

function bundle(comments: Comment[]): TicketBundle {
	return {
		ticket: { id: 'D1', subject: 'Drucker', status: 'open', requesterId: '10000031', tags: [], fields: {}, ccEmails: [], followerIds: [], createdAt: '2024-03-01T08:00:00Z', updatedAt: '2024-03-02T08:00:00Z' },
		comments
	};
}

describe('comments a delta appends, in a German migration', () => {
	it('begin with the author\'s name and e-mail and a German date; event notes are German with names, no ids', async () => {
		const customerId = sandbox.state().users.find((user) => user.role === 'CUSTOMER')!.id;
		const refs: References = { kayakoId: (kind, id) => (kind === 'users' && id === '10000031' ? customerId : undefined), person: (id) => PEOPLE[id] };
		const target = createKayakoTarget({
			session: adminSession(sandbox),
			settings: { oldIdInSubject: false, inlineImages: 'rewrite', skipAttachments: true, eventsAsNotes: true, language: 'de', timeZone: 'Europe/Berlin' },
			download: () => Promise.reject(new Error('no attachments here'))
		});
		const first: Comment = { id: 'c1', ticketId: 'D1', authorId: '10000031', public: true, html: '<p>Der Drucker streikt.</p>', plain: 'Der Drucker streikt.', createdAt: '2024-03-01T08:00:00Z', attachments: [] };
		const created = (await target.tickets([bundle([first])], refs)).get('D1');
		if (!created?.ok) throw new Error(`the case was not created: ${JSON.stringify(created)}`);

		const reply: Comment = { id: 'c2', ticketId: 'D1', authorId: '10000031', public: true, html: '<p>Geht wieder.</p>', plain: 'Geht wieder.', createdAt: '2024-07-02T09:30:00Z', attachments: [] };
		const event: Comment = { id: 'audit-9', ticketId: 'D1', authorId: '10000007', public: false, html: '<p>English preview</p>', plain: 'English preview', createdAt: '2024-07-02T09:31:00Z', attachments: [], event: true, changes: [{ kind: 'status', before: 'open', after: 'solved' }, { kind: 'assignee', after: '10000007' }] };
		await target.updateTicket(created.kayakoId, bundle([first, reply, event]), [reply, event], refs);

		const posts = sandbox.state().cases.find((each) => each.id === Number(created.kayakoId))!.posts.map((post) => post.contents);
		expect(posts).toHaveLength(3);
		expect(posts[1]).toBe('<p><em>Ursprünglich verfasst von: Clara Kunde (clara@example.com), am 2. Juli 2024 um 11:30 MESZ</em></p>\n<p>Geht wieder.</p>');
		expect(posts[2]).toBe('<p>Geändert von: Sam Agent (sam@example.com), am 2. Juli 2024 um 11:31 MESZ</p><ul><li>Status geändert: Offen → Gelöst</li><li>Bearbeiter gesetzt: Sam Agent (sam@example.com)</li></ul>');
		for (const contents of posts) expect(contents).not.toMatch(/1000\d{4}|Originally|English/);
		expect(sandbox.state().mailed).toEqual([]);
	}, 30_000);

	it('are German too when Kayako refuses the bulk import and the case is made post by post', async () => {
		const inner = adminSession(sandbox);
		const refusing = Object.create(inner) as KayakoSession;
		refusing.request = <T>(request: KayakoRequest) => {
			if (request.path.startsWith('bulk/')) return Promise.reject(new MigrationError({ kind: 'forbidden', status: 403, message: 'bulk refused' }));
			return inner.request<T>(request);
		};
		const customerId = sandbox.state().users.find((user) => user.role === 'CUSTOMER')!.id;
		const refs: References = { kayakoId: (kind, id) => (kind === 'users' && id === '10000031' ? customerId : undefined), person: (id) => PEOPLE[id] };
		const target = createKayakoTarget({
			session: refusing,
			settings: { oldIdInSubject: false, inlineImages: 'rewrite', skipAttachments: true, eventsAsNotes: false, language: 'de', timeZone: 'Europe/Berlin' },
			download: () => Promise.reject(new Error('no attachments here'))
		});
		const empty: TicketBundle = { ...bundle([]), ticket: { ...bundle([]).ticket, id: 'D2' } };
		const empty2 = (await target.tickets([empty], refs)).get('D2');
		if (!empty2?.ok) throw new Error(`the case was not created: ${JSON.stringify(empty2)}`);
		expect(sandbox.state().cases.find((each) => each.id === Number(empty2.kayakoId))!.posts.map((post) => post.contents)).toEqual(['<p>(keine Nachrichten)</p>']);

		const byCustomer: Comment = { id: 'e1', ticketId: 'D3', authorId: '10000031', public: true, html: '', plain: '', createdAt: '2024-03-01T08:00:00Z', attachments: [] };
		const withPost = { ...bundle([byCustomer]), ticket: { ...bundle([]).ticket, id: 'D3' } };
		const made = (await target.tickets([withPost], refs)).get('D3');
		if (!made?.ok) throw new Error(`the case was not created: ${JSON.stringify(made)}`);
		expect(sandbox.state().cases.find((each) => each.id === Number(made.kayakoId))!.posts.map((post) => post.contents)).toEqual([
			'<p><em>Ursprünglich verfasst von: Clara Kunde (clara@example.com), am 1. März 2024 um 09:00 MEZ</em></p>\n<p>(leere Nachricht)</p>'
		]);
	}, 30_000);
});
