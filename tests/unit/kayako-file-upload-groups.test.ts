// How a record's files are shared out over POST /files requests, and what the writer does with an answer that does not name
// each file or a request spoiled by one file Kayako will not take as it is (a server that behaves so, played by a small stand-in).
import { describe, expect, it } from 'vitest';
import { MigrationError } from '../../src/lib/engine/errors';
import type { KayakoSession } from '../../src/lib/engine/connectors/kayako/session';
import { uploadTogether, type FetchedFile } from '../../src/lib/engine/connectors/kayako/writer/file-upload';
import { uploadGroups } from '../../src/lib/engine/connectors/kayako/writer/files';
import { FILES_PER_UPLOAD, UPLOAD_BUDGET_BYTES } from '../../src/lib/engine/connectors/kayako/writer/upload-limits';
import { plainReason } from '../../src/lib/engine/reports/reasons/because';
import type { Attachment } from '../../src/lib/engine/model';

const MB = 1024 * 1024;

function attachment(id: string, size: number): Attachment {
	return { id, fileName: `${id}.bin`, contentType: 'application/octet-stream', size, url: `https://src.example/${id}`, inline: false };
}

const names = (groups: { attachment: Attachment }[][]) => groups.map((group) => group.map((each) => each.attachment.id));

describe('sharing files out over uploads', () => {
	it('puts small files together up to the byte budget, in their order', () => {
		const files = ['a', 'b', 'c', 'd'].map((id) => ({ attachment: attachment(id, 3 * MB) }));
		expect(UPLOAD_BUDGET_BYTES).toBeLessThan(9 * MB);
		expect(names(uploadGroups(files))).toEqual([['a', 'b'], ['c', 'd']]);
	});

	it('sends a file at or above the budget alone', () => {
		const files = [attachment('small', 10), attachment('big', UPLOAD_BUDGET_BYTES), attachment('after', 10)].map((each) => ({ attachment: each }));
		expect(names(uploadGroups(files))).toEqual([['small'], ['big'], ['after']]);
	});

	it('never puts more than the file count per request together, however small', () => {
		const files = Array.from({ length: FILES_PER_UPLOAD * 2 + 1 }, (_, index) => ({ attachment: attachment(`f${index}`, 1) }));
		expect(uploadGroups(files).map((group) => group.length)).toEqual([FILES_PER_UPLOAD, FILES_PER_UPLOAD, 1]);
	});
});

/**
 * A Kayako that takes at most `partsKept` files per request (as a PHP server past `max_file_uploads` drops the rest) and
 * refuses a file named `bad.exe` with 400 FIELD_INVALID, spoiling the request it is in. Records each request's file names.
 */
function kayakoStandIn(partsKept: number): { session: KayakoSession; requests: string[][]; timeouts: (number | undefined)[] } {
	const requests: string[][] = [];
	const timeouts: (number | undefined)[] = [];
	let nextId = 1;
	const request = async (options: { body?: BodyInit; headers?: Record<string, string>; timeoutMs?: number }) => {
		// Read as a server reads it: the body by its Content-Type.
		const parts = (await new Response(options.body, { headers: options.headers }).formData()).getAll('files[]') as File[];
		requests.push(parts.map((part) => part.name));
		timeouts.push(options.timeoutMs);
		if (parts.some((part) => part.name === 'bad.exe')) {
			throw new MigrationError({ kind: 'invalid-request', status: 400, code: 'FIELD_INVALID', helpdeskMessage: 'The file type is not allowed', message: 'Kayako refused the upload (400 FIELD_INVALID).' });
		}
		const made = parts.slice(0, partsKept).map((part) => ({ id: nextId++, size: part.size, content_url: `https://kayako.example/files/${nextId}` }));
		return { status: 201, data: made.length === 1 ? made[0] : made };
	};
	return { session: { request } as unknown as KayakoSession, requests, timeouts };
}

function fetched(name: string, bytes: number): FetchedFile {
	return { attachment: { ...attachment(name, bytes), fileName: name }, blob: new Blob([new Uint8Array(bytes)]) };
}

describe('one POST /files with several files', () => {
	it('sends each file again alone when the answer names fewer files than were sent', async () => {
		const { session, requests } = kayakoStandIn(1);
		const outcomes = await uploadTogether({ session }, 'T1', [fetched('a.txt', 3), fetched('b.txt', 4), fetched('c.txt', 5)]);
		expect(requests).toEqual([['a.txt', 'b.txt', 'c.txt'], ['a.txt'], ['b.txt'], ['c.txt']]);
		expect(outcomes.map((outcome) => ('file' in outcome ? outcome.file.attachment.fileName : 'left out'))).toEqual(['a.txt', 'b.txt', 'c.txt']);
		// Each file's id is the one its own request made, not one from the answer that did not add up.
		expect(outcomes.map((outcome) => ('file' in outcome ? outcome.file.id : 0))).toEqual([2, 3, 4]);
	});

	it('leaves out only the file Kayako refuses as it is, with Kayako\'s words, and uploads the others', async () => {
		const { session, requests } = kayakoStandIn(FILES_PER_UPLOAD);
		const outcomes = await uploadTogether({ session }, 'T2', [fetched('a.txt', 3), fetched('bad.exe', 4), fetched('c.txt', 5)]);
		expect(requests).toEqual([['a.txt', 'bad.exe', 'c.txt'], ['a.txt'], ['bad.exe'], ['c.txt']]);
		expect(outcomes.map((outcome) => ('file' in outcome ? outcome.file.attachment.fileName : plainReason(outcome.warning.message)))).toEqual([
			'a.txt',
			'Kayako refused the attachment bad.exe (The file type is not allowed); it was left out, the post went in without it.',
			'c.txt'
		]);
	});

	it('takes the files of an answer that names each one, in one request', async () => {
		const { session, requests } = kayakoStandIn(FILES_PER_UPLOAD);
		const outcomes = await uploadTogether({ session }, 'T3', [fetched('a.txt', 3), fetched('b.txt', 4)]);
		expect(requests).toEqual([['a.txt', 'b.txt']]);
		expect(outcomes.map((outcome) => ('file' in outcome ? outcome.file.id : 0))).toEqual([1, 2]);
	});

	it('gives a larger request more time for its answer, as a slow line needs it to send the bytes', async () => {
		const { session, timeouts } = kayakoStandIn(FILES_PER_UPLOAD);
		await uploadTogether({ session }, 'T4', [fetched('a.txt', 10)]);
		await uploadTogether({ session }, 'T5', [fetched('b.bin', 4 * MB), fetched('c.bin', 4 * MB)]);
		const [small, large] = timeouts as number[];
		expect(small).toBeGreaterThanOrEqual(30_000);
		// 8 MB on a half-megabit line: more than two minutes of sending before Kayako can answer.
		expect(large! - small!).toBeGreaterThan(120_000);
	});
});
