// A minimal multipart/form-data reader: enough for file uploads (named parts, filenames, content types, exact bytes).
export interface MultipartPart {
	name: string;
	filename?: string;
	contentType?: string;
	data: Buffer;
}

function headerValue(headers: string, name: string): string | undefined {
	const line = headers.split('\r\n').find((entry) => entry.toLowerCase().startsWith(`${name}:`));
	return line?.slice(name.length + 1).trim();
}

function dispositionParam(disposition: string, param: string): string | undefined {
	const match = new RegExp(`(?:^|;)\\s*${param}\\*?=(?:"([^"]*)"|([^;]*))`, 'i').exec(disposition);
	const raw = match?.[1] ?? match?.[2]?.trim();
	if (raw === undefined) return undefined;
	return raw.startsWith("UTF-8''") ? decodeURIComponent(raw.slice(7)) : raw;
}

export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: MultipartPart[] = [];
	let cursor = body.indexOf(delimiter);
	while (cursor !== -1) {
		const start = cursor + delimiter.length;
		if (body.subarray(start, start + 2).toString() === '--') break;
		const next = body.indexOf(delimiter, start);
		if (next === -1) break;
		// Each part sits between "\r\n" after the delimiter and "\r\n" before the next one.
		const part = body.subarray(start + 2, next - 2);
		const split = part.indexOf('\r\n\r\n');
		if (split !== -1) {
			const headers = part.subarray(0, split).toString('utf8');
			const disposition = headerValue(headers, 'content-disposition') ?? '';
			const name = dispositionParam(disposition, 'name');
			const filename = dispositionParam(disposition, 'filename');
			const contentType = headerValue(headers, 'content-type');
			if (name !== undefined) {
				parts.push({ name, data: Buffer.from(part.subarray(split + 4)), ...(filename !== undefined && { filename }), ...(contentType !== undefined && { contentType }) });
			}
		}
		cursor = next;
	}
	return parts;
}

/** The filename in a Content-Disposition header (`attachment; filename="a.pdf"`), if any. */
export function dispositionFilename(header: string | undefined): string | undefined {
	return header === undefined ? undefined : dispositionParam(header, 'filename');
}
