// What the sandbox Kayako receives for hostile bodies written through the real writer: the sanitizer's output, always.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KayakoSandbox } from '../../server/sandbox/kayako/index';
import { createKayakoTarget } from '../../src/lib/engine/connectors/kayako/target';
import type { Comment, TicketBundle } from '../../src/lib/engine/model';
import type { References, TargetWriter } from '../../src/lib/engine/pipeline/target';
import type { KayakoId } from '../../src/lib/engine/store';
import issue10 from '../fixtures/xss/issue-10.json';
import owasp from '../fixtures/xss/owasp-filter-evasion.json';
import { executableParts } from '../unit/html-executable';
import { adminSession, startWriterSandbox } from './kayako-writer-helpers';

let sandbox: KayakoSandbox;
let target: TargetWriter;
let refs: References;
let remember: (kind: string, sourceId: string, kayakoId: KayakoId) => void;

function comment(id: string, html: string): Comment {
	return { id, ticketId: 'T1', authorId: 'C1', public: true, html, plain: 'plain text', createdAt: '2023-05-01T08:00:00Z', attachments: [] };
}

function bundle(id: string, comments: Comment[]): TicketBundle {
	return {
		ticket: { id, subject: `Ticket ${id}`, status: 'open', requesterId: 'C1', tags: [], fields: {}, ccEmails: [], followerIds: [], createdAt: '2023-05-01T08:00:00Z', updatedAt: '2023-05-03T08:00:00Z' },
		comments
	};
}

function postsOfCase(caseId: number): string[] {
	return (sandbox.state().cases.find((each) => each.id === caseId)?.posts ?? []).map((post) => post.contents);
}

beforeAll(async () => {
	sandbox = await startWriterSandbox();
	const customerId = sandbox.state().users.find((user) => user.role === 'CUSTOMER')!.id;
	const ids = new Map<string, KayakoId>([['users:C1', customerId]]);
	refs = { kayakoId: (kind, sourceId) => ids.get(`${kind}:${sourceId}`) };
	remember = (kind, sourceId, kayakoId) => ids.set(`${kind}:${sourceId}`, kayakoId);
	target = createKayakoTarget({
		session: adminSession(sandbox),
		settings: { oldIdInSubject: false, inlineImages: 'rewrite', skipAttachments: true, eventsAsNotes: false },
		download: () => Promise.reject(new Error('no attachments in these tests'))
	});
});

afterAll(() => sandbox.close());

describe('hostile bodies written through the Kayako writer', () => {
	it('sends the sanitized HTML of new cases, even when the sanitizer calls a body unchanged', async () => {
		const hostile = [...issue10, ...owasp].map(({ html }, index) => comment(`c${index}`, `<p>Message ${index}</p>${html}`));
		const outcomes = await target.tickets([bundle('T1', hostile)], refs);
		const outcome = outcomes.get('T1');
		if (!outcome?.ok) throw new Error(`the case was not created: ${JSON.stringify(outcome)}`);
		const posts = postsOfCase(Number(outcome.kayakoId));
		expect(posts).toHaveLength(hostile.length);
		for (const contents of posts) expect(executableParts(contents), contents).toEqual([]);
		expect(posts.join('\n')).toContain('<p>Message 0</p>');
	});

	it('sends the sanitized HTML of posts added to a case that exists already', async () => {
		const outcomes = await target.tickets([bundle('T2', [comment('first', '<p>Opening</p>')])], refs);
		const outcome = outcomes.get('T2');
		if (!outcome?.ok) throw new Error(`the case was not created: ${JSON.stringify(outcome)}`);
		const added = issue10.map(({ html }, index) => comment(`later${index}`, html));
		await target.updateTicket(outcome.kayakoId, bundle('T2', []), added, refs);
		const posts = postsOfCase(Number(outcome.kayakoId));
		expect(posts).toHaveLength(1 + added.length);
		for (const contents of posts) expect(executableParts(contents), contents).toEqual([]);
		expect(posts.some((contents) => contents.includes('<a>the invoice</a>'))).toBe(true);
	});

	it('sends the sanitized HTML of articles, when created and when updated', async () => {
		const category = await target.kbCategory({ id: 'K1', title: 'Help', locale: 'en-us' }, refs);
		remember('kb-categories', 'K1', category.kayakoId);
		const section = await target.kbSection({ id: 'S1', categoryId: 'K1', title: 'Basics', locale: 'en-us' }, refs);
		remember('kb-sections', 'S1', section.kayakoId);
		const hostile = [...issue10, ...owasp].map(({ html }) => html).join('\n');
		const article = { id: 'A1', sectionId: 'S1', title: 'Printing', html: `<p>How to print</p>${hostile}`, draft: false, locale: 'en-us', tags: [], attachments: [] };
		const written = await target.article(article, refs);
		const contentsOf = () => sandbox.state().articles.find((each) => each.id === Number(written.kayakoId))?.contents.join('') ?? '';
		expect(contentsOf()).toContain('How to print');
		expect(executableParts(contentsOf())).toEqual([]);

		await target.update('articles', written.kayakoId, { ...article, html: `<p>Printing, updated</p>${hostile}` }, refs);
		expect(contentsOf()).toContain('Printing, updated');
		expect(executableParts(contentsOf())).toEqual([]);
	});
});
