// Attachments: fetch a record's files from the source (a few at once) and upload them to Kayako several per POST /files, just before the record that uses them.
import { because } from '../../../reports/reasons/because';
import { MigrationError } from '../../../errors';
import type { Attachment, Comment } from '../../../model';
import type { WriteContext, WriteWarning } from './context';
import { uploadTogether, type FetchedFile, type FileOutcome, type UploadedFile } from './file-upload';
import { DOWNLOADS_AT_ONCE, FILES_PER_UPLOAD, KAYAKO_MAX_UPLOAD_BYTES, UPLOAD_BUDGET_BYTES } from './upload-limits';

export type { UploadedFile } from './file-upload';

type FilesContext = Pick<WriteContext, 'session' | 'download' | 'options'>;

/**
 * Download failures that no later try can mend: the source has no such file (404, 410), or will not hand it over (403),
 * or refused the request as such (another 4xx). Anything else (a cut download, a timeout, a 5xx) fails the ticket
 * instead, so a later run fetches the file again rather than leaving it out for good.
 */
const LASTING_DOWNLOAD_FAILURES: ReadonlySet<string> = new Set(['not-found', 'forbidden', 'invalid-request', 'too-large']);

function lasting(error: unknown): error is MigrationError {
	return error instanceof MigrationError && LASTING_DOWNLOAD_FAILURES.has(error.info.kind);
}

/** A file's bytes, or why it is left out; a failure a later run may mend is kept to be thrown once the others have settled. */
type Fetched = { fetched: FetchedFile } | { warning: WriteWarning } | { error: unknown };

async function fetchFile(ctx: FilesContext, ownerId: string, attachment: Attachment): Promise<Fetched> {
	try {
		return { fetched: { attachment, blob: await ctx.download(attachment) } };
	} catch (error) {
		if (!lasting(error)) return { error };
		return { warning: { sourceId: ownerId, message: because('attachment-unreadable', { file: attachment.fileName, detail: error.message }) } };
	}
}

/** Fetches the files `DOWNLOADS_AT_ONCE` at a time; never rejects, so a group fetched ahead cannot fail unheard. */
async function fetchGroup(ctx: FilesContext, ownerId: string, group: readonly Attachment[]): Promise<Fetched[]> {
	const results: Fetched[] = new Array<Fetched>(group.length);
	let next = 0;
	const worker = async () => {
		for (let index = next++; index < group.length; index = next++) results[index] = await fetchFile(ctx, ownerId, group[index]!);
	};
	await Promise.all(Array.from({ length: Math.min(DOWNLOADS_AT_ONCE, group.length) }, worker));
	return results;
}

/**
 * The uploads a list of files goes in, by their declared sizes and in their order: as many files per request as the
 * byte budget and the file count allow; a file at or above the budget goes alone.
 */
export function uploadGroups<T extends { attachment: Attachment }>(files: readonly T[]): T[][] {
	const groups: T[][] = [];
	let current: T[] = [];
	let bytes = 0;
	for (const file of files) {
		const size = Math.max(0, file.attachment.size || 0);
		if (current.length > 0 && (bytes + size > UPLOAD_BUDGET_BYTES || current.length >= FILES_PER_UPLOAD)) {
			groups.push(current);
			current = [];
			bytes = 0;
		}
		current.push(file);
		bytes += size;
	}
	if (current.length > 0) groups.push(current);
	return groups;
}

/** Kayako would refuse it for its declared size: left out with the reason a 413 gives, and never downloaded. */
function declaredTooLarge(attachment: Attachment): boolean {
	return attachment.size > KAYAKO_MAX_UPLOAD_BYTES;
}

interface Numbered {
	attachment: Attachment;
	/** Its place in the record's list of files. */
	index: number;
}

/**
 * Uploads a record's files, one outcome per file in order. While one group of files is uploaded the next is fetched,
 * so at most two groups' bytes are held at once. A failure a later run may mend (a download cut off, Kayako out of
 * reach) is thrown and fails the record; a file that can never go in is left out with its reason.
 */
