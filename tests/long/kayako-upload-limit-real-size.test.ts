// Kayako's upload limit learned per run, at real sizes (tens of megabytes, so kept out of `npm test`): at the default 20 MB
// the first 21 MB film is sent once and the next one never downloaded; an account configured for 50 MB takes a 30 MB film
// byte for byte. The quick tests (tests/integration/kayako-writer-upload-limit) play the same with small files.
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createKayakoSandbox, type KayakoSandbox } from '../../server/sandbox/kayako/index';
import { importCases } from '../../src/lib/engine/connectors/kayako/writer/cases';
import { KAYAKO_MAX_UPLOAD_BYTES } from '../../src/lib/engine/connectors/kayako/writer/upload-limits';
import type { Attachment, TicketBundle } from '../../src/lib/engine/model';
import { plainReason } from '../../src/lib/engine/reports/reasons/because';
import { adminSession, writeContext, type TestContext } from '../integration/kayako-writer-helpers';

const MB = 1024 * 1024;
const sandboxes: KayakoSandbox[] = [];
afterAll(async () => {
	for (const sandbox of sandboxes) await sandbox.close();
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function runOn(maxUploadBytes?: number): Promise<{ kayako: KayakoSandbox; run: TestContext; downloaded: string[] }> {
	const kayako = createKayakoSandbox({ accounts: ['acme'], jobTimeScale: 0.1, ...(maxUploadBytes !== undefined && { maxUploadBytes }) });
	await kayako.listen(0, '127.0.0.1');
	sandboxes.push(kayako);
	const run = writeContext(adminSession(kayako));
	run.ids.set('users:C1', kayako.state().users.find((user) => user.role === 'CUSTOMER')!.id);
	const downloaded: string[] = [];
	const fromBytes = run.download;
	run.download = (attachment) => {
		downloaded.push(attachment.id);
		return fromBytes(attachment);
	};
	return { kayako, run, downloaded };
}

function film(run: TestContext, id: string, size: number): Attachment {
	const bytes = new Uint8Array(size);
	for (let index = 0; index < size; index += 4096) bytes[index] = (index / 4096 + id.length) % 251;
	run.bytes.set(id, bytes);
	return { id, fileName: `${id}.mov`, contentType: 'video/quicktime', size, url: `https://src.example/${id}`, inline: false };
}

function ticketWith(id: string, attachments: Attachment[]): TicketBundle {
	const at = '2024-03-01T10:00:00Z';
	return {
		ticket: { id, subject: `Films ${id}`, status: 'open', requesterId: 'C1', tags: [], fields: {}, ccEmails: [], followerIds: [], createdAt: at, updatedAt: at },
		comments: [{ id: `${id}-c`, ticketId: id, authorId: 'C1', public: false, html: '<p>The film.</p>', plain: '', createdAt: at, attachments }]
	};
}

describe('Kayako\'s upload limit at real sizes', () => {
	it('at the default 20 MB: the first 21 MB film is sent once, the next is never downloaded', async () => {
		expect(KAYAKO_MAX_UPLOAD_BYTES).toBe(20 * MB);
		const { kayako, run, downloaded } = await runOn();
		const tickets = [ticketWith('R1', [film(run, 'first', 21 * MB)]), ticketWith('R2', [film(run, 'second', 21 * MB), film(run, 'note', 10)])];
		const outcomes = await importCases(run, tickets);
		expect(tickets.map((each) => outcomes.get(each.ticket.id)?.warnings.map((warning) => plainReason(warning.message)))).toEqual([
			[`Attachment first.mov (${21 * MB} bytes) is larger than Kayako accepts; it was left out.`],
			[`Attachment second.mov (${21 * MB} bytes) is larger than Kayako accepts; it was left out.`]
		]);
		expect(downloaded).toEqual(['first', 'note']);
		expect(kayako.state().requests.byRoute['POST /files']).toBe(2);
	});

	it('at an account configured for 50 MB: a 30 MB film lands byte for byte', async () => {
		const { kayako, run } = await runOn(50 * MB);
		const movie = film(run, 'thirty', 30 * MB);
		const outcome = (await importCases(run, [ticketWith('R3', [movie])])).get('R3');
		expect(outcome).toMatchObject({ ok: true, warnings: [] });
		const [post] = kayako.state().cases.find((each) => each.legacy_id === 'R3')!.posts;
		expect(post!.attachments.map((each) => [each.name, each.size, each.sha256])).toEqual([['thirty.mov', 30 * MB, sha256(run.bytes.get('thirty')!)]]);
	});
});
