// Scale check: a 500-ticket sandbox account, read through the Zendesk source, is big and varied enough for the engine's end-to-end migration test.
import { describe, expect, it } from 'vitest';
import type { Comment } from '../../src/lib/engine/model';
import { isDeletedTicket } from '../../server/sandbox/zendesk/generator/ticket-shape';
import { useSandbox } from './zendesk-sandbox-fixtures';
import { allPages, openSource } from './zendesk-source-fixtures';

const TICKETS = 500;
const { sandbox } = useSandbox({ tickets: TICKETS, seed: 1, rateLimitPerMinute: 1_000_000 });

/** Reads every ticket's comments a few at a time, as the engine would, so the check stays quick. */
async function commentsOf(read: (id: string) => Promise<Comment[]>, ticketIds: string[], parallel = 8): Promise<Comment[]> {
	const all: Comment[] = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: parallel }, async () => {
			while (next < ticketIds.length) all.push(...(await read(ticketIds[next++] ?? '')));
		})
	);
	return all;
}

describe('a 500-ticket Zendesk sandbox read through the source', () => {
	it('has 500 tickets (all but the soft-deleted few readable), at least 2,500 comments, 100 attachments with inline images, every field type in use and 30 articles', async () => {
		const { source } = openSource(sandbox());
		const read = (await allPages(source.tickets())).flatMap((page) => page.records);
		const deleted = Array.from({ length: TICKETS }, (_, index) => index + 1).filter((id) => isDeletedTicket(sandbox().plan, id)).length;
		// Soft-deleted tickets come through the export marked deleted, for the pipeline to skip: the rest are readable.
		expect(read.length).toBe(TICKETS);
		expect(read.filter((ticket) => ticket.deleted)).toHaveLength(deleted);
		const tickets = read.filter((ticket) => !ticket.deleted);
		expect(await source.count('tickets')).toBe(tickets.length);

		const comments = await commentsOf((id) => source.comments(id), tickets.map((ticket) => ticket.id));
		const attachments = comments.flatMap((comment) => comment.attachments);
		expect(comments.length).toBeGreaterThanOrEqual(2_500);
		expect(attachments.length).toBeGreaterThanOrEqual(100);
		expect(attachments.filter((attachment) => attachment.inline && attachment.contentType.startsWith('image/')).length).toBeGreaterThanOrEqual(20);
		expect(comments.some((comment) => !comment.public)).toBe(true);

		const ticketFields = (await allPages(source.fields())).flatMap((page) => page.records).filter((field) => field.entity === 'ticket' && !field.system);
		const types = ['text', 'textarea', 'checkbox', 'date', 'integer', 'decimal', 'regexp', 'dropdown', 'multiselect', 'lookup'] as const;
		for (const type of types) {
			const fields = ticketFields.filter((field) => field.type === type);
			expect(fields.length, `a custom ticket field of type ${type}`).toBeGreaterThan(0);
			expect(tickets.some((ticket) => fields.some((field) => ticket.fields[field.id] !== undefined)), `a ticket with a ${type} value`).toBe(true);
		}

		const articles = (await allPages(source.articles())).flatMap((page) => page.records);
		expect(articles.length).toBeGreaterThanOrEqual(30);
		expect(articles.some((article) => article.attachments.length > 0)).toBe(true);
	});
});
