// What the sandbox Kayako receives for hostile bodies written through the real writer: the sanitizer's output, always.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KayakoSandbox } from '../../server/sandbox/kayako/index';
import { createKayakoTarget } from '../../src/lib/engine/connectors/kayako/target';
import type { Comment, TicketBundle } from '../../src/lib/engine/model';
import type { References, TargetWriter } from '../../src/lib/engine/pipeline/target';
import issue10 from '../fixtures/xss/issue-10.json';
import owasp from '../fixtures/xss/owasp-filter-evasion.json';
import { executableParts } from '../unit/html-executable';
import { adminSession, startWriterSandbox } from './kayako-writer-helpers';

let sandbox: KayakoSandbox;
let target: TargetWriter;
let refs: References;

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
	refs = { kayakoId: (kind, sourceId) => (kind === 'users' && sourceId === 'C1' ? customerId : undefined) };
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
});
