// A ticket's files go to Kayako several per POST /files: byte for byte on the right posts, a refused file among them left
// out alone, lost or garbled answers sent again without a file going twice onto a post, downloads a few at a time.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKayakoSandbox, type KayakoSandbox } from '../../server/sandbox/kayako/index';
import { importCases } from '../../src/lib/engine/connectors/kayako/writer/cases';
import { plainReason } from '../../src/lib/engine/reports/reasons/because';
import type { Attachment, Comment, TicketBundle } from '../../src/lib/engine/model';
import { adminSession, writeContext, type TestContext } from './kayako-writer-helpers';

let kayako: KayakoSandbox;
let ctx: TestContext;
let customerId: number;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const uploads = (sandbox: KayakoSandbox) => sandbox.state().requests.byRoute['POST /files'] ?? 0;

beforeAll(async () => {
	// Bulk jobs at a tenth of their usual time: these tests are about files, not about waiting for jobs.
	kayako = createKayakoSandbox({ accounts: ['acme'], jobTimeScale: 0.1 });
	await kayako.listen(0, '127.0.0.1');
	ctx = writeContext(adminSession(kayako));
	customerId = kayako.state().users.find((user) => user.role === 'CUSTOMER')!.id;
	ctx.ids.set('users:C1', customerId);
});

beforeEach(() => kayako.faults.clear());

afterAll(() => kayako.close());

let counter = 0;

/** A file of `size` distinct bytes, its bytes given to the context's downloader. */
function fileOf(context: TestContext, size: number, extra: Partial<Attachment> = {}): Attachment {
	counter += 1;
	const id = `a${counter}`;
	const bytes = new Uint8Array(size);
	for (let index = 0; index < size; index += 1) bytes[index] = (index * 7 + counter) % 251;
	context.bytes.set(id, bytes);
	return { id, fileName: `file-${counter}.bin`, contentType: 'application/octet-stream', size, url: `https://src.example/${id}`, inline: false, ...extra };
}

function bundleOf(perComment: Attachment[][], html = (index: number) => `<p>Comment ${index}</p>`): TicketBundle {
	counter += 1;
	const id = `T${counter}`;
	const createdAt = '2024-03-01T10:00:00Z';
	const comments: Comment[] = perComment.map((attachments, index) => ({ id: `${id}-c${index}`, ticketId: id, authorId: 'C1', public: false, html: html(index), plain: '', createdAt: `2024-03-01T10:0${index}:00Z`, attachments }));
	return { ticket: { id, subject: `Files ${id}`, status: 'open', requesterId: 'C1', tags: [], fields: {}, ccEmails: [], followerIds: [], createdAt, updatedAt: createdAt }, comments };
}

function postsOf(sandbox: KayakoSandbox, legacyId: string) {
	return sandbox.state().cases.find((each) => each.legacy_id === legacyId)?.posts ?? [];
}

/** Per post in order: the names and digests of the files it carries. */
function carried(sandbox: KayakoSandbox, legacyId: string): [string, string][][] {
	return postsOf(sandbox, legacyId).map((post) => post.attachments.map((each): [string, string] => [each.name, each.sha256]));
}

function expected(context: TestContext, perComment: Attachment[][]): [string, string][][] {
	return perComment.map((attachments) => attachments.map((each): [string, string] => [each.fileName, sha256(context.bytes.get(each.id)!)]));
}

