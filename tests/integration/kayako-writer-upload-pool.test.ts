// A batch's attachments go up several tickets at once (bounded), and each file still lands on its own ticket's post in the sandbox Kayako.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KayakoSandbox } from '../../server/sandbox/kayako/index';
import { importCases, UPLOAD_POOL } from '../../src/lib/engine/connectors/kayako/writer/cases';
import type { Attachment, TicketBundle } from '../../src/lib/engine/model';
import { adminSession, startWriterSandbox, writeContext, type TestContext } from './kayako-writer-helpers';

let kayako: KayakoSandbox;
let ctx: TestContext;

beforeAll(async () => {
	kayako = await startWriterSandbox();
	ctx = writeContext(adminSession(kayako));
	ctx.ids.set('users:C1', kayako.state().users.find((user) => user.role === 'CUSTOMER')!.id);
});

afterAll(() => kayako.close());

function bundleWithFile(id: string): { bundle: TicketBundle; file: Attachment } {
	const file: Attachment = { id: `a-${id}`, fileName: `${id}.txt`, contentType: 'text/plain', size: 12, url: `https://source.test/${id}.txt`, inline: false };
	ctx.bytes.set(file.id, new TextEncoder().encode(`bytes of ${id}`) as Uint8Array<ArrayBuffer>);
	const time = '2023-05-01T08:00:00Z';
	return {
		file,
		bundle: {
			ticket: { id, subject: `Ticket ${id}`, status: 'open', requesterId: 'C1', tags: [], fields: {}, ccEmails: [], followerIds: [], createdAt: time, updatedAt: time },
			comments: [{ id: `${id}-c1`, ticketId: id, authorId: 'C1', public: false, html: `<p>${id}</p>`, plain: id, createdAt: time, attachments: [file] }]
		}
	};
}

describe('the attachments of a batch', () => {
	it('are fetched and uploaded several tickets at once, at most UPLOAD_POOL, each on its own ticket\'s post', async () => {
		const made = Array.from({ length: UPLOAD_POOL + 4 }, (_, index) => bundleWithFile(`UP${index}`));
		const download = ctx.download.bind(ctx);
		let fetching = 0;
		let most = 0;
		ctx.download = async (attachment) => {
			most = Math.max(most, ++fetching);
			// A few turns of the event loop, so the other tickets of the pool start theirs meanwhile.
			for (let turn = 0; turn < 5; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
			fetching--;
			return download(attachment);
		};
		const outcomes = await importCases({ ...ctx, options: { ...ctx.options, sleep: async () => kayako.advanceClock(10_000) } }, made.map((each) => each.bundle));
		expect(most).toBe(UPLOAD_POOL);
		for (const { bundle, file } of made) {
			expect(outcomes.get(bundle.ticket.id)).toMatchObject({ ok: true });
			const kase = kayako.state().cases.find((each) => each.legacy_id === bundle.ticket.id);
			expect(kase?.posts.map((post) => post.attachments.map((each) => each.name))).toEqual([[file.fileName]]);
		}
	});
});
