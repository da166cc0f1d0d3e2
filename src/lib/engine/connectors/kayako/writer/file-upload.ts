// One POST /files with one or several files (`files[]` parts), and what each file became: uploaded, or left out with its reason.
import { because } from '../../../reports/reasons/because';
import { MigrationError } from '../../../errors';
import type { Attachment } from '../../../model';
import { multipartBody } from '../../../http/multipart';
import type { WriteContext, WriteWarning } from './context';
import { sizeRefuser, uploadCeiling, type SizeRefuser } from './upload-ceiling';
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
	let bytes = 0;
	for (const { blob } of files) bytes += blob.size;
	// The form as one Blob over the files' bytes: a FormData would be copied piece by piece on its way out.
	const form = multipartBody(files.map(({ attachment, blob }) => ({ field: 'files[]', fileName: fileName(attachment), type: attachment.contentType || blob.type, blob })));
	// Sent twice (a lost or garbled answer is sent again by the client), an upload only leaves unused files behind,
	// which Kayako expires: no post carries them.
	const envelope = await ctx.session.request<KayakoFile | KayakoFile[]>({ method: 'POST', path: 'files.json', body: form.body, headers: { 'Content-Type': form.contentType }, idempotent: true, timeoutMs: uploadTimeoutMs(bytes) });
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

/** The report's reason for a file left out for its size: Kayako's limit, or the CORS proxy's (a server on the way). */
export function tooLargeWarning(ownerId: string, attachment: Attachment, bytes: number, refuser: SizeRefuser): WriteWarning {
	const code = refuser === 'kayako' ? 'attachment-too-large' : 'attachment-too-large-on-the-way';
	return { sourceId: ownerId, message: because(code, { file: attachment.fileName, bytes }) };
}

/** Uploads one file alone. A refusal leaves it out with its reason; any other failure is thrown and fails the record. */
export async function uploadAlone(ctx: Pick<WriteContext, 'session'>, ownerId: string, fetched: FetchedFile): Promise<FileOutcome> {
	const { attachment, blob } = fetched;
	const ceiling = uploadCeiling(ctx.session);
	let answer: KayakoFile[];
	try {
		answer = await post(ctx, [fetched]);
	} catch (error) {
		if (!refusal(error)) throw error;
		const refuser = sizeRefuser(error);
		if (!refuser) return { warning: { sourceId: ownerId, message: because('attachment-refused', { file: attachment.fileName, detail: error.info.helpdeskMessage ?? error.message }) } };
		// Alone in its request, the file's own size is what was refused: later files this large are not even fetched.
		ceiling.refused(refuser, blob.size);
		return { warning: tooLargeWarning(ownerId, attachment, attachment.size || blob.size, refuser) };
	}
	const [file] = matched([fetched], answer) ?? [];
	if (!file) throw new MigrationError({ kind: 'malformed-response', message: `Kayako answered the upload of ${attachment.fileName} without the file it made; the ticket is tried again later.` });
	ceiling.taken(blob.size);
	return { file };
}

/**
 * Uploads several files in one POST /files, one outcome per file in order. When Kayako refuses the request (one file
 * too large or not acceptable spoils the whole request) or answers it in a way that does not name each file, every
 * file is sent again alone: the refused one is left out with its reason and the others still go in. The files of the
 * first request, if Kayako kept any, are carried by no post and expire.
 */
export async function uploadTogether(ctx: Pick<WriteContext, 'session'>, ownerId: string, files: readonly FetchedFile[]): Promise<FileOutcome[]> {
	const ceiling = uploadCeiling(ctx.session);
	const outcomes: FileOutcome[] = new Array<FileOutcome>(files.length);
	const sent: FetchedFile[] = [];
	const sentAt: number[] = [];
	for (const [index, fetched] of files.entries()) {
		// Its bytes are larger than a file refused before (its declared size said less, or nothing): not sent at all.
		const refuser = ceiling.refuses(fetched.blob.size);
		if (refuser) outcomes[index] = { warning: tooLargeWarning(ownerId, fetched.attachment, fetched.attachment.size || fetched.blob.size, refuser) };
		else {
			sent.push(fetched);
			sentAt.push(index);
		}
	}
	for (const [position, outcome] of (await uploadSent(ctx, ownerId, sent)).entries()) outcomes[sentAt[position]!] = outcome;
	return outcomes;
}

async function uploadSent(ctx: Pick<WriteContext, 'session'>, ownerId: string, files: readonly FetchedFile[]): Promise<FileOutcome[]> {
	const [only] = files;
	if (files.length === 1 && only) return [await uploadAlone(ctx, ownerId, only)];
	if (files.length > 1) {
		try {
			const uploaded = matched(files, await post(ctx, files));
			if (uploaded) {
				uploadCeiling(ctx.session).taken(Math.max(...files.map((each) => each.blob.size)));
				return uploaded.map((file) => ({ file }));
			}
		} catch (error) {
			// A refusal of the whole request does not say which file, nor whether their sum was too much: nothing is learned from it.
			if (!refusal(error)) throw error;
		}
	}
	const outcomes: FileOutcome[] = [];
	for (const fetched of files) outcomes.push(await uploadAlone(ctx, ownerId, fetched));
	return outcomes;
}
