// Posts: the conversation of a case (newest first, after_id cursor), replies and notes, and attachment downloads.
import { jsonReply, type Reply } from '../../common/reply';
import type { Router } from '../../common/router';
import type { Handler } from '../context';
import { cursorReply, resourceReply } from '../envelope';
import { forbidden, notFound, validationReply, type KayakoError } from '../errors';
import { addPost, noteMailing } from '../mutate/cases';
import { render } from '../present/index';
import { tagId } from '../state';
import { caseProperties, preparePost, uploadedParts } from '../validate/cases';

const listPosts: Handler = (context) => {
	const caseId = Number(context.params.id);
	if (!context.state.cases.has(caseId)) return notFound();
	const ids = [...context.state.posts.values()].filter((post) => post.case_id === caseId).map((post) => post.id).sort((a, b) => b - a);
	const self = `${context.present.apiBase}${context.path}?${context.query.toString()}`;
	return cursorReply(context, 'post', ids, self);
};

/** POST /cases/:id/reply: NOTE is a private note; MAIL is sent to the requester by the real service. */
const reply: Handler = (context) => {
	const kase = context.state.cases.get(Number(context.params.id));
	if (!kase) return notFound();
	if (context.actorRole === 'CUSTOMER') return forbidden();
	const rules = { state: context.state, actorId: context.actor.id, actorRole: context.actorRole, now: context.now, bulk: false };
	const prepared = preparePost(rules, context.body, '', context.actor.id);
	const errors: KayakoError[] = [...prepared.errors];
	const properties = caseProperties(context.state, context.body, errors);
	if (errors.length > 0 || !prepared.post) return validationReply(errors);
	if (context.actorRole === 'COLLABORATOR' && (prepared.post.channel !== 'NOTE' || Object.keys(properties).length > 0)) {
		return forbidden('Collaborators can add only private notes, without changing the conversation');
	}
	const { field_values: fieldValues, ...rest } = properties;
	Object.assign(kase, rest);
	if (fieldValues) kase.field_values = { ...kase.field_values, ...fieldValues };
	for (const name of kase.tags) tagId(context.state, name);
	const files = [...(prepared.post.files ?? []), ...uploadedParts(context.files, context.now)];
	const post = addPost(context.state, kase, { ...prepared.post, files, created_at: context.now, via: 'reply' });
	noteMailing(context.state, kase, post, context.now);
	const data = {
		posts: [render(context.present, 'post', post.id)],
		case: render(context.present, 'case', kase.id),
		resource_type: 'case_reply'
	};
	return jsonReply(201, { status: 201, data, resource: 'case_reply' });
};

function download(context: Parameters<Handler>[0], path: string): Reply {
	const attachment = [...context.state.attachments.values()].find((entry) => entry.path === path);
	if (!attachment) return notFound();
	return {
		status: 200,
		headers: { 'Content-Type': attachment.type, 'Content-Disposition': `attachment; filename="${attachment.name.replace(/"/g, '')}"` },
		body: { bytes: attachment.bytes }
	};
}

export function registerPostRoutes(router: Router<Handler>): void {
	router
		.add('GET', '/cases/:id/posts', listPosts)
		.add('GET', '/cases/posts/:id', (context) => resourceReply(context, 'post', Number(context.params.id)))
		.add('POST', '/cases/:id/reply', reply)
		.add('GET', '/cases/:id/notes/:original/attachments/:attachment/download', (context) =>
			download(context, `cases/${context.params.id}/notes/${context.params.original}/attachments/${context.params.attachment}`)
		)
		.add('GET', '/cases/:id/messages/:original/attachments/:attachment/download', (context) =>
			download(context, `cases/${context.params.id}/messages/${context.params.original}/attachments/${context.params.attachment}`)
		)
		.add('GET', '/articles/:id/attachments/:attachment/download', (context) => download(context, `articles/${context.params.id}/attachments/${context.params.attachment}`));
}
