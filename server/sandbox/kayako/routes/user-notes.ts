// Notes on a user (`GET`/`POST /users/:id/notes`), as the reference documents them: `contents` and `is_html`, no date.
import { jsonReply } from '../../common/reply';
import type { Router } from '../../common/router';
import { isStaff, type Handler } from '../context';
import { fieldRequired, forbidden, notFound, validationReply } from '../errors';
import { boolean, text } from '../input';
import type { UserNoteRecord } from '../records';
import { nextId } from '../state';

function present(note: UserNoteRecord): Record<string, unknown> {
	return {
		id: note.id,
		user: { id: note.user_id, resource_type: 'user' },
		body_text: note.is_html ? note.contents.replace(/<[^>]*>/g, '') : note.contents,
		body_html: note.is_html ? note.contents : note.contents.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>'),
		creator: { id: note.creator_id, resource_type: 'user' },
		is_pinned: false,
		created_at: new Date(note.created_at).toISOString(),
		updated_at: new Date(note.updated_at).toISOString(),
		resource_type: 'note'
	};
}

const listNotes: Handler = (context) => {
	const userId = Number(context.params.id);
	if (!context.state.users.has(userId)) return notFound();
	const notes = [...context.state.userNotes.values()].filter((note) => note.user_id === userId).sort((a, b) => a.id - b.id);
	return jsonReply(200, { status: 200, data: notes.map(present), resource: 'note', total_count: notes.length });
};

const addNote: Handler = (context) => {
	if (!isStaff(context.actorRole)) return forbidden('Only staff can add notes to a user');
	const userId = Number(context.params.id);
	if (!context.state.users.has(userId)) return notFound();
	const contents = text(context.body.contents);
	if (!contents?.trim()) return validationReply([fieldRequired('contents')]);
	const note: UserNoteRecord = { id: nextId(context.state, 'userNotes'), user_id: userId, contents, is_html: boolean(context.body.is_html) === true, creator_id: context.actor.id, created_at: context.now, updated_at: context.now };
	context.state.userNotes.set(note.id, note);
	return jsonReply(201, { status: 201, data: present(note), resource: 'note' });
};

export function registerUserNoteRoutes(router: Router<Handler>): void {
	router.add('GET', '/users/:id/notes', listNotes).add('POST', '/users/:id/notes', addNote);
}