async function uploadFiles(ctx: FilesContext, ownerId: string, attachments: readonly Attachment[]): Promise<FileOutcome[]> {
	const outcomes: FileOutcome[] = new Array<FileOutcome>(attachments.length);
	const wanted: Numbered[] = [];
	for (const [index, attachment] of attachments.entries()) {
		if (declaredTooLarge(attachment)) outcomes[index] = { warning: { sourceId: ownerId, message: because('attachment-too-large', { file: attachment.fileName, bytes: attachment.size }) } };
		else wanted.push({ attachment, index });
	}
	const groups = uploadGroups(wanted);
	const fetchAhead = (group: readonly Numbered[] | undefined) => (group ? fetchGroup(ctx, ownerId, group.map((each) => each.attachment)) : undefined);
	let ahead = fetchAhead(groups[0]);
	for (const [at, group] of groups.entries()) {
		const fetchedGroup = (await ahead) ?? [];
		ahead = fetchAhead(groups[at + 1]);
		const ready: FetchedFile[] = [];
		const readyAt: number[] = [];
		try {
			for (const [position, each] of fetchedGroup.entries()) {
				if ('error' in each) throw each.error;
				if ('warning' in each) outcomes[group[position]!.index] = each;
				else {
					ready.push(each.fetched);
					readyAt.push(group[position]!.index);
				}
			}
			for (const [position, outcome] of (await uploadTogether(ctx, ownerId, ready)).entries()) outcomes[readyAt[position]!] = outcome;
		} catch (error) {
			// The group fetched ahead is let finish (it never rejects) before the record fails, so nothing runs on unseen.
			await ahead;
			throw error;
		}
	}
	return outcomes;
}

function collect(outcomes: readonly FileOutcome[], warnings: WriteWarning[]): UploadedFile[] {
	const files: UploadedFile[] = [];
	for (const outcome of outcomes) {
		if ('file' in outcome) files.push(outcome.file);
		else warnings.push(outcome.warning);
	}
	return files;
}

/**
 * Uploads one attachment alone. A file Kayako refuses, or one the source no longer has or will not hand over, is
 * skipped with a warning: the post is kept without it. Any other failure is thrown and fails the record.
 */
export async function uploadAttachment(ctx: Pick<WriteContext, 'session' | 'download'>, ownerId: string, attachment: Attachment): Promise<{ file?: UploadedFile; warning?: WriteWarning }> {
	const [outcome] = await uploadFiles({ ...ctx, options: { inlineImages: 'rewrite' } }, ownerId, [attachment]);
	return outcome && 'file' in outcome ? { file: outcome.file } : { warning: outcome?.warning };
}

/** Uploads a post's or article's attachments, several per request. */
export async function uploadAttachments(ctx: FilesContext, ownerId: string, attachments: readonly Attachment[]): Promise<{ files: UploadedFile[]; warnings: WriteWarning[] }> {
	const warnings: WriteWarning[] = [];
	if (ctx.options.skipAttachments || attachments.length === 0) return { files: [], warnings };
	return { files: collect(await uploadFiles(ctx, ownerId, attachments), warnings), warnings };
}

/**
 * Uploads the attachments (inline images too) of all a ticket's comments together, so a ticket's small files share
 * requests: comment id -> its uploaded files, in the comment's order, and the warnings in the ticket's order.
 */
export async function uploadTicketFiles(ctx: FilesContext, ticketId: string, comments: readonly Pick<Comment, 'id' | 'attachments'>[]): Promise<{ files: Map<string, UploadedFile[]>; warnings: WriteWarning[] }> {
	const files = new Map<string, UploadedFile[]>(comments.map((comment) => [comment.id, []]));
	const warnings: WriteWarning[] = [];
	if (ctx.options.skipAttachments) return { files, warnings };
	const owners = comments.flatMap((comment) => comment.attachments.map((attachment) => ({ commentId: comment.id, attachment })));
	if (owners.length === 0) return { files, warnings };
	const outcomes = await uploadFiles(ctx, ticketId, owners.map((owner) => owner.attachment));
	for (const [index, outcome] of outcomes.entries()) {
		if ('file' in outcome) files.get(owners[index]!.commentId)!.push(outcome.file);
		else warnings.push(outcome.warning);
	}
	return { files, warnings };
}
