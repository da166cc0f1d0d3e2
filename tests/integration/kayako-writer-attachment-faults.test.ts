// A ticket's files under faults, from the Zendesk sandbox to the Kayako sandbox: a cut download or a garbled upload answer is
// tried again; a download that keeps failing fails the ticket (so a later run moves it) instead of leaving the file out.
import { plainReason } from '../../src/lib/engine/reports/reasons/because';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKayakoSandbox, type KayakoSandbox } from '../../server/sandbox/kayako/index';
import { describeKayakoError } from '../../src/lib/engine/connectors/kayako/errors';
import { KayakoSession } from '../../src/lib/engine/connectors/kayako/session';
import { importCases } from '../../src/lib/engine/connectors/kayako/writer/cases';
import { HttpClient } from '../../src/lib/engine/http';
import type { Attachment, Comment, TicketBundle } from '../../src/lib/engine/model';
import { adminSession, writeContext, type TestContext } from './kayako-writer-helpers';
import { useSandbox } from './zendesk-sandbox-fixtures';
import { openSource } from './zendesk-source-fixtures';

const zendesk = useSandbox({ seed: 42, tickets: 60 });
let kayako: KayakoSandbox;
let ctx: TestContext;
let file: Attachment;
let sourceComment: Comment;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
	// Bulk jobs at a tenth of their usual time: these tests are about files, not about waiting for jobs.
	kayako = createKayakoSandbox({ accounts: ['acme'], jobTimeScale: 0.1 });
	await kayako.listen(0, '127.0.0.1');
	ctx = writeContext(adminSession(kayako));
	const customer = kayako.state().users.find((user) => user.role === 'CUSTOMER')!;
	ctx.ids.set('users:C1', customer.id);
	// Downloads go to the Zendesk sandbox through the real source, retries and all.
	const { source } = openSource(zendesk.sandbox());
	ctx.download = (attachment) => source.download(attachment);
	for (let ticket = 1; ticket <= 60 && !file; ticket += 1) {
		const comments = await source.comments(String(ticket)).catch(() => []);
		for (const comment of comments) {
			const found = comment.attachments.find((candidate) => !candidate.inline && candidate.size > 1000 && candidate.size < 200_000);
			if (found) {
				file = found;
				sourceComment = comment;
				break;
			}
		}
	}
	if (!file) throw new Error('No ticket of the seeded account has a small attachment.');
}, 60_000);

beforeEach(() => {
	zendesk.sandbox().faults.clear();
	kayako.faults.clear();
});

afterAll(() => kayako.close());

let counter = 0;
function bundleWith(attachments: Attachment[]): TicketBundle {
	counter += 1;
	const id = `F${counter}`;
	const comment: Comment = { id: `fc${counter}`, ticketId: id, authorId: 'C1', public: false, html: '<p>See the file.</p>', plain: 'See the file.', createdAt: sourceComment.createdAt, attachments };
	return {
		ticket: { id, subject: `Files ${id}`, status: 'open', requesterId: 'C1', tags: [], fields: {}, ccEmails: [], followerIds: [], createdAt: sourceComment.createdAt, updatedAt: sourceComment.createdAt },
		comments: [comment]
	};
}

async function servedBytes(attachment: Attachment): Promise<Uint8Array> {
	return new Uint8Array(await (await fetch(attachment.url)).arrayBuffer());
}

function caseOf(legacyId: string) {
	return kayako.state().cases.find((each) => each.legacy_id === legacyId);
}

