// One POST /files with one or several files (`files[]` parts), and what each file became: uploaded, or left out with its reason.
import { because } from '../../../reports/reasons/because';
import { MigrationError } from '../../../errors';
import type { Attachment } from '../../../model';
import type { WriteContext, WriteWarning } from './context';
import { uploadTimeoutMs } from './upload-limits';

export interface UploadedFile {
	/** The source attachment. */
	attachment: Attachment;
	id: number;
	/** Kayako's download address of the uploaded file. */
	url: string;
}

/** A file's bytes, fetched from the source and ready to send. */
export interface FetchedFile {
	attachment: Attachment;
	blob: Blob;
}

/** What became of one file: uploaded, or left out with the reason the report gives. */
export type FileOutcome = { file: UploadedFile } | { warning: WriteWarning };

interface KayakoFile {
	id?: unknown;
	size?: unknown;
	content_url?: unknown;
}

/** Answers to an upload that say this file, or one of the files, will never be taken: too large, or refused as it is. */
function refusal(error: unknown): error is MigrationError {
	return error instanceof MigrationError && (error.info.kind === 'too-large' || error.info.kind === 'invalid-request');
}

function fileName(attachment: Attachment): string {
	return attachment.fileName || `attachment-${attachment.id}`;
}

async function post(ctx: Pick<WriteContext, 'session'>, files: readonly FetchedFile[]): Promise<KayakoFile[]> {
	const form = new FormData();
	let bytes = 0;
	for (const { attachment, blob } of files) {
		bytes += blob.size;
		form.append('files[]', new File([blob], fileName(attachment), { type: attachment.contentType || blob.type || 'application/octet-stream' }));
	}
	// Sent twice (a lost or garbled answer is sent again by the client), an upload only leaves unused files behind,
	// which Kayako expires: no post carries them.
	const envelope = await ctx.session.request<KayakoFile | KayakoFile[]>({ method: 'POST', path: 'files.json', body: form, idempotent: true, timeoutMs: uploadTimeoutMs(bytes) });
	const data: unknown = envelope.data;
	return Array.isArray(data) ? (data as KayakoFile[]) : data && typeof data === 'object' ? [data as KayakoFile] : [];
}

/**
 * Kayako's answer, file by file in the order sent, or undefined when it does not read as one file per part: a count
 * that differs, a file without an id, or a size other than the bytes sent (a file answered out of order).
 */
function matched(files: readonly FetchedFile[], answer: readonly KayakoFile[]): UploadedFile[] | undefined {
	if (answer.length !== files.length) return undefined;
	const uploaded: UploadedFile[] = [];
	for (const [index, { attachment, blob }] of files.entries()) {
		const given = answer[index];
		if (typeof given?.id !== 'number') return undefined;
		if (typeof given.size === 'number' && given.size !== blob.size) return undefined;
		uploaded.push({ attachment, id: given.id, url: typeof given.content_url === 'string' ? given.content_url : '' });
	}
	return uploaded;
}

/** A file Kayako refused on its own: too large (as its bytes showed) or refused as it is; either way the post goes without it. */
function refusedWarning(ownerId: string, { attachment, blob }: FetchedFile, error: MigrationError): WriteWarning {
	if (error.info.kind === 'too-large') return { sourceId: ownerId, message: because('attachment-too-large', { file: attachment.fileName, bytes: attachment.size || blob.size }) };
	return { sourceId: ownerId, message: because('attachment-refused', { file: attachment.fileName, detail: error.info.helpdeskMessage ?? error.message }) };
}

/** Uploads one file alone. A refusal leaves it out with its reason; any other failure is thrown and fails the record. */
export async function uploadAlone(ctx: Pick<WriteContext, 'session'>, ownerId: string, fetched: FetchedFile): Promise<FileOutcome> {
	let answer: KayakoFile[];
	try {
		answer = await post(ctx, [fetched]);
	} catch (error) {
		if (refusal(error)) return { warning: refusedWarning(ownerId, fetched, error) };
		throw error;
	}
	const [file] = matched([fetched], answer) ?? [];
	if (!file) throw new MigrationError({ kind: 'malformed-response', message: `Kayako answered the upload of ${fetched.attachment.fileName} without the file it made; the ticket is tried again later.` });
	return { file };
}

/**
 * Uploads several files in one POST /files, one outcome per file in order. When Kayako refuses the request (one file
 * too large or not acceptable spoils the whole request) or answers it in a way that does not name each file, every
 * file is sent again alone: the refused one is left out with its reason and the others still go in. The files of the
 * first request, if Kayako kept any, are carried by no post and expire.
 */
export async function uploadTogether(ctx: Pick<WriteContext, 'session'>, ownerId: string, files: readonly FetchedFile[]): Promise<FileOutcome[]> {
	const [only] = files;
	if (files.length === 1 && only) return [await uploadAlone(ctx, ownerId, only)];
	if (files.length > 1) {
		try {
			const uploaded = matched(files, await post(ctx, files));
			if (uploaded) return uploaded.map((file) => ({ file }));
		} catch (error) {
			if (!refusal(error)) throw error;
		}
	}
	const outcomes: FileOutcome[] = [];
	for (const fetched of files) outcomes.push(await uploadAlone(ctx, ownerId, fetched));
	return outcomes;
}
