// A multipart/form-data body of files, built as one Blob over the files' own Blobs, and the Content-Type that names its boundary.

export interface FormFile {
	/** The form field, e.g. `files[]`. */
	field: string;
	fileName: string;
	/** The file's media type; empty or unreadable reads as `application/octet-stream`. */
	type: string;
	blob: Blob;
}

export interface MultipartBody {
	body: Blob;
	contentType: string;
}

/** As the HTML standard's form encoding (and fetch's own FormData) writes names: line breaks and quotes percent-escaped. */
function escapeName(name: string): string {
	return name.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
}

/** A File's type as the File constructor keeps it: lower case, or nothing when it holds anything but printable ASCII. */
function mediaType(type: string): string {
	return (/^[\x20-\x7e]*$/.test(type) ? type.toLowerCase() : '') || 'application/octet-stream';
}

function randomBoundary(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return `----kayako-migration-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The same bytes fetch sends for a FormData of these files, but as a Blob whose parts are the files' Blobs: a Blob
 * body goes out as it is, where a FormData is re-read and copied piece by piece (in Node's fetch) on its way out.
 */
export function multipartBody(files: readonly FormFile[], boundary: string = randomBoundary()): MultipartBody {
	const parts: BlobPart[] = [];
	for (const file of files) {
		parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(file.field)}"; filename="${escapeName(file.fileName)}"\r\nContent-Type: ${mediaType(file.type)}\r\n\r\n`, file.blob, '\r\n');
	}
	parts.push(`--${boundary}--\r\n`);
	return { body: new Blob(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
