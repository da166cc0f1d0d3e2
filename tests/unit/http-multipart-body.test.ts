// The upload form built as one Blob: read back by a standard form parser, it holds each file's name, type and exact bytes.
import { describe, expect, it } from 'vitest';
import { multipartBody } from '../../src/lib/engine/http/multipart';

async function readBack(form: { body: Blob; contentType: string }): Promise<FormData> {
	return new Response(form.body, { headers: { 'Content-Type': form.contentType } }).formData();
}

describe('a form of files built as one Blob', () => {
	it('reads back as the same files, names and types as a FormData of them, bytes exact', async () => {
		const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff])]);
		const text = new Blob(['line one\r\nline two\n--not a boundary--\r\n']);
		const form = multipartBody([
			{ field: 'files[]', fileName: 'logo.png', type: 'image/PNG', blob: png },
			{ field: 'files[]', fileName: 'Überweisung März.txt', type: '', blob: text }
		]);
		expect(form.contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
		const files = (await readBack(form)).getAll('files[]') as File[];
		expect(files.map((file) => [file.name, file.type])).toEqual([
			['logo.png', 'image/png'],
			['Überweisung März.txt', 'application/octet-stream']
		]);
		expect(new Uint8Array(await files[0]!.arrayBuffer())).toEqual(new Uint8Array(await png.arrayBuffer()));
		expect(await files[1]!.text()).toBe(await text.text());
	});

	it('writes quotes and line breaks in a file name escaped, as FormData does, so they cannot end the header', async () => {
		const name = 'a "quoted"\r\nContent-Type: text/html.txt';
		const ours = await multipartBody([{ field: 'files[]', fileName: name, type: 'text/plain', blob: new Blob(['x']) }], 'B').body.text();
		const standard = new FormData();
		standard.append('files[]', new File(['x'], name, { type: 'text/plain' }));
		const theirs = await new Response(standard).text();
		const header = (body: string) => body.split('\r\n').find((line) => line.startsWith('Content-Disposition'));
		expect(header(ours)).toBe('Content-Disposition: form-data; name="files[]"; filename="a %22quoted%22%0D%0AContent-Type: text/html.txt"');
		expect(header(ours)).toBe(header(theirs));
		expect(ours.split('\r\n').filter((line) => line.startsWith('Content-Type'))).toEqual(['Content-Type: text/plain']);
	});
});
