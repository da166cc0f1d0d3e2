// Cases, posts, bulk jobs and files in the Kayako sandbox: the import path stays silent, single MAIL posts would mail.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KAYAKO_SANDBOX_CREDENTIALS as CREDENTIALS } from '../../server/sandbox/kayako/index';
import { Client, startSandbox, type Running } from './kayako-sandbox-helpers';

let running: Running;
let admin: Client;
const CUSTOMER = 8;

beforeEach(async () => {
	running = await startSandbox({ maxUploadBytes: 1024 });
	admin = new Client(running.base);
	await admin.login(CREDENTIALS.admin);
});

afterEach(async () => {
	await running.sandbox.close();
});

function bulkCase(legacyId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		subject: `Imported ${legacyId}`,
		contents: 'The first message',
		requester_id: CUSTOMER,
		creator_id: CUSTOMER,
		channel: 'MAIL',
		channel_id: 1,
		legacy_id: legacyId,
		created_at: '2019-03-01T10:00:00+00:00',
		posts: [
			{ contents: 'An agent answer', channel: 'MAIL', channel_id: 1, creator_id: 3, created_at: '2019-03-02T09:00:00+00:00' },
			{ contents: 'A private note', channel: 'NOTE', creator_id: 3, created_at: '2019-03-02T10:00:00+00:00' }
		],
		...extra
	};
}

describe('Kayako sandbox bulk case import', () => {
	it('answers 202 with a job that goes PENDING, PROCESSING, COMPLETED as time passes, then shows the cases by legacy_ids', async () => {
		const accepted = await admin.request('POST', '/bulk/cases.json', { json: { cases: [bulkCase('zd-1'), bulkCase('zd-2')] } });
		expect(accepted.status).toBe(202);
		expect(accepted.json).toMatchObject({ status: 202, resource: 'job', data: { status: 'PENDING', resource_type: 'bulk_job' } });
		const jobPath = `/jobs/${accepted.json.data.id}.json`;
		expect((await admin.get('/cases?legacy_ids=zd-1,zd-2')).json.total_count).toBe(0);
		running.sandbox.advanceClock(1600);
		expect((await admin.get(jobPath)).json.data.status).toBe('PROCESSING');
		running.sandbox.advanceClock(5000);
		const done = await admin.get(jobPath);
		expect(done.json.data).toMatchObject({ status: 'COMPLETED', errors: [] });
		const cases = await admin.get('/cases?legacy_ids=zd-1,zd-2&limit=100');
		expect(cases.json.total_count).toBe(2);
		const stored = running.sandbox.state().cases.find((kase) => kase.legacy_id === 'zd-1');
		expect(stored?.created_at).toBe('2019-03-01T10:00:00+00:00');
		expect(stored?.posts.map((post) => [post.channel, post.creator_id, post.created_at])).toEqual([
			['MAIL', CUSTOMER, '2019-03-01T10:00:00+00:00'],
			['MAIL', 3, '2019-03-02T09:00:00+00:00'],
			['NOTE', 3, '2019-03-02T10:00:00+00:00']
		]);
		expect(running.sandbox.state().mailed).toEqual([]);
	});

	it('keeps the valid rows with partial_import and lists the rejected ones with their legacy_id and code', async () => {
		const rows = [bulkCase('ok-1'), bulkCase('bad-1', { requester_id: 99999 }), bulkCase('bad-2', { created_at: 'yesterday' })];
		const accepted = await admin.request('POST', '/bulk/cases?partial_import=true', { json: { cases: rows } });
		running.sandbox.advanceClock(10_000);
		const job = await admin.get(`/jobs/${accepted.json.data.id}`);
		expect(job.json.data.status).toBe('COMPLETED');
		expect(job.json.data.errors).toEqual([
			expect.objectContaining({ legacy_id: 'bad-1', code: 'FIELD_INVALID', parameter: 'requester_id' }),
			expect.objectContaining({ legacy_id: 'bad-2', code: 'FIELD_INVALID', parameter: 'created_at' })
		]);
		expect(running.sandbox.state().cases.filter((kase) => kase.legacy_id?.startsWith('ok-')).length).toBe(1);
		expect(running.sandbox.state().cases.some((kase) => kase.legacy_id?.startsWith('bad-'))).toBe(false);
	});

	it('fails the whole batch without partial_import when one row is invalid', async () => {
		const accepted = await admin.request('POST', '/bulk/cases', { json: { cases: [bulkCase('all-1'), bulkCase('all-2', { posts: [{ channel: 'NOTE' }] })] } });
		running.sandbox.advanceClock(10_000);
		const job = await admin.get(`/jobs/${accepted.json.data.id}`);
		expect(job.json.data.status).toBe('FAILED');
		expect(job.json.data.errors[0]).toMatchObject({ legacy_id: 'all-2', code: 'FIELD_REQUIRED', parameter: 'posts[0].contents' });
		expect(running.sandbox.state().cases.some((kase) => kase.legacy_id?.startsWith('all-'))).toBe(false);
	});

	it('refuses more than 200 cases in one request', async () => {
		const rows = Array.from({ length: 201 }, (_, index) => bulkCase(`many-${index}`));
		const answer = await admin.request('POST', '/bulk/cases', { json: { cases: rows } });
		expect(answer.status).toBe(400);
		expect(answer.json.errors[0]).toMatchObject({ code: 'FIELD_INVALID', parameter: 'cases' });
	});
});

