// A source user's picture as their Kayako avatar: downloaded from the source (through the same client and proxy as
// attachments) and sent as `avatar` (multipart) on PUT /users/:id after the user exists. A picture that cannot be fetched,
// or that Kayako refuses, costs the user nothing: the report says so, and the social note keeps the picture's address.
import { MigrationError } from '../../../errors';
import { multipartBody } from '../../../http/multipart';
import type { Attachment, User } from '../../../model';
import { because } from '../../../reports/reasons/because';
import type { KayakoSession } from '../session';
import type { WriteContext, WriteWarning } from './context';
import { sizeRefuser } from './upload-ceiling';

/** Failures no later try mends: the source has no such picture or will not hand it over, or Kayako refuses the file. */
const LASTING: ReadonlySet<string> = new Set(['not-found', 'forbidden', 'invalid-request', 'too-large']);

function lasting(error: unknown): error is MigrationError {
	return error instanceof MigrationError && LASTING.has(error.info.kind);
}

/** The picture as an attachment for the source's downloader; its size is not known, so the answer's Content-Length checks it. */
function pictureOf(user: User, url: string): Attachment {
	const name = decodeURIComponent(new URL(url, 'https://source.invalid').pathname.split('/').pop() || '') || 'avatar';
	return { id: `photo-${user.id}`, fileName: name, contentType: '', size: 0, url, inline: false };
}

/**
 * Kayako shows a user an avatar it draws itself until one is uploaded, so `avatar_updated_at` (null until then) tells a
 * user this tool already gave its picture, e.g. before a crash, from one that still needs it.
 */
async function hasUploadedAvatar(session: KayakoSession, kayakoId: number): Promise<boolean> {
	const user = await session.request<{ avatar_updated_at?: string | null }>({ method: 'GET', path: `users/${kayakoId}.json`, searchParams: { fields: 'id,avatar_updated_at' } });
	return Boolean(user.data.avatar_updated_at);
}

/**
 * Gives the user their source picture as avatar; true when the user has it now. `fresh`: the user was created just now,
 * so Kayako need not be asked whether an earlier try uploaded it already (a repeated PUT would only set the same picture).
 */
export async function addAvatar(ctx: Pick<WriteContext, 'session'> & Partial<Pick<WriteContext, 'download' | 'options'>>, user: User, kayakoId: number, fresh: boolean, warnings: WriteWarning[]): Promise<boolean> {
	const url = user.photoUrl;
	if (!url || !ctx.download || ctx.options?.skipAttachments) return false;
	if (!fresh && (await hasUploadedAvatar(ctx.session, kayakoId))) return true;
	const picture = pictureOf(user, url);
	let blob: Blob;
	try {
		blob = await ctx.download(picture);
	} catch (error) {
		if (!lasting(error)) throw error;
		warnings.push({ sourceId: user.id, message: because('avatar-unreadable', { url, detail: error.message }) });
		return false;
	}
	// One Blob over the picture's bytes, as uploads are sent: a FormData would be copied piece by piece on its way out.
	const form = multipartBody([{ field: 'avatar', fileName: picture.fileName, type: blob.type, blob }]);
	try {
		await ctx.session.request({ method: 'PUT', path: `users/${kayakoId}.json`, body: form.body, headers: { 'Content-Type': form.contentType }, idempotent: true });
		return true;
	} catch (error) {
		if (!lasting(error)) throw error;
		// The CORS proxy's body limit (or another server's in front of Kayako) answers 413 too: Kayako never saw the picture.
		if (sizeRefuser(error) === 'on-the-way') warnings.push({ sourceId: user.id, message: because('avatar-too-large-on-the-way', { url, bytes: blob.size }) });
		else warnings.push({ sourceId: user.id, message: because('avatar-refused', { url, detail: error.info.helpdeskMessage ?? error.message }) });
		return false;
	}
}
