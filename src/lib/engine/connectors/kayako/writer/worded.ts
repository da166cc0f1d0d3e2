// What the writer itself says in a post, in the migration's language: who wrote a comment, the byline, and event notes with names.
import type { Comment } from '../../../model';
import type { Words } from '../../../words';
import { en } from '../../../words/en';
import { eventNote } from '../../../words/event-note';
import type { WriteContext } from './context';
import { byline } from './posts';

type Ctx = Pick<WriteContext, 'userName' | 'options'>;

export function wordsOf(ctx: Pick<WriteContext, 'options'>): Words {
	return ctx.options.words ?? en;
}

/** A source user by name and e-mail, or "a former agent" when the source could not tell. */
export function personName(ctx: Ctx, sourceUserId: string | undefined): string {
	return (sourceUserId !== undefined && ctx.userName?.(sourceUserId)) || wordsOf(ctx).formerAgent;
}

/** Who wrote a comment: the helpdesk itself by its name, a person by name and e-mail. */
export function authorName(ctx: Ctx, comment: Comment): string {
	return comment.authorName || personName(ctx, comment.authorId);
}

/** The first line of a post that cannot carry its author or date; none for an event note, whose heading says both. */
export function bylineOf(ctx: Ctx, comment: Comment): string | undefined {
	if (comment.event && comment.changes) return undefined;
	return byline(wordsOf(ctx), authorName(ctx, comment), comment.createdAt, ctx.options.timeZone);
}

/** An event comment worded in the migration's language, naming its people; any other comment as it is. */
export function worded(ctx: Ctx, comment: Comment): Comment {
	if (!comment.event || !comment.changes) return comment;
	const note = eventNote(wordsOf(ctx), { changes: comment.changes, author: authorName(ctx, comment), createdAt: comment.createdAt, ...(ctx.options.timeZone && { timeZone: ctx.options.timeZone }) }, (id) => personName(ctx, id));
	return { ...comment, ...note };
}
