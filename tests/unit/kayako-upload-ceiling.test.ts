// What a run learns of Kayako's largest upload from its answers: whose 413 counts, the smallest size refused and the largest
// taken, and that files which may be too large are fetched one at a time per session, so the first refusal spares the rest.
import { describe, expect, it } from 'vitest';
import { MigrationError } from '../../src/lib/engine/errors';
import type { KayakoSession } from '../../src/lib/engine/connectors/kayako/session';
import type { WriteContext } from '../../src/lib/engine/connectors/kayako/writer/context';
import { uploadAttachments } from '../../src/lib/engine/connectors/kayako/writer/files';
import { sizeRefuser, UploadCeiling } from '../../src/lib/engine/connectors/kayako/writer/upload-ceiling';
import { KAYAKO_MAX_UPLOAD_BYTES, UPLOAD_BUDGET_BYTES } from '../../src/lib/engine/connectors/kayako/writer/upload-limits';
import type { Attachment } from '../../src/lib/engine/model';
import { plainReason } from '../../src/lib/engine/reports/reasons/because';

const MB = 1024 * 1024;

const tooLarge = (status: number, code?: string) => new MigrationError({ kind: 'too-large', status, code, message: 'refused as too large' });

describe('whose refusal teaches the limit', () => {
	it('counts a 413 with Kayako\'s error code as Kayako\'s, and the proxy\'s body-too-large or a bare 413 as a server\'s on the way', () => {
		expect(sizeRefuser(tooLarge(413, 'FIELD_INVALID'))).toBe('kayako');
		expect(sizeRefuser(tooLarge(413, 'body-too-large'))).toBe('on-the-way');
		expect(sizeRefuser(tooLarge(413))).toBe('on-the-way');
		expect(sizeRefuser(new MigrationError({ kind: 'invalid-request', status: 400, code: 'FIELD_INVALID', message: 'refused' }))).toBeUndefined();
		expect(sizeRefuser(new Error('anything else'))).toBeUndefined();
	});
});

describe('the learned ceiling', () => {
	it('leaves nothing out before a refusal, then everything at or above the smallest size refused', () => {
		const ceiling = new UploadCeiling();
		expect(ceiling.refuses(500 * MB)).toBeUndefined();
		ceiling.refused('kayako', 30 * MB);
		ceiling.refused('kayako', 25 * MB);
		ceiling.refused('kayako', 40 * MB);
		expect(ceiling.refuses(25 * MB)).toBe('kayako');
		expect(ceiling.refuses(25 * MB - 1)).toBeUndefined();
		// A file of unknown size is fetched: its bytes will tell.
		expect(ceiling.refuses(0)).toBeUndefined();
	});

	it('keeps Kayako\'s ceiling and the proxy\'s apart', () => {
		const ceiling = new UploadCeiling();
		ceiling.refused('on-the-way', 100 * MB);
		ceiling.refused('kayako', 150 * MB);
		expect(ceiling.refuses(120 * MB)).toBe('on-the-way');
		expect(ceiling.refuses(200 * MB)).toBe('kayako');
	});

	it('learns nothing from a refusal at or below a size Kayako took, and forgets the ceiling when a larger file is taken', () => {
		const ceiling = new UploadCeiling();
		ceiling.taken(30 * MB);
		ceiling.refused('kayako', 25 * MB);
		expect(ceiling.refuses(25 * MB)).toBeUndefined();
		ceiling.refused('kayako', 40 * MB);
		expect(ceiling.refuses(45 * MB)).toBe('kayako');
		ceiling.taken(50 * MB);
		expect(ceiling.refuses(45 * MB)).toBeUndefined();
	});

	it('fetches ahead only files not in doubt: within Kayako\'s default limit, or no larger than one taken, and below any ceiling', () => {
		const ceiling = new UploadCeiling();
		expect(ceiling.sure(KAYAKO_MAX_UPLOAD_BYTES)).toBe(true);
		expect(ceiling.sure(KAYAKO_MAX_UPLOAD_BYTES + 1)).toBe(false);
		ceiling.taken(30 * MB);
		expect(ceiling.sure(25 * MB)).toBe(true);
		const behindProxy = new UploadCeiling();
		behindProxy.refused('on-the-way', 10 * MB);
		expect(behindProxy.sure(10 * MB)).toBe(false);
	});

	it('keeps a shared request below a size refused under the budget', () => {
		const ceiling = new UploadCeiling();
		expect(ceiling.budget()).toBe(UPLOAD_BUDGET_BYTES);
		ceiling.refused('kayako', 64 * 1024);
		expect(ceiling.budget()).toBe(64 * 1024 - 1);
	});
});

/** A Kayako that refuses any file over `limit` bytes with 413 FIELD_INVALID, counting requests; downloads counted too. */
function standIn(limit: number): { ctx: Pick<WriteContext, 'session' | 'download' | 'options'>; requests: () => number; downloads: () => number } {
	let requests = 0;
	let downloads = 0;
	let nextId = 1;
	const request = async (options: { body?: BodyInit; headers?: Record<string, string> }) => {
		requests += 1;
		// Read as a server reads it: the body by its Content-Type.
		const parts = (await new Response(options.body, { headers: options.headers }).formData()).getAll('files[]') as File[];
		if (parts.some((part) => part.size > limit)) throw tooLarge(413, 'FIELD_INVALID');
		const made = parts.map((part) => ({ id: nextId++, size: part.size, content_url: `https://kayako.example/files/${nextId}` }));
		return { status: 201, data: made.length === 1 ? made[0] : made };
	};
	const download = async (attachment: Attachment) => {
		downloads += 1;
		// A turn of the event loop, as a real download takes: the other record's upload may start meanwhile.
		await new Promise((resolve) => setImmediate(resolve));
		return new Blob([new Uint8Array(attachment.size)]);
	};
	return { ctx: { session: { request } as unknown as KayakoSession, download, options: { inlineImages: 'rewrite' } }, requests: () => requests, downloads: () => downloads };
}

const film = (id: string, size: number): Attachment => ({ id, fileName: `${id}.mov`, contentType: 'video/quicktime', size, url: `https://src.example/${id}`, inline: false });

describe('files that may be too large', () => {
	it('are fetched one at a time per session, so two records at once download only the first of two films Kayako refuses', async () => {
		const { ctx, requests, downloads } = standIn(KAYAKO_MAX_UPLOAD_BYTES);
		const size = KAYAKO_MAX_UPLOAD_BYTES + MB;
		const [first, second] = await Promise.all([uploadAttachments(ctx, 'T1', [film('one', size)]), uploadAttachments(ctx, 'T2', [film('two', size)])]);
		expect([...first!.warnings, ...second!.warnings].map((warning) => plainReason(warning.message))).toEqual([
			`Attachment one.mov (${size} bytes) is larger than Kayako accepts; it was left out.`,
			`Attachment two.mov (${size} bytes) is larger than Kayako accepts; it was left out.`
		]);
		expect(downloads()).toBe(1);
		expect(requests()).toBe(1);
	});

	it('go in, each alone in its request, at an account configured above the default 20 MB', async () => {
		const { ctx, requests, downloads } = standIn(50 * MB);
		const outcome = await uploadAttachments(ctx, 'T3', [film('thirty', 30 * MB), film('twenty-one', 21 * MB)]);
		expect(outcome.warnings).toEqual([]);
		expect(outcome.files.map((file) => file.attachment.id)).toEqual(['thirty', 'twenty-one']);
		expect([downloads(), requests()]).toEqual([2, 2]);
	});
});