describe('Kayako sandbox single cases and replies', () => {
	it('records a mail to the requester for a MAIL reply, and none for a NOTE case or a NOTE reply', async () => {
		const note = await admin.request('POST', '/cases.json', { json: { subject: 'Internal', contents: 'Only for us', requester_id: CUSTOMER, channel: 'NOTE' } });
		expect(note.status).toBe(201);
		const caseId = note.json.data.id as number;
		const noteReply = await admin.request('POST', `/cases/${caseId}/reply.json`, { json: { contents: 'Still internal', channel: 'NOTE' } });
		expect(noteReply.status).toBe(201);
		expect(noteReply.json.data.resource_type).toBe('case_reply');
		expect(running.sandbox.state().mailed).toEqual([]);
		const mailReply = await admin.request('POST', `/cases/${caseId}/reply`, { json: { contents: 'Dear customer', channel: 'MAIL', channel_id: 1 } });
		expect(mailReply.status).toBe(201);
		const mailed = running.sandbox.state().mailed;
		expect(mailed).toHaveLength(1);
		expect(mailed[0]).toMatchObject({ case_id: caseId, post_id: mailReply.json.data.posts[0].id, requester_id: CUSTOMER, via: 'reply' });
	});

	it('rejects a MAIL case without a channel_id and a NOTE with cc, naming the parameter', async () => {
		const mail = await admin.request('POST', '/cases', { json: { subject: 'S', contents: 'C', requester_id: CUSTOMER, channel: 'MAIL' } });
		expect(mail.status).toBe(400);
		expect(mail.json.errors).toContainEqual(expect.objectContaining({ code: 'FIELD_INVALID', parameter: 'channel' }));
		const cc = await admin.request('POST', '/cases', { json: { subject: 'S', contents: 'C', requester_id: CUSTOMER, channel: 'NOTE', channel_options: { cc: 'a@b.example' } } });
		expect(cc.json.errors).toContainEqual(expect.objectContaining({ code: 'FIELD_INVALID', parameter: 'channel_options' }));
		const missing = await admin.request('POST', '/cases', { json: { channel: 'NOTE' } });
		expect(missing.json.errors.map((error: { parameter: string }) => error.parameter)).toEqual(expect.arrayContaining(['subject', 'requester_id', 'contents']));
	});

	it('trashes cases by ids, restores one and deletes another', async () => {
		expect((await admin.request('PUT', '/cases/trash.json?ids=1,2')).status).toBe(200);
		expect(running.sandbox.state().cases.filter((kase) => kase.state === 'TRASH').map((kase) => kase.id)).toEqual([1, 2]);
		expect((await admin.request('PUT', '/cases/1/restore')).json.data.state).toBe('ACTIVE');
		expect((await admin.request('DELETE', '/cases/2')).status).toBe(200);
		expect((await admin.get('/cases/2')).status).toBe(404);
	});
});

