// Whom a ticket's event notes name: the writer needs their names before it writes the notes.
import type { Comment, SourceId } from '../model';

/** The people an event note names: who made the changes, and the assignees it changed between. */
export function namedInEvents(comments: readonly Comment[]): SourceId[] {
	return comments
		.filter((comment) => comment.event)
		.flatMap((comment) => [comment.authorId, ...(comment.changes ?? []).filter((change) => change.kind === 'assignee').flatMap((change) => [change.before, change.after])])
		.filter((id): id is SourceId => id !== undefined);
}
