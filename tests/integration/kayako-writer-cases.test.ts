// Importing tickets into the sandbox Kayako: posts in order with authors, dates and MAIL/NOTE, byte-identical attachments, no duplicates, rollback.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KayakoSandbox } from '../../server/sandbox/kayako/index';
import { MigrationError } from '../../src/lib/engine/errors';
import { importCases } from '../../src/lib/engine/connectors/kayako/writer/cases';
import { findCasesByLegacyIds } from '../../src/lib/engine/connectors/kayako/writer/case-lookup';
import { ensureField } from '../../src/lib/engine/connectors/kayako/writer/fields';
import { deleteRecord } from '../../src/lib/engine/connectors/kayako/writer/rollback';
import { KayakoSession, type KayakoRequest } from '../../src/lib/engine/connectors/kayako/session';
import type { Attachment, Comment, TicketBundle } from '../../src/lib/engine/model';
import { adminSession, startWriterSandbox, writeContext, type TestContext } from './kayako-writer-helpers';

let sandbox: KayakoSandbox;
let ctx: TestContext;
let customerId: number;
let agentId: number;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const PNG = new Uint8Array(Array.from({ length: 3000 }, (_, index) => (index * 37) % 256));
const PDF = new Uint8Array(Array.from({ length: 5000 }, (_, index) => (index * 11 + 3) % 256));

function attachment(id: string, fileName: string, inline: boolean): Attachment {
	return { id, fileName, contentType: inline ? 'image/png' : 'application/pdf', size: 0, url: `https://src.example/attachments/${id}`, inline };
}

function comment(id: string, ticketId: string, overrides: Partial<Comment>): Comment {
	return { id, ticketId, authorId: 'C1', public: true, html: `<p>${id}</p>`, plain: id, createdAt: '2023-05-01T08:00:00Z', attachments: [], ...overrides };
}

function ticket(id: string, comments: Comment[], extra: Partial<TicketBundle['ticket']> = {}): TicketBundle {
	return {
		ticket: { id, subject: `Ticket ${id}`, status: 'open', priority: 'high', type: 'incident', requesterId: 'C1', assigneeId: 'A1', tags: ['printer'], fields: { F1: 'gold' }, ccEmails: [], followerIds: [], createdAt: '2023-05-01T08:00:00Z', updatedAt: '2023-05-03T08:00:00Z', ...extra },
		comments
	};
}

beforeAll(async () => {
	sandbox = await startWriterSandbox();
	ctx = writeContext(adminSession(sandbox), { tagMigrated: 'migrated' });
	const users = sandbox.state().users;
	customerId = users.find((user) => user.role === 'CUSTOMER')!.id;
	agentId = users.find((user) => user.role === 'AGENT' && user.is_enabled)!.id;
	ctx.ids.set('users:C1', customerId);
	ctx.ids.set('users:A1', agentId);
	ctx.bytes.set('img', PNG);
	ctx.bytes.set('pdf', PDF);
	const field = await ensureField(ctx, { id: 'F1', entity: 'ticket', title: 'Plan', type: 'dropdown', options: [{ value: 'gold', label: 'Gold' }], active: true, system: false });
	ctx.fields.set('F1', field.target);
});

beforeEach(() => sandbox.faults.clear());

afterAll(() => sandbox.close());

describe('importing tickets in bulk', () => {
	const bundles = [
		ticket('T1', [
			comment('c1', 'T1', { createdAt: '2023-05-01T08:00:00Z', html: '<p>Printer broken <img src="https://src.example/attachments/img"></p>', attachments: [attachment('img', 'shot.png', true), attachment('pdf', 'manual.pdf', false)] }),
			comment('c2', 'T1', { createdAt: '2023-05-01T09:30:00Z', authorId: 'A1' }),
			comment('c3', 'T1', { createdAt: '2023-05-01T09:45:00Z', authorId: 'A1', public: false, html: '<p>internal</p>' }),
			comment('c4', 'T1', { createdAt: '2023-05-02T10:00:00Z' })
		]),
		ticket('T2', [comment('d1', 'T2', { createdAt: '2023-06-01T08:00:00Z' })], { status: 'solved', fields: {} })
	];

	it('keeps post order, authors, original dates and public vs private, and mails nobody', async () => {
		const outcomes = await importCases(ctx, bundles);
		expect([...outcomes.values()].every((outcome) => outcome.ok)).toBe(true);
		const t1 = outcomes.get('T1');
		const kase = sandbox.state().cases.find((each) => each.id === (t1?.ok ? t1.id : -1))!;
		expect(kase).toMatchObject({ legacy_id: 'T1', subject: 'Ticket T1', requester_id: customerId, creator_id: customerId, assigned_agent_id: agentId, status: 'OPEN', created_at: '2023-05-01T08:00:00+00:00', updated_at: '2023-05-03T08:00:00+00:00' });
		expect(kase.tags.sort()).toEqual(['migrated', 'printer']);
		expect(Object.values(kase.field_values)).toEqual([String(ctx.fields.get('F1')!.optionIds.get('gold'))]);
		expect(kase.posts.map((post) => [post.channel, post.creator_id, post.created_at])).toEqual([
			['MAIL', customerId, '2023-05-01T08:00:00+00:00'],
			['MAIL', agentId, '2023-05-01T09:30:00+00:00'],
			['NOTE', agentId, '2023-05-01T09:45:00+00:00'],
			['MAIL', customerId, '2023-05-02T10:00:00+00:00']
		]);
		expect(kase.posts.every((post) => post.via === 'bulk')).toBe(true);
		expect(sandbox.state().mailed).toEqual([]);
		const solved = outcomes.get('T2');
		expect(sandbox.state().cases.find((each) => each.id === (solved?.ok ? solved.id : -1))?.status).toBe('COMPLETED');
	}, 30_000);

	it('uploads attachments byte for byte and points the inline image at the uploaded file', async () => {
		const kase = sandbox.state().cases.find((each) => each.legacy_id === 'T1')!;
		const [first] = kase.posts;
		expect(first!.attachments.map((each) => [each.name, each.sha256])).toEqual([
			['shot.png', sha256(PNG)],
			['manual.pdf', sha256(PDF)]
		]);
		expect(first!.contents).toMatch(/<img src="http:\/\/127\.0\.0\.1:\d+\/acme\/api\/v1\/files\/\d+\/content">/);
	});

	it('finds imported cases by legacy id and does not import them a second time', async () => {
		const found = await findCasesByLegacyIds(ctx.session, ['T1', 'T2', 'T404']);
		expect([...found.keys()].sort()).toEqual(['T1', 'T2']);
		const count = sandbox.state().cases.length;
		const again = await importCases(ctx, bundles);
		expect(again.get('T1')).toMatchObject({ ok: true, id: found.get('T1'), matched: true });
		expect(sandbox.state().cases).toHaveLength(count);
	}, 30_000);

	it('rolls an imported case back: trashed, then deleted', async () => {
		const id = (await findCasesByLegacyIds(ctx.session, ['T2'])).get('T2')!;
		expect(await deleteRecord(ctx.session, 'cases', id)).toBe(true);
		expect(sandbox.state().cases.find((each) => each.id === id)).toBeUndefined();
		expect(await deleteRecord(ctx.session, 'cases', id)).toBe(false);
	});
});

