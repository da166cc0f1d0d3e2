// A user's avatar as PUT /users/:id takes it (`avatar`, multipart): an image file within the upload limit, or a refusal
// like Kayako's (a file that is not a picture, one too large).
import type { RequestContext } from '../context';
import { errorReply, fieldInvalid, validationReply } from '../errors';
import type { Reply } from '../../common/reply';
import type { UserAvatar } from '../records';

/** The first bytes of the picture formats a browser shows as an avatar. */
const IMAGE_MAGIC: readonly (readonly number[])[] = [
	[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
	[0xff, 0xd8, 0xff], // JPEG
	[0x47, 0x49, 0x46, 0x38], // GIF
	[0x52, 0x49, 0x46, 0x46] // RIFF (WebP)
];

function isImage(bytes: Buffer): boolean {
	return IMAGE_MAGIC.some((magic) => bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte));
}

/** undefined: the request names no avatar; a Reply: Kayako refuses it; else the avatar to store. */
export function avatarOf(context: RequestContext): UserAvatar | Reply | undefined {
	const part = context.files.find((entry) => entry.name === 'avatar');
	if (!part) return context.body.avatar !== undefined ? validationReply([fieldInvalid('avatar', 'must be an image file sent as multipart/form-data')]) : undefined;
	if (part.data.length > context.settings.maxUploadBytes) {
		const megabytes = Math.round((context.settings.maxUploadBytes / 1024 / 1024) * 10) / 10;
		return errorReply(413, 'FIELD_INVALID', { parameter: 'avatar', message: `The avatar is larger than the ${megabytes} MB Kayako accepts` });
	}
	if (!isImage(part.data)) return validationReply([fieldInvalid('avatar', 'must be an image (PNG, JPEG, GIF or WebP)')]);
	return { bytes: part.data, content_type: part.contentType ?? 'application/octet-stream', name: part.filename ?? 'avatar', updated_at: context.now };
}