describe('a ticket\'s files under faults', () => {
	it('fetches a download cut off mid-way again, and Kayako gets the whole file', async () => {
		zendesk.sandbox().faults.set([{ kind: 'malformed-json', times: 1, path: '/attachments/token/*' }]);
		const bundle = bundleWith([file]);
		const outcome = (await importCases(ctx, [bundle])).get(bundle.ticket.id);
		expect(outcome).toMatchObject({ ok: true, warnings: [] });
		const [post] = caseOf(bundle.ticket.id)!.posts;
		expect(post!.attachments.map((each) => [each.name, each.sha256])).toEqual([[file.fileName, sha256(await servedBytes(file))]]);
		expect(zendesk.sandbox().faults.rules()).toEqual([]);
	}, 30_000);

	it('fails the ticket, with a reason a later run can act on, when every download is cut: the file is never silently left out', async () => {
		zendesk.sandbox().faults.set([{ kind: 'malformed-json', path: '/attachments/token/*' }]);
		const bundle = bundleWith([file]);
		const outcome = (await importCases(ctx, [bundle])).get(bundle.ticket.id);
		expect(outcome?.ok).toBe(false);
		if (outcome?.ok !== false) return;
		expect(outcome.error.kind).toBe('network');
		expect(outcome.error.message).toContain('dropped while the answer was read');
		expect(outcome.warnings.some((warning) => warning.message.includes('left out'))).toBe(false);
		expect(caseOf(bundle.ticket.id)).toBeUndefined();
	}, 30_000);

	it('leaves out, with its reason, only a file the source no longer has', async () => {
		const gone: Attachment = { ...file, id: 'gone', fileName: 'gone.pdf', url: file.url.replace(/token\/[^/?]+/, 'token/no-such-token') };
		const bundle = bundleWith([gone, file]);
		const outcome = (await importCases(ctx, [bundle])).get(bundle.ticket.id);
		expect(outcome?.ok).toBe(true);
		expect(outcome?.warnings.map((warning) => plainReason(warning.message))).toEqual([expect.stringMatching(/^Attachment gone\.pdf could not be fetched from the source \(.*404.*\); it was left out\.$/)]);
		expect(caseOf(bundle.ticket.id)!.posts[0]!.attachments.map((each) => each.name)).toEqual([file.fileName]);
	}, 30_000);

	it('leaves out, with its reason, a file Zendesk lists without a download address', async () => {
		const nowhere: Attachment = { ...file, id: 'nowhere', fileName: 'nowhere.pdf', url: '' };
		const bundle = bundleWith([nowhere]);
		const outcome = (await importCases(ctx, [bundle])).get(bundle.ticket.id);
		expect(outcome?.ok).toBe(true);
		expect(outcome?.warnings.map((warning) => warning.message)).toEqual([expect.stringContaining('Attachment nowhere.pdf could not be fetched from the source (Zendesk at')]);
	}, 30_000);

	it('sends an upload again when Kayako\'s answer to POST /files comes back garbled', async () => {
		kayako.faults.set([{ kind: 'malformed-json', times: 1, method: 'POST', path: '/files*' }], 'acme');
		const bundle = bundleWith([file]);
		const outcome = (await importCases(ctx, [bundle])).get(bundle.ticket.id);
		expect(outcome).toMatchObject({ ok: true });
		expect(caseOf(bundle.ticket.id)!.posts[0]!.attachments.map((each) => each.sha256)).toEqual([sha256(await servedBytes(file))]);
		expect(kayako.faults.list('acme')).toEqual([]);
	}, 30_000);
});

describe('a ticket with many files', () => {
	it('goes in whole with 120 files while one upload answer in twenty comes back garbled', async () => {
		// The client's default of five retries per request; quick backoffs so the test costs no real time.
		const session = new KayakoSession(new HttpClient({ baseBackoffMs: 1, maxBackoffMs: 5, describeError: describeKayakoError }), kayako.accountUrl('acme'), { email: 'admin@acme.example', password: 'Sandbox-Admin-1' });
		const many = writeContext(session);
		many.ids.set('users:C1', ctx.ids.get('users:C1')!);
		const attachments: Attachment[] = Array.from({ length: 120 }, (_, index) => {
			many.bytes.set(`m${index}`, new Uint8Array([index, index + 1, index + 2]));
			return { id: `m${index}`, fileName: `part-${index}.bin`, contentType: 'application/octet-stream', size: 3, url: `https://src.example/m${index}`, inline: false };
		});
		kayako.faults.set([{ kind: 'malformed-json', probability: 0.05, method: 'POST', path: '/files*' }], 'acme');
		const bundle = bundleWith(attachments);
		const outcome = (await importCases(many, [bundle])).get(bundle.ticket.id);
		expect(outcome).toMatchObject({ ok: true, warnings: [] });
		const names = caseOf(bundle.ticket.id)!.posts[0]!.attachments.map((each) => each.name);
		expect(names).toEqual(attachments.map((each) => each.fileName));
	}, 60_000);
});
