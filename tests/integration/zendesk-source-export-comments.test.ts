// Comments from the ticket-events export: for every ticket the same comments as the per-ticket read, in a fraction of
// the requests; a ticket the export cannot vouch for (dropped for room, an inline image, a resumed run's older
// tickets, a failing export) is read alone, so no comment is lost.
import { describe, expect, it } from 'vitest';
import type { Comment, Ticket } from '../../src/lib/engine/model';
import { useSandbox } from './zendesk-sandbox-fixtures';
import { allPages, openSource, type SourceUnderTest } from './zendesk-source-fixtures';

const { sandbox } = useSandbox({ seed: 11, tickets: 60, profile: 'real' });
const tidy = useSandbox({ seed: 11, tickets: 60 });

/** The tickets whose comments were read one ticket at a time. */
function readAlone(under: SourceUnderTest): Set<string> {
	return new Set(under.recorded.flatMap((answer) => /\/api\/v2\/tickets\/(\d+)\/comments/.exec(answer.url)?.[1] ?? []));
}

function eventPages(under: SourceUnderTest): number {
	return under.recorded.filter((answer) => answer.url.includes('/incremental/ticket_events')).length;
}

/** Every live ticket of the pages with its comments, as the source under test gives them. */
async function commentsOf(under: SourceUnderTest, after: string | null = null): Promise<Map<string, Comment[]>> {
	const found = new Map<string, Comment[]>();
	for await (const page of under.source.tickets({ after })) {
		for (const ticket of page.records as Ticket[]) {
			if (ticket.deleted) continue;
			found.set(ticket.id, await under.source.comments(ticket.id));
		}
	}
	return found;
}

async function perTicket(ids: Iterable<string>, account = sandbox()): Promise<Map<string, Comment[]>> {
	const plain = openSource(account);
	const found = new Map<string, Comment[]>();
	for (const id of ids) found.set(id, await plain.source.comments(id));
	return found;
}

describe('comments from the ticket-events export', () => {
	it('gives every ticket the comments the per-ticket read gives, with far fewer requests', async () => {
		tidy.sandbox().reset();
		const under = openSource(tidy.sandbox(), { commentsFromExport: true, exportPageSize: 100 });
		const exported = await commentsOf(under);
		expect(exported.size).toBeGreaterThan(40);
		const expected = await perTicket(exported.keys(), tidy.sandbox());
		expect(exported).toEqual(expected);
		// Only tickets with a pasted image are read alone (the export does not list inline images); the rest come in bulk.
		const withInlineImages = [...expected].filter(([, comments]) => comments.some((comment) => comment.attachments.some((attachment) => attachment.inline))).map(([id]) => id);
		expect(withInlineImages.length).toBeLessThan(exported.size);
		expect([...readAlone(under)].sort()).toEqual(withInlineImages.sort());
		expect(eventPages(under)).toBeGreaterThan(0);
	});

	it('gives the same comments on an account of every channel, tweets and their pictures included', async () => {
		sandbox().reset();
		const under = openSource(sandbox(), { commentsFromExport: true, exportPageSize: 100 });
		const exported = await commentsOf(under);
		expect(exported).toEqual(await perTicket(exported.keys()));
		expect(readAlone(under).size).toBeLessThan(exported.size);
	});

	it('reads a ticket alone when its spooled comments were dropped for room, and still loses none', async () => {
		sandbox().reset();
		const under = openSource(sandbox(), { commentsFromExport: true, exportPageSize: 100, exportCommentSpool: 3 });
		const exported = await commentsOf(under);
		expect(exported).toEqual(await perTicket(exported.keys()));
	});

	it('after a resume, reads the tickets made before the resumed position alone instead of the whole history again', async () => {
		sandbox().reset();
		const first = await allPages(openSource(sandbox(), { exportPageSize: 20 }).source.tickets());
		const checkpoint = first[0]?.checkpoint ?? null;
		expect(checkpoint).not.toBeNull();
		const under = openSource(sandbox(), { commentsFromExport: true, exportPageSize: 20 });
		const exported = await commentsOf(under, checkpoint);
		expect(exported.size).toBeGreaterThan(0);
		expect(exported).toEqual(await perTicket(exported.keys()));
		const firstEvents = under.recorded.find((answer) => answer.url.includes('/incremental/ticket_events'));
		expect(Number(new URL(firstEvents?.url ?? 'http://x/').searchParams.get('start_time'))).toBeGreaterThan(0);
	});

	it('reads every ticket alone when the export keeps failing, and loses no comment', async () => {
		sandbox().reset();
		sandbox().faults.set([{ kind: 'server-error', path: '/api/v2/incremental/ticket_events*' }]);
		const under = openSource(sandbox(), { commentsFromExport: true, exportPageSize: 100 });
		const exported = await commentsOf(under);
		sandbox().faults.clear();
		expect(exported).toEqual(await perTicket(exported.keys()));
		expect(readAlone(under).size).toBe(exported.size);
	});

	it('keeps a comment made private after it was written private, as the per-ticket read does', async () => {
		tidy.sandbox().reset();
		const before = openSource(tidy.sandbox(), { commentsFromExport: true, exportPageSize: 100 });
		const fromBulk = [...(await commentsOf(before))].find(([id, comments]) => !readAlone(before).has(id) && comments.some((comment) => comment.public));
		const [ticketId, comments] = fromBulk ?? ['', []];
		const madePrivate = comments.find((comment) => comment.public);
		expect(madePrivate).toBeDefined();

		tidy.sandbox().reset();
		tidy.sandbox().advanceClock(2 * 60_000);
		tidy.sandbox().makeCommentPrivate(Number(ticketId), Number(madePrivate?.id));
		tidy.sandbox().advanceClock(2 * 60_000);
		const under = openSource(tidy.sandbox(), { commentsFromExport: true, exportPageSize: 100 });
		const exported = await commentsOf(under);
		expect(readAlone(under).has(ticketId)).toBe(false);
		expect(exported.get(ticketId)?.find((comment) => comment.id === madePrivate?.id)?.public).toBe(false);
		expect(exported).toEqual(await perTicket(exported.keys(), tidy.sandbox()));
	});

	it('picks up a comment added to a ticket after the run began, once its ticket comes', async () => {
		sandbox().reset();
		sandbox().advanceClock(2 * 60_000);
		const added = sandbox().addComment(5, { body: 'Added while the export ran.' }) as { id: number };
		sandbox().advanceClock(2 * 60_000);
		const under = openSource(sandbox(), { commentsFromExport: true, exportPageSize: 100 });
		const exported = await commentsOf(under);
		expect(exported.get('5')?.map((comment) => comment.id)).toContain(String(added.id));
		expect(exported).toEqual(await perTicket(exported.keys()));
	});
});
