// Ticket comments and attachments: pagination, inline images on request, and file bytes that match the seed byte for byte.
import { describe, expect, it } from 'vitest';
import { fileBytes } from '../../server/sandbox/zendesk/generator/bytes';
import { getJson, useSandbox } from './zendesk-sandbox-fixtures';

interface Attachment {
	id: number;
	file_name: string;
	content_url: string;
	content_type: string;
	size: number;
	inline: boolean;
}

interface CommentsPage {
	comments: { id: number; created_at: string; html_body: string; body: string; public: boolean; attachments: Attachment[] }[];
	meta?: { has_more: boolean; after_cursor: string | null };
	links?: { next: string | null };
	next_page?: string | null;
	count?: number;
}

const SEED = 42;
const { url } = useSandbox({ seed: SEED, tickets: 300 });
/** Ticket 11 has a very long thread (every 97th ticket from the 11th does). */
const LONG_THREAD = 11;

async function allComments(first: string): Promise<CommentsPage['comments']> {
	const comments: CommentsPage['comments'] = [];
	let next: string | null = first;
	while (next) {
		const page: CommentsPage = (await getJson<CommentsPage>(next)).json;
		comments.push(...page.comments);
		next = page.meta ? (page.meta.has_more ? (page.links?.next ?? null) : null) : (page.next_page ?? null);
	}
	return comments;
}

async function findComments(predicate: (comment: CommentsPage['comments'][number]) => boolean, query = ''): Promise<{ ticket: number; comment: CommentsPage['comments'][number] }> {
	for (let ticket = 1; ticket <= 300; ticket += 1) {
		const answer = await getJson<CommentsPage>(`${url()}/api/v2/tickets/${ticket}/comments.json${query}`);
		const comment = answer.json.comments?.find(predicate);
		if (comment) return { ticket, comment };
	}
	throw new Error('No such comment in the seeded tickets.');
}

describe('ticket comments in the Zendesk sandbox', () => {
	it('pages a long thread with a cursor, 100 at most, oldest first, each comment once', async () => {
		const first = await getJson<CommentsPage>(`${url()}/api/v2/tickets/${LONG_THREAD}/comments.json?page[size]=100`);
		expect(first.json.comments).toHaveLength(100);
		expect(first.json.meta?.has_more).toBe(true);
		expect(first.json.links?.next).toMatch(new RegExp(`^${url()}/api/v2/tickets/${LONG_THREAD}/comments\\.json\\?page\\[size\\]=100&page\\[after\\]=`));
		const comments = await allComments(`${url()}/api/v2/tickets/${LONG_THREAD}/comments.json?page[size]=100`);
		expect(comments.length).toBeGreaterThanOrEqual(120);
		expect(new Set(comments.map((comment) => comment.id)).size).toBe(comments.length);
		const times = comments.map((comment) => comment.created_at);
		expect(times).toEqual([...times].sort());
	});

	it('pages the same thread by offset with count and next_page, and refuses a page size over 100', async () => {
		const cursorWalk = await allComments(`${url()}/api/v2/tickets/${LONG_THREAD}/comments.json?page[size]=50`);
		const offsetFirst = await getJson<CommentsPage>(`${url()}/api/v2/tickets/${LONG_THREAD}/comments.json?per_page=50`);
		expect(offsetFirst.json.count).toBe(cursorWalk.length);
		expect(offsetFirst.json.next_page).toBe(`${url()}/api/v2/tickets/${LONG_THREAD}/comments.json?per_page=50&page=2`);
		const offsetWalk = await allComments(`${url()}/api/v2/tickets/${LONG_THREAD}/comments.json?per_page=50`);
		expect(offsetWalk.map((comment) => comment.id)).toEqual(cursorWalk.map((comment) => comment.id));
		const tooBig = await getJson(`${url()}/api/v2/tickets/${LONG_THREAD}/comments.json?page[size]=101`);
		expect(tooBig.status).toBe(400);
	});

	it('lists inline images as attachments only with include_inline_images=true, and references them in html_body either way', async () => {
		const { ticket, comment } = await findComments((candidate) => candidate.attachments.some((attachment) => attachment.inline), '?include_inline_images=true');
		const inline = comment.attachments.filter((attachment) => attachment.inline);
		for (const image of inline) expect(comment.html_body).toContain(`<img src="${image.content_url.replace(/&/g, '&amp;')}"`);
		const without = await getJson<CommentsPage>(`${url()}/api/v2/tickets/${ticket}/comments.json`);
		const same = without.json.comments.find((candidate) => candidate.id === comment.id);
		expect(same?.attachments.some((attachment) => attachment.inline)).toBe(false);
		expect(same?.attachments).toHaveLength(comment.attachments.length - inline.length);
		expect(same?.html_body).toBe(comment.html_body);
	});

	it('serves attachment bytes from content_url that match the seed byte for byte and the size the listing says', async () => {
		const found: Attachment[] = [];
		for (let ticket = 1; ticket <= 300 && found.length < 6; ticket += 1) {
			const answer = await getJson<CommentsPage>(`${url()}/api/v2/tickets/${ticket}/comments.json?include_inline_images=true`);
			for (const comment of answer.json.comments) for (const attachment of comment.attachments) if (attachment.size < 4_000_000) found.push(attachment);
		}
		const empty = await findComments((comment) => comment.attachments.some((attachment) => attachment.size === 0));
		found.push(...empty.comment.attachments.filter((attachment) => attachment.size === 0));
		expect(found.length).toBeGreaterThan(5);
		for (const attachment of found) {
			expect(attachment.content_url.startsWith(`${url()}/attachments/token/`)).toBe(true);
			const response = await fetch(attachment.content_url);
			const bytes = Buffer.from(await response.arrayBuffer());
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe(attachment.content_type);
			expect(bytes.length).toBe(attachment.size);
			expect(bytes.equals(fileBytes(SEED, attachment.id, attachment.content_type, 0, attachment.size))).toBe(true);
		}
	});

	it('answers a made-up attachment token with 404', async () => {
		const response = await fetch(`${url()}/attachments/token/abcdefgh12345/?name=x.pdf`);
		expect(response.status).toBe(404);
		await response.arrayBuffer();
	});

	it('says 404 RecordNotFound for the comments of a ticket that does not exist', async () => {
		const answer = await getJson(`${url()}/api/v2/tickets/999999/comments.json`);
		expect(answer.status).toBe(404);
		expect(answer.json).toEqual({ error: 'RecordNotFound', description: 'Not found' });
	});
});