describe('several files per upload', () => {
	it('puts all a ticket\'s small files, inline image included, on their own posts byte for byte with one POST /files', async () => {
		const image = fileOf(ctx, 300, { fileName: 'shot.png', contentType: 'image/png', inline: true, url: 'https://src.example/shot.png' });
		const perComment = [[fileOf(ctx, 1000), fileOf(ctx, 2000)], [], [image, fileOf(ctx, 5)]];
		const bundle = bundleOf(perComment, (index) => (index === 2 ? '<p>Look: <img src="https://src.example/shot.png"></p>' : `<p>Comment ${index}</p>`));
		const before = uploads(kayako);
		const outcome = (await importCases(ctx, [bundle])).get(bundle.ticket.id);
		expect(outcome).toMatchObject({ ok: true });
		expect(uploads(kayako) - before).toBe(1);
		expect(carried(kayako, bundle.ticket.id)).toEqual(expected(ctx, perComment));
		const imageFile = postsOf(kayako, bundle.ticket.id)[2]!.contents;
		expect(imageFile).toMatch(/<img src="[^"]*\/files\/\d+\/content"/);
	}, 30_000);

	it('sends a file over the per-request budget alone and keeps the small ones together', async () => {
		const big = fileOf(ctx, 9 * 1024 * 1024);
		const perComment = [[fileOf(ctx, 10), big, fileOf(ctx, 20)]];
		const bundle = bundleOf(perComment);
		const before = uploads(kayako);
		expect((await importCases(ctx, [bundle])).get(bundle.ticket.id)).toMatchObject({ ok: true, warnings: [] });
		// The small file before it, the big one alone, the small one after it.
		expect(uploads(kayako) - before).toBe(3);
		expect(carried(kayako, bundle.ticket.id)).toEqual(expected(ctx, perComment));
	}, 30_000);

	it('sends the files again when the answer to a shared upload is lost, and each post carries each file once', async () => {
		kayako.faults.set([{ kind: 'drop-after', times: 1, method: 'POST', path: '/files*' }], 'acme');
		const perComment = [[fileOf(ctx, 100), fileOf(ctx, 200)], [fileOf(ctx, 300)]];
		const bundle = bundleOf(perComment);
		const before = uploads(kayako);
		expect((await importCases(ctx, [bundle])).get(bundle.ticket.id)).toMatchObject({ ok: true, warnings: [] });
		expect(kayako.faults.list('acme')).toEqual([]);
		expect(uploads(kayako) - before).toBe(2);
		expect(carried(kayako, bundle.ticket.id)).toEqual(expected(ctx, perComment));
	}, 30_000);

	it('sends the files again when the answer to a shared upload comes back garbled', async () => {
		kayako.faults.set([{ kind: 'malformed-json', times: 1, method: 'POST', path: '/files*' }], 'acme');
		const perComment = [[fileOf(ctx, 100), fileOf(ctx, 200), fileOf(ctx, 300)]];
		const bundle = bundleOf(perComment);
		expect((await importCases(ctx, [bundle])).get(bundle.ticket.id)).toMatchObject({ ok: true, warnings: [] });
		expect(kayako.faults.list('acme')).toEqual([]);
		expect(carried(kayako, bundle.ticket.id)).toEqual(expected(ctx, perComment));
	}, 30_000);

	it('fails the ticket, making no case, when no answer to the upload ever comes back: a later run sends the files again', async () => {
		kayako.faults.set([{ kind: 'drop-after', method: 'POST', path: '/files*' }], 'acme');
		const bundle = bundleOf([[fileOf(ctx, 100), fileOf(ctx, 200)]]);
		const outcome = (await importCases(ctx, [bundle])).get(bundle.ticket.id);
		expect(outcome?.ok).toBe(false);
		expect(postsOf(kayako, bundle.ticket.id)).toEqual([]);
	}, 30_000);

	it('fetches at most three of a ticket\'s files at once, and more than one', async () => {
		const perComment = [[fileOf(ctx, 10), fileOf(ctx, 10), fileOf(ctx, 10), fileOf(ctx, 10), fileOf(ctx, 10), fileOf(ctx, 10)]];
		let running = 0;
		let most = 0;
		const gated = { ...ctx };
		gated.download = async (attachment) => {
			running += 1;
			most = Math.max(most, running);
			// Let the other downloads start before this one ends (no timer: a few turns of the event loop).
			for (let turn = 0; turn < 5; turn += 1) await Promise.resolve();
			running -= 1;
			return ctx.download(attachment);
		};
		const bundle = bundleOf(perComment);
		expect((await importCases(gated, [bundle])).get(bundle.ticket.id)).toMatchObject({ ok: true, warnings: [] });
		expect(most).toBe(3);
		expect(carried(kayako, bundle.ticket.id)).toEqual(expected(ctx, perComment));
	}, 30_000);
});

describe('a file Kayako refuses among several', () => {
	let small: KayakoSandbox;
	let smallCtx: TestContext;

	beforeAll(async () => {
		small = createKayakoSandbox({ accounts: ['acme'], maxUploadBytes: 1000, jobTimeScale: 0.1 });
		await small.listen(0, '127.0.0.1');
		smallCtx = writeContext(adminSession(small));
		smallCtx.ids.set('users:C1', small.state().users.find((user) => user.role === 'CUSTOMER')!.id);
	});

	afterAll(() => small.close());

	it('leaves out only the refused file, with its reason, and puts the others on their posts', async () => {
		// Zendesk said nothing of its size, so it is fetched; Kayako's 413 for the shared request spoils all three.
		const tooBig = fileOf(smallCtx, 1500, { size: 0, fileName: 'huge.bin' });
		const first = fileOf(smallCtx, 100);
		const last = fileOf(smallCtx, 200);
		const bundle = bundleOf([[first, tooBig], [last]]);
		const outcome = (await importCases(smallCtx, [bundle])).get(bundle.ticket.id);
		expect(outcome).toMatchObject({ ok: true });
		expect(outcome?.warnings.map((warning) => plainReason(warning.message))).toEqual(['Attachment huge.bin (1500 bytes) is larger than Kayako accepts; it was left out.']);
		expect(carried(small, bundle.ticket.id)).toEqual(expected(smallCtx, [[first], [last]]));
	}, 30_000);
});