describe('Kayako sandbox files', () => {
	it('gives an uploaded file back byte for byte, attaches it to a bulk post, and lets it expire after 3 hours', async () => {
		const bytes = Buffer.from(Array.from({ length: 700 }, (_, index) => (index * 37) % 256));
		const uploaded = await admin.request('POST', '/files.json', { body: bytes, headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment; filename="logo.bin"' } });
		expect(uploaded.status).toBe(201);
		const file = uploaded.json.data;
		expect(file).toMatchObject({ name: 'logo.bin', size: 700, resource_type: 'file' });
		expect(Date.parse(file.expiry_at) - Date.parse(file.created_at)).toBe(3 * 3_600_000);
		const content = await fetch(`${running.base}/api/v1/files/${file.id}/content`, { headers: { 'X-Session-ID': admin.sessionId } });
		expect(Buffer.from(await content.arrayBuffer()).equals(bytes)).toBe(true);
		await admin.request('POST', '/bulk/cases', { json: { cases: [bulkCase('with-file', { attachment_file_ids: String(file.id) })] } });
		running.sandbox.advanceClock(10_000);
		const attachment = running.sandbox.state().cases.find((kase) => kase.legacy_id === 'with-file')?.posts[0]?.attachments[0];
		expect(attachment?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
		running.sandbox.advanceClock(3 * 3_600_000);
		const late = await admin.request('POST', '/cases', { json: { subject: 'S', contents: 'C', requester_id: CUSTOMER, channel: 'NOTE', attachment_file_ids: String(file.id) } });
		expect(late.status).toBe(400);
		expect(late.json.errors[0]).toMatchObject({ code: 'FIELD_INVALID', parameter: 'attachment_file_ids' });
		expect((await admin.get(`/files/${file.id}/content`)).status).toBe(404);
	});

	it('accepts multipart uploads and answers 413 with a Kayako error body above the largest size', async () => {
		const form = new FormData();
		form.append('files[]', new Blob([Buffer.from('hello')], { type: 'text/plain' }), 'hello.txt');
		const multipart = await admin.request('POST', '/files', { body: form });
		expect(multipart.status).toBe(201);
		expect(multipart.json.data).toMatchObject({ name: 'hello.txt', size: 5, content_type: 'text/plain' });
		const big = await admin.request('POST', '/files', { body: Buffer.alloc(2048, 1), headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment; filename="big.bin"' } });
		expect(big.status).toBe(413);
		expect(big.json).toMatchObject({ status: 413, errors: [{ code: 'FIELD_INVALID', more_info: expect.any(String) }] });
		expect(running.sandbox.state().files.map((file) => file.name)).toEqual(['hello.txt']);
	});

	it('answers several files[] parts with one file per part, in order; one part too large refuses the request and keeps none', async () => {
		const form = new FormData();
		form.append('files[]', new Blob([Buffer.from('first')], { type: 'text/plain' }), 'a.txt');
		form.append('files[]', new Blob([Buffer.alloc(300, 2)], { type: 'image/png' }), 'b.png');
		form.append('files[]', new Blob([Buffer.from('third!')], { type: 'text/plain' }), 'c.txt');
		const several = await admin.request('POST', '/files', { body: form });
		expect(several.status).toBe(201);
		expect(several.json.data.map((file: { name: string; size: number; content_type: string }) => [file.name, file.size, file.content_type])).toEqual([
			['a.txt', 5, 'text/plain'],
			['b.png', 300, 'image/png'],
			['c.txt', 6, 'text/plain']
		]);
		expect(new Set(several.json.data.map((file: { id: number }) => file.id)).size).toBe(3);
		const spoiled = new FormData();
		spoiled.append('files[]', new Blob([Buffer.from('small')], { type: 'text/plain' }), 'small.txt');
		spoiled.append('files[]', new Blob([Buffer.alloc(2048, 1)], { type: 'application/octet-stream' }), 'big.bin');
		const refused = await admin.request('POST', '/files', { body: spoiled });
		expect(refused.status).toBe(413);
		expect(refused.json.errors[0]).toMatchObject({ code: 'FIELD_INVALID', parameter: 'content', message: expect.stringContaining('big.bin') });
		expect(running.sandbox.state().files.map((file) => file.name)).toEqual(['a.txt', 'b.png', 'c.txt']);
	});

	it('rejects an unknown file id on a reply', async () => {
		const answer = await admin.request('POST', '/cases/1/reply', { json: { contents: 'See attached', channel: 'NOTE', attachment_file_ids: '424242' } });
		expect(answer.status).toBe(400);
		expect(answer.json.errors[0]).toMatchObject({ code: 'FIELD_INVALID', parameter: 'attachment_file_ids' });
	});
});
