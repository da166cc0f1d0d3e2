// Attachments: fetch a record's files from the source (a few at once) and upload them to Kayako several per POST /files, just before the record that uses them.
import { mapAtOnce } from '../../../at-once';
import { because } from '../../../reports/reasons/because';
import { MigrationError } from '../../../errors';
import type { Attachment, Comment } from '../../../model';
import type { WriteContext, WriteWarning } from './context';
import { tooLargeWarning, uploadTogether, type FetchedFile, type FileOutcome, type UploadedFile } from './file-upload';
import { uploadCeiling, type UploadCeiling } from './upload-ceiling';
import { DOWNLOADS_AT_ONCE, FILES_PER_UPLOAD, UPLOAD_BUDGET_BYTES } from './upload-limits';

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
function fetchGroup(ctx: FilesContext, ownerId: string, group: readonly Attachment[]): Promise<Fetched[]> {
	return mapAtOnce(group, DOWNLOADS_AT_ONCE, (attachment) => fetchFile(ctx, ownerId, attachment));
}

function declaredSize(attachment: Attachment): number {
	return Math.max(0, attachment.size || 0);
}

/**
 * Where the upload that starts with `files[from]` ends (exclusive), by declared sizes: as many files as the byte budget
 * and the file count allow; a file at or above the budget goes alone.
 */
function groupEnd(files: readonly { attachment: Attachment }[], from: number, budget: number): number {
	let bytes = 0;
	let end = from;
	while (end < files.length) {
		const size = declaredSize(files[end]!.attachment);
		if (end > from && (bytes + size > budget || end - from >= FILES_PER_UPLOAD)) break;
		bytes += size;
		end += 1;
	}
	return end;
}

/** The uploads a list of files goes in, by their declared sizes and in their order (see `groupEnd`). */
export function uploadGroups<T extends { attachment: Attachment }>(files: readonly T[], budget = UPLOAD_BUDGET_BYTES): T[][] {
	const groups: T[][] = [];
	for (let from = 0; from < files.length; ) {
		const end = groupEnd(files, from, budget);
		groups.push(files.slice(from, end));
		from = end;
	}
	return groups;
}

interface Numbered {
	attachment: Attachment;
	/** Its place in the record's list of files. */
	index: number;
}

/**
 * A record's files, handed out one upload at a time by what the run knows when the upload is formed: a file at or
 * above a size refused before is left out there and then, undownloaded.
 */
class PendingFiles {
	private from = 0;

	constructor(
		private readonly files: readonly Numbered[],
		private readonly outcomes: FileOutcome[],
		private readonly ceiling: UploadCeiling,
		private readonly ownerId: string
	) {}

	/** The next upload's files, or undefined when none is left. */
	next(): Numbered[] | undefined {
		for (;;) {
			const first = this.files[this.from];
			if (!first) return undefined;
			const refuser = this.ceiling.refuses(first.attachment.size);
			if (!refuser) break;
			this.outcomes[first.index] = { warning: tooLargeWarning(this.ownerId, first.attachment, first.attachment.size, refuser) };
			this.from += 1;
		}
		// Only the first file of an upload can be refused for its size alone: the others fit the budget, below any ceiling.
		const end = groupEnd(this.files, this.from, this.ceiling.budget());
		const group = this.files.slice(this.from, end);
		this.from = end;
		return group;
	}
}

/** A file that may be too large for Kayako: alone, and fetched only once the uploads before it have answered. */
function doubtful(ceiling: UploadCeiling, group: readonly Numbered[]): boolean {
	return group.length === 1 && !ceiling.sure(declaredSize(group[0]!.attachment));
}

/** Puts a fetched group's outcomes in place and uploads what was fetched; a failure a later run may mend is thrown. */
async function uploadFetched(ctx: FilesContext, ownerId: string, group: readonly Numbered[], fetchedGroup: readonly Fetched[], outcomes: FileOutcome[]): Promise<void> {
	const ready: FetchedFile[] = [];
	const readyAt: number[] = [];
	for (const [position, each] of fetchedGroup.entries()) {
		if ('error' in each) throw each.error;
		if ('warning' in each) outcomes[group[position]!.index] = each;
		else {
			ready.push(each.fetched);
			readyAt.push(group[position]!.index);
		}
	}
	for (const [position, outcome] of (await uploadTogether(ctx, ownerId, ready)).entries()) outcomes[readyAt[position]!] = outcome;
}

/**
 * A file that may be too large, in the session's turn (see `UploadCeiling.probing`): left out if a file as large was
 * refused meanwhile, else fetched and sent alone.
 */
async function uploadDoubtful(ctx: FilesContext, ownerId: string, ceiling: UploadCeiling, lone: readonly Numbered[], outcomes: FileOutcome[]): Promise<void> {
	await ceiling.probing(async () => {
		const [first] = lone;
		const refuser = first && ceiling.refuses(first.attachment.size);
		if (first && refuser) outcomes[first.index] = { warning: tooLargeWarning(ownerId, first.attachment, first.attachment.size, refuser) };
		else await uploadFetched(ctx, ownerId, lone, await fetchGroup(ctx, ownerId, lone.map((each) => each.attachment)), outcomes);
	});
}

/**
 * Uploads a record's files, one outcome per file in order. While one group of files is uploaded the next is fetched,
 * so at most two groups' bytes are held at once. A file that may be too large for Kayako is fetched and sent alone,
 * after the uploads before it (of any record of the session) have answered, so that once Kayako has refused one file
 * as too large, no file as large is downloaded again. A failure a later run may mend (a download cut off, Kayako out
 * of reach) is thrown and fails the record; a file that can never go in is left out with its reason.
 */
async function uploadFiles(ctx: FilesContext, ownerId: string, attachments: readonly Attachment[]): Promise<FileOutcome[]> {
	const outcomes: FileOutcome[] = new Array<FileOutcome>(attachments.length);
	const ceiling = uploadCeiling(ctx.session);
	const pending = new PendingFiles(
		attachments.map((attachment, index) => ({ attachment, index })),
		outcomes,
		ceiling,
		ownerId
	);
	/** Starts fetching a group that is not in doubt; a doubtful one is fetched in its turn. */
	const fetchAhead = (group: readonly Numbered[] | undefined) => (group && !doubtful(ceiling, group) ? fetchGroup(ctx, ownerId, group.map((each) => each.attachment)) : undefined);
	let group = pending.next();
	let fetching = fetchAhead(group);
	while (group) {
		if (!fetching) {
			await uploadDoubtful(ctx, ownerId, ceiling, group, outcomes);
			group = pending.next();
			fetching = fetchAhead(group);
			continue;
		}
		const fetchedGroup = await fetching;
		const next = pending.next();
		const ahead = fetchAhead(next);
		try {
			await uploadFetched(ctx, ownerId, group, fetchedGroup, outcomes);
		} catch (error) {
			// The group fetched ahead is let finish (it never rejects) before the record fails, so nothing runs on unseen.
			await ahead;
			throw error;
		}
		group = next;
		fetching = ahead;
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
