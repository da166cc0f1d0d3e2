// Uploaded files: raw body with a Content-Disposition filename, multipart `files[]`, or JSON {name, content}; they expire after 3 hours.
import { jsonReply, type Reply } from '../../common/reply';
import { dispositionFilename } from '../../common/multipart';
import type { Router } from '../../common/router';
import type { Handler, RequestContext } from '../context';
import { deletedReply, resourceReply } from '../envelope';
import { errorReply, fieldRequired, notFound, validationReply } from '../errors';
import { text } from '../input';
import { render } from '../present/index';
import type { FileRecord } from '../records';
import { nextId } from '../state';

/** The docs' example shows expiry_at three hours after created_at. */
export const FILE_LIFETIME_MS = 3 * 3_600_000;

interface Upload {
	name: string;
	contentType: string;
	bytes: Buffer;
}

function uploadsOf(context: RequestContext): Upload[] | Reply {
	const type = (context.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
	const header = context.headers['content-disposition'];
	const named = dispositionFilename(Array.isArray(header) ? header[0] : header) ?? context.query.get('_filename') ?? undefined;
	// A raw body names itself; only without a name can it be multipart or the JSON {name, content} form.
	if (named) return [{ name: named, contentType: type || 'application/octet-stream', bytes: context.rawBody }];
	if (type === 'multipart/form-data') {
		return context.files.map((part) => ({ name: part.filename ?? 'file', contentType: part.contentType ?? 'application/octet-stream', bytes: part.data }));
	}
	if (type === 'application/json') {
		const name = text(context.body.name);
		const content = text(context.body.content);
		if (!name) return validationReply([fieldRequired('name')]);
		if (content === undefined) return validationReply([fieldRequired('content')]);
		return [{ name, contentType: text(context.body.content_type) ?? 'application/octet-stream', bytes: Buffer.from(content, 'base64') }];
	}
	return validationReply([fieldRequired('name')]);
}

const upload: Handler = (context) => {
	const uploads = uploadsOf(context);
	if (!Array.isArray(uploads)) return uploads;
	if (uploads.length === 0) return validationReply([fieldRequired('files')]);
	const tooLarge = uploads.find((entry) => entry.bytes.length > context.settings.maxUploadBytes);
	if (tooLarge) {
		const megabytes = Math.round((context.settings.maxUploadBytes / 1024 / 1024) * 10) / 10;
		return errorReply(413, 'FIELD_INVALID', { parameter: 'content', message: `The file ${tooLarge.name} is larger than the ${megabytes} MB Kayako accepts` });
	}
	const created: FileRecord[] = uploads.map((entry) => {
		const id = nextId(context.state, 'files');
		const file: FileRecord = { id, name: entry.name, size: entry.bytes.length, content_type: entry.contentType, bytes: entry.bytes, created_at: context.now, expiry_at: context.now + FILE_LIFETIME_MS };
		context.state.files.set(id, file);
		return file;
	});
	const [only] = created;
	if (created.length === 1 && only) return resourceReply(context, 'file', only.id, 201);
	return jsonReply(201, { status: 201, data: created.map((file) => render(context.present, 'file', file.id)), resource: 'file', total_count: created.length });
};

function liveFile(context: RequestContext): FileRecord | undefined {
	const file = context.state.files.get(Number(context.params.id));
	return file && file.expiry_at > context.now ? file : undefined;
}

export function registerFileRoutes(router: Router<Handler>): void {
	router
		.add('POST', '/files', upload)
		.add('GET', '/files/:id', (context) => (liveFile(context) ? resourceReply(context, 'file', Number(context.params.id)) : notFound()))
		.add('GET', '/files/:id/content', (context) => {
			const file = liveFile(context);
			if (!file) return notFound();
			return { status: 200, headers: { 'Content-Type': file.content_type, 'Content-Disposition': `attachment; filename="${file.name.replace(/"/g, '')}"` }, body: { bytes: file.bytes } };
		})
		.add('DELETE', '/files/:id', (context) => {
			if (!context.state.files.delete(Number(context.params.id))) return notFound();
			return deletedReply();
		});
}
