// The bad-input corpus: its fixture files, and seeding them into the Zendesk sandbox with every symbolic name resolved.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { customTicketFieldId, type CustomFieldType } from '../../server/sandbox/zendesk/generator/fields';
import { userKind, type UserKind } from '../../server/sandbox/zendesk/generator/people';
import type { ZendeskSandbox } from '../../server/sandbox/zendesk/index';
import type { NewComment, NewTicket } from '../../server/sandbox/zendesk/mutations';
import { userCount, userId } from '../../server/sandbox/zendesk/plan';

export const BAD_INPUT_DIR = join(import.meta.dirname, '..', 'fixtures', 'bad-input');

export type Outcome = 'migrated' | 'skipped' | 'failed' | 'not-migrated';

export interface BadInputExpectation {
	entity: 'tickets' | 'users' | 'run';
	outcome: Outcome | Outcome[];
	reason?: string;
	ticket?: {
		subject?: string;
		status?: string;
		postCount?: number;
		fileCount?: number;
		postsContain?: string[];
		postsLack?: string[];
		tagCount?: number;
		tagsLack?: string[];
		files?: Record<string, 'attached' | 'noted' | 'attached-or-noted'>;
		firstPostChannel?: string;
		fieldHasOption?: Record<string, string>;
		notOpen?: boolean;
	};
	user?: { enabled?: boolean; emails?: string[]; emailsLack?: string[]; oneKayakoUserWithEmailOf?: string; requestedTicket?: 'migrated' };
	run?: { error?: string; withinExportPages?: number; noDuplicateCases?: boolean };
}

type SymbolicComment = Omit<NewComment, 'authorId'> & { author?: string };

export interface BadInputFixture {
	file: string;
	title: string;
	why: string;
	seed: {
		ticket?: Omit<NewTicket, 'requesterId' | 'assigneeId' | 'authorId' | 'comments'> & {
			requester?: string;
			assignee?: string;
			fields?: Record<string, unknown>;
			comments?: SymbolicComment[];
			commentOfLength?: { text: string; length: number; end: string };
		};
		user?: { kind: UserKind; nth: number; fields?: Record<string, unknown>; ticket?: boolean };
		quirks?: { repeatPages?: number; stuckCursor?: boolean };
	};
	afterFull?: { delete?: boolean };
	separateRun?: boolean;
	expect: BadInputExpectation;
}

/** What seeding made: the source ids the expectation is about. */
export interface Seeded {
	fixture: BadInputFixture;
	ticketId?: string;
	userId?: string;
}

export function loadCorpus(): BadInputFixture[] {
	return readdirSync(BAD_INPUT_DIR)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((file) => ({ file, ...(JSON.parse(readFileSync(join(BAD_INPUT_DIR, file), 'utf8')) as Omit<BadInputFixture, 'file'>) }));
}

/** `kind:n`: the generated user index of the n-th user of that kind. */
function userIndexOf(sandbox: ZendeskSandbox, name: string): number {
	const [kind, nth] = name.split(':');
	let seen = 0;
	for (let index = 0; index < userCount(sandbox.plan); index += 1) {
		if (userKind(sandbox.plan, index) !== kind) continue;
		if (seen === Number(nth ?? 0)) return index;
		seen += 1;
	}
	throw new Error(`The sandbox has no ${name} user; make it bigger or pick a lower number.`);
}

const idOf = (sandbox: ZendeskSandbox, name: string | undefined) => (name === undefined ? undefined : userId(userIndexOf(sandbox, name)));

/** The Zendesk id of a user named `kind:n`. */
export function sandboxUserId(sandbox: ZendeskSandbox, name: string): number {
	return userId(userIndexOf(sandbox, name));
}

function ticketInput(sandbox: ZendeskSandbox, seed: NonNullable<BadInputFixture['seed']['ticket']>, requesterId?: number): NewTicket {
	const { requester, assignee, fields, comments, commentOfLength, ...rest } = seed;
	const comment = commentOfLength ? commentOfLength.text.repeat(Math.ceil(commentOfLength.length / commentOfLength.text.length)).slice(0, commentOfLength.length) + commentOfLength.end : rest.comment;
	return {
		...rest,
		...(comment !== undefined && { comment }),
		...((requesterId ?? idOf(sandbox, requester)) !== undefined && { requesterId: requesterId ?? idOf(sandbox, requester) }),
		...(assignee !== undefined && { assigneeId: idOf(sandbox, assignee) }),
		...(fields && { custom_fields: Object.entries(fields).map(([type, value]) => ({ id: customTicketFieldId(type as CustomFieldType), value: value as never })) }),
		...(comments && { comments: comments.map(({ author, ...each }) => ({ ...each, ...(author !== undefined && { authorId: idOf(sandbox, author) }) })) })
	};
}

/** Puts one fixture's records into the sandbox. */
export function seedFixture(sandbox: ZendeskSandbox, fixture: BadInputFixture): Seeded {
	const { seed } = fixture;
	if (seed.quirks) sandbox.setExportQuirks(seed.quirks);
	if (seed.user) {
		const id = userId(userIndexOf(sandbox, `${seed.user.kind}:${seed.user.nth}`));
		const fields = Object.fromEntries(
			Object.entries(seed.user.fields ?? {}).map(([key, value]) => {
				const other = typeof value === 'string' && value.startsWith('@email-of:') ? value.slice('@email-of:'.length) : undefined;
				return [key, other ? sandbox.overrideUser(idOf(sandbox, other) ?? 0, {}).email : value];
			})
		);
		sandbox.overrideUser(id, fields);
		const ticket = seed.user.ticket ? sandbox.addTicket(ticketInput(sandbox, { subject: `A ticket from ${fixture.title.toLowerCase()}`, comment: 'Hello.' }, id)) : undefined;
		return { fixture, userId: String(id), ...(ticket && { ticketId: String(ticket.id) }) };
	}
	if (seed.ticket) return { fixture, ticketId: String(sandbox.addTicket(ticketInput(sandbox, seed.ticket)).id) };
	return { fixture };
}