describe('when things go wrong', () => {
	it('reports a rejected ticket with Kayako\'s reason and imports the others', async () => {
		ctx.ids.set('users:GHOST', 999_999);
		const outcomes = await importCases(ctx, [ticket('T3', [comment('e1', 'T3', {})]), ticket('T4', [comment('f1', 'T4', {})], { requesterId: 'GHOST' })]);
		expect(outcomes.get('T3')).toMatchObject({ ok: true });
		expect(outcomes.get('T4')).toMatchObject({ ok: false, error: { kind: 'invalid-request', parameter: 'requester_id' } });
		expect(sandbox.state().cases.filter((each) => each.legacy_id === 'T4')).toEqual([]);
	}, 30_000);

	it('does not create a case twice when the bulk call\'s answer is lost', async () => {
		sandbox.faults.add({ kind: 'drop-after', method: 'POST', path: '/bulk/*', times: 1 });
		const bundle = ticket('T5', [comment('g1', 'T5', {})]);
		// The job Kayako accepted runs anyway: the writer looks for its case over the settle period instead of posting again.
		const first = await importCases(ctx, [bundle]);
		expect(first.get('T5')).toMatchObject({ ok: true });
		const second = await importCases(ctx, [bundle]);
		expect(second.get('T5')).toMatchObject({ ok: true, matched: true });
		expect(sandbox.state().cases.filter((each) => each.legacy_id === 'T5')).toHaveLength(1);
	}, 30_000);

	it('falls back to one case and one note per post when bulk import is refused, with the author and date in the first line', async () => {
		const inner = ctx.session;
		const refusing = Object.create(inner) as KayakoSession;
		refusing.request = <T>(request: KayakoRequest) => {
			if (request.path.startsWith('bulk/')) return Promise.reject(new MigrationError({ kind: 'forbidden', status: 403, message: 'bulk refused' }));
			return inner.request<T>(request);
		};
		const outcomes = await importCases({ ...ctx, session: refusing }, [
			ticket('T6', [comment('h1', 'T6', { createdAt: '2023-07-01T08:00:00Z', attachments: [attachment('pdf', 'manual.pdf', false)] }), comment('h2', 'T6', { authorId: 'A1', createdAt: '2023-07-01T09:00:00Z' })])
		]);
		expect(outcomes.get('T6')).toMatchObject({ ok: true, fallback: true });
		const kase = sandbox.state().cases.find((each) => each.legacy_id === 'T6')!;
		expect(kase.posts.map((post) => [post.channel, post.contents.split('\n')[0]])).toEqual([
			['NOTE', '<p><em>Originally by Person C1 on 1 July 2023 at 08:00 UTC</em></p>'],
			['NOTE', '<p><em>Originally by Person A1 on 1 July 2023 at 09:00 UTC</em></p>']
		]);
		expect(kase.posts[0]!.attachments.map((each) => each.sha256)).toEqual([sha256(PDF)]);
		expect(sandbox.state().mailed).toEqual([]);
	}, 30_000);

	it('imports post by post when Kayako refuses a post author in bulk', async () => {
		ctx.ids.set('users:GHOST2', 999_998);
		const outcomes = await importCases(ctx, [ticket('T7', [comment('k1', 'T7', {}), comment('k2', 'T7', { authorId: 'GHOST2', createdAt: '2023-05-01T09:00:00Z' })])]);
		expect(outcomes.get('T7')).toMatchObject({ ok: true, fallback: true });
		const kase = sandbox.state().cases.find((each) => each.legacy_id === 'T7')!;
		expect(kase.posts).toHaveLength(2);
		expect(kase.posts[1]!.contents).toContain('Originally by Person GHOST2 on 1 May 2023 at 09:00 UTC');
	}, 30_000);
});
