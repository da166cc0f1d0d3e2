// Attachments: fetch the source bytes and upload them to Kayako (POST /files, multipart) just before the record that uses them.
import { because } from '../../../reports/reasons/because';
import { MigrationError } from '../../../errors';
import type { Attachment } from '../../../model';
import type { WriteContext, WriteWarning } from './context';

export interface UploadedFile {
	/** The source attachment. */
	attachment: Attachment;
	id: number;
	/** Kayako's download address of the uploaded file. */
	url: string;
}

interface KayakoFile {
	id: number;
	content_url?: string;
}

/**
 * Download failures that no later try can mend: the source has no such file (404, 410), or will not hand it over (403),
 * or refused the request as such (another 4xx). Anything else (a cut download, a timeout, a 5xx) fails the ticket
 * instead, so a later run fetches the file again rather than leaving it out for good.
 */
const LASTING_DOWNLOAD_FAILURES: ReadonlySet<string> = new Set(['not-found', 'forbidden', 'invalid-request', 'too-large']);

function lasting(error: unknown): error is MigrationError {
	return error instanceof MigrationError && LASTING_DOWNLOAD_FAILURES.has(error.info.kind);
}

/**
 * Uploads one attachment. A file Kayako refuses for its size, or one the source no longer has or will not hand over,
 * is skipped with a warning: the post is kept without it. Any other failure is thrown and fails the record.
 */
export async function uploadAttachment(ctx: Pick<WriteContext, 'session' | 'download'>, ownerId: string, attachment: Attachment): Promise<{ file?: UploadedFile; warning?: WriteWarning }> {
	let blob: Blob;
	try {
		blob = await ctx.download(attachment);
	} catch (error) {
		if (!lasting(error)) throw error;
		return { warning: { sourceId: ownerId, message: because('attachment-unreadable', { file: attachment.fileName, detail: error.message }) } };
	}
	const form = new FormData();
	form.append('files[]', new File([blob], attachment.fileName || `attachment-${attachment.id}`, { type: attachment.contentType || blob.type || 'application/octet-stream' }));
	try {
		// Sent twice, an upload only leaves an unused file behind, which Kayako expires.
		const envelope = await ctx.session.request<KayakoFile | KayakoFile[]>({ method: 'POST', path: 'files.json', body: form, idempotent: true });
		const data = Array.isArray(envelope.data) ? envelope.data[0] : envelope.data;
		if (!data) throw new MigrationError({ kind: 'malformed-response', message: `Kayako answered the upload of ${attachment.fileName} without a file.` });
		return { file: { attachment, id: data.id, url: data.content_url ?? '' } };
	} catch (error) {
		if (error instanceof MigrationError && error.info.kind === 'too-large') {
			return { warning: { sourceId: ownerId, message: because('attachment-too-large', { file: attachment.fileName, bytes: attachment.size }) } };
		}
		throw error;
	}
}

/** Uploads a post's attachments one after the other (they count against the same rate limit). */
export async function uploadAttachments(ctx: Pick<WriteContext, 'session' | 'download' | 'options'>, ownerId: string, attachments: readonly Attachment[]): Promise<{ files: UploadedFile[]; warnings: WriteWarning[] }> {
	const files: UploadedFile[] = [];
	const warnings: WriteWarning[] = [];
	if (ctx.options.skipAttachments) return { files, warnings };
	for (const attachment of attachments) {
		const { file, warning } = await uploadAttachment(ctx, ownerId, attachment);
		if (file) files.push(file);
		if (warning) warnings.push(warning);
	}
	return { files, warnings };
}
