// The Zendesk sandbox takes given records for the bad-input corpus: raw ticket values, files of any size, user overrides, export quirks.
import { describe, expect, it } from 'vitest';
import { getJson, useSandbox } from './zendesk-sandbox-fixtures';

const zendesk = useSandbox({ tickets: 20 });

interface TicketPage {
	tickets: { id: number; status: string; tags: string[] }[];
	after_cursor: string;
	end_of_stream: boolean;
}

async function control(method: string, path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
	const response = await fetch(`${zendesk.url()}/__sandbox/${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('seeding given records into the Zendesk sandbox', () => {
	it('keeps a ticket\'s values as given: an unknown status, a tag with a comma, raw HTML, more comments, files of any size', async () => {
		const ticket = zendesk.sandbox().addTicket({
			subject: 'Raw values',
			comment: 'First.',
			html: '<p>First.</p><script>alert(1)</script>',
			status: 'escalated',
			tags: ['billing,urgent'],
			files: [
				{ file_name: 'empty.txt', content_type: 'text/plain', size: 0 },
				{ file_name: 'big.bin', size: 25 * 1024 * 1024 }
			],
			comments: [{ body: 'Second.', public: false }]
		});
		const shown = await getJson<{ ticket: { status: string; tags: string[] } }>(`${zendesk.url()}/api/v2/tickets/${ticket.id}.json`);
		expect(shown.json.ticket.status).toBe('escalated');
		expect(shown.json.ticket.tags).toEqual(['billing,urgent']);
		const comments = await getJson<{ comments: { html_body: string; public: boolean; attachments: { file_name: string; size: number; content_url: string }[] }[] }>(`${zendesk.url()}/api/v2/tickets/${ticket.id}/comments.json`);
		expect(comments.json.comments).toHaveLength(2);
		expect(comments.json.comments[0]?.html_body).toContain('<script>');
		expect(comments.json.comments[1]?.public).toBe(false);
		const files = comments.json.comments[0]?.attachments ?? [];
		expect(files.map((file) => [file.file_name, file.size])).toEqual([
			['empty.txt', 0],
			['big.bin', 25 * 1024 * 1024]
		]);
		const empty = await fetch(files[0]!.content_url);
		expect(empty.status).toBe(200);
		expect((await empty.arrayBuffer()).byteLength).toBe(0);
	});

	it('adds a deleted ticket: gone from the API, in the export as deleted', () => {
		const ticket = zendesk.sandbox().addTicket({ subject: 'Spam', deleted: true });
		expect(zendesk.sandbox().state().mutations.addedTickets).toBeGreaterThan(0);
		return getJson(`${zendesk.url()}/api/v2/tickets/${ticket.id}.json`).then((answer) => expect(answer.status).toBe(404));
	});

	it('lays fields over a generated user over HTTP: an invalid address, a suspension', async () => {
		const answer = await control('PATCH', 'users/10000020', { email: 'not an address', suspended: true });
		expect(answer.status).toBe(200);
		const shown = await getJson<{ user: { email: string; suspended: boolean; id: number } }>(`${zendesk.url()}/api/v2/users/10000020.json`);
		expect(shown.json.user).toMatchObject({ id: 10000020, email: 'not an address', suspended: true });
		expect((await control('PATCH', 'users/999', {})).status).toBe(404);
	});

	it('serves one export page twice, or hands back a cursor that never advances', async () => {
		const exportUrl = (cursor?: string) => `${zendesk.url()}/api/v2/incremental/tickets/cursor.json?${cursor ? `cursor=${encodeURIComponent(cursor)}` : 'start_time=0'}&per_page=10`;
		expect((await control('PUT', 'export-quirks', { repeatPages: 1 })).json.quirks).toEqual({ repeatPages: 1, stuckCursor: false });
		const first = await getJson<TicketPage>(exportUrl());
		const again = await getJson<TicketPage>(exportUrl(first.json.after_cursor));
		expect(again.json.tickets.map((ticket) => ticket.id)).toEqual(first.json.tickets.map((ticket) => ticket.id));
		const onwards = await getJson<TicketPage>(exportUrl(again.json.after_cursor));
		expect(onwards.json.tickets[0]?.id).not.toBe(first.json.tickets[0]?.id);

		await control('PUT', 'export-quirks', { stuckCursor: true });
		const stuck = await getJson<TicketPage>(exportUrl(onwards.json.after_cursor));
		const still = await getJson<TicketPage>(exportUrl(stuck.json.after_cursor));
		expect(still.json.after_cursor).toBe(stuck.json.after_cursor);
		expect(still.json.end_of_stream).toBe(false);
		zendesk.sandbox().reset();
		expect((await control('PUT', 'export-quirks', {})).json.quirks).toEqual({ repeatPages: 0, stuckCursor: false });
	});
});
