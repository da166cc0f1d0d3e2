// What the report says about the people of a ticket who did not move, and whom the ticket's event notes name.
import type { Comment, SourceId } from '../model';
import { personLabel } from '../words';
import { en } from '../words/en';
import type { ReferenceResolver } from './references';

export type StandInRole = 'requester' | 'assignee' | 'author';

/** The people an event note names: who made the changes, and the assignees it changed between. */
export function namedInEvents(comments: readonly Comment[]): SourceId[] {
	return comments
		.filter((comment) => comment.event)
		.flatMap((comment) => [comment.authorId, ...(comment.changes ?? []).filter((change) => change.kind === 'assignee').flatMap((change) => [change.before, change.after])])
		.filter((id): id is SourceId => id !== undefined);
}

/** A source user as the report names them: name and e-mail when the source told them, else their source id. */
export function personInReport(resolver: ReferenceResolver, id: SourceId): string {
	const known = resolver.people.person(id);
	return known?.name || known?.email ? personLabel(en, known) : `with source id ${id}`;
}

/** What the report says about one person who did not move: one sentence per fact, each true of what the writer does. */
export function standInNote(role: StandInRole, who: string, hasDefaultAgent: boolean): string {
	const moved = `${role === 'author' ? 'The author' : role === 'assignee' ? 'The assignee' : 'The requester'} ${who} was not moved to Kayako.`;
	if (role === 'assignee') return hasDefaultAgent ? `${moved} The case is assigned to the default agent.` : `${moved} The case is unassigned, as no default agent is chosen on the match step.`;
	if (role === 'requester') return hasDefaultAgent ? `${moved} The default agent is the case's requester.` : moved;
	return hasDefaultAgent ? `${moved} Their posts are filed under the default agent and begin with their name.` : `${moved} Their posts begin with their name.`;
}
