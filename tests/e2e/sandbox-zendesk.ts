// The sandbox Zendesk as the browser tests steer it: reset, add a ticket for a delta, and list every ticket the source holds.
import { expect } from '@playwright/test';
import { ZENDESK_SANDBOX_CREDENTIALS } from '../../server/sandbox/zendesk/credentials';
import { E2E_PORTS } from './ports';

const ZENDESK = `http://127.0.0.1:${E2E_PORTS.zendesk}`;

async function control(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
	const response = await fetch(`${ZENDESK}/__sandbox${path}`, {
		method,
		...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
	});
	expect(response.ok, `${method} ${path}`).toBe(true);
	return response.json();
}

interface ExportedTicket {
	id: number;
	status: string;
}

interface TicketExportPage {
	tickets: ExportedTicket[];
	after_url: string | null;
	end_of_stream: boolean;
}

export const sandboxZendesk = {
	reset: () => control('POST', '/reset'),
	state: async () => (await control('GET', '/state')) as { counts: { tickets: number }; mutations: { addedTickets: number } },
	/** Moves the sandbox's clock on: Zendesk's exports leave out their last minute, so a change shows once a minute has passed. */
	advanceClock: (ms: number) => control('POST', '/clock', { advanceMs: ms }),
	addTicket: async (ticket: { subject: string; comment: string; tags?: string[] }) => ((await control('POST', '/tickets', ticket)) as { ticket: ExportedTicket }).ticket,

	/** Every ticket of the source as its incremental export lists them (the way a migration reads them): deleted ones included, and those an AI agent handled. */
	async tickets(): Promise<ExportedTicket[]> {
		const auth = Buffer.from(`${ZENDESK_SANDBOX_CREDENTIALS.email}/token:${ZENDESK_SANDBOX_CREDENTIALS.apiToken}`).toString('base64');
		const tickets: ExportedTicket[] = [];
		let url: string | null = `${ZENDESK}/api/v2/incremental/tickets/cursor.json?start_time=0&per_page=1000&support_type_scope=all`;
		while (url) {
			const response = await fetch(url, { headers: { authorization: `Basic ${auth}` } });
			expect(response.ok, `GET ${url}`).toBe(true);
			const page = (await response.json()) as TicketExportPage;
			tickets.push(...page.tickets);
			url = page.end_of_stream ? null : page.after_url;
		}
		return tickets;
	}
};
