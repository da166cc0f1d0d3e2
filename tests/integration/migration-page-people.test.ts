// The customers a page of tickets names that the users stage skipped (deleted, so inactive) are read together and made
// in one bulk before the tickets: each case still gets its own requester, made once, and a failing read loses nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/lib/engine/model';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import type { MigrationSettings, MigrationStore } from '../../src/lib/engine/store';
import { connectors, newMigration, startHarness, type Harness } from './migration-harness';
import { sourceUsers } from './people-connectors';

let harness: Harness;

beforeAll(async () => {
	harness = await startHarness({ tickets: 120, seed: 42 });
});
afterAll(() => harness.close());

const kayakoRequests = (route: string) => harness.kayako.state('acme').requests.byRoute[route] ?? 0;
const zendeskRequests = (route: string) => harness.zendesk.state().requests.byRoute[route] ?? 0;

async function run(store: MigrationStore, settings: MigrationSettings) {
	const built = await connectors(settings);
	return executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
}

/** The live tickets whose requester the users stage skips: a customer Zendesk lists as inactive (deleted). */
async function ticketsOfInactiveRequesters(settings: MigrationSettings, users: readonly User[]): Promise<Map<string, string>> {
	const inactive = new Set(users.filter((user) => user.role === 'customer' && !user.active).map((user) => user.id));
	const { source } = await connectors(settings);
	const byTicket = new Map<string, string>();
	for await (const page of source.tickets()) {
		for (const ticket of page.records) if (!ticket.deleted && ticket.requesterId && inactive.has(ticket.requesterId)) byTicket.set(ticket.id, ticket.requesterId);
	}
	return byTicket;
}

/** Each such ticket's case names its requester, made once under the source's id, and the run failed nothing. */
function expectRequestersInKayako(byTicket: ReadonlyMap<string, string>): void {
	const view = harness.kayako.state('acme');
	for (const [ticketId, requesterId] of byTicket) {
		const made = view.users.filter((user) => user.legacy_id === requesterId);
		expect(made, `requester ${requesterId} once`).toHaveLength(1);
		const kase = view.cases.filter((each) => each.legacy_id === ticketId);
		expect(kase, `ticket ${ticketId} once`).toHaveLength(1);
		expect(kase[0]!.requester_id, `requester of ticket ${ticketId}`).toBe(made[0]!.id);
	}
}

describe('customers a page of tickets needs, made together', () => {
	it('reads them in one request per hundred and makes them in bulk, none one at a time', async () => {
		harness.kayako.reset();
		harness.zendesk.reset();
		const { store, settings } = await newMigration(harness);
		const users = await sourceUsers(settings);
		const byTicket = await ticketsOfInactiveRequesters(settings, users);
		expect(new Set(byTicket.values()).size, 'deleted customers who still own tickets').toBeGreaterThan(1);
		harness.zendesk.reset();
		const result = await run(store, settings);
		expect(result.error).toBeUndefined();
		expectRequestersInKayako(byTicket);
		expect(zendeskRequests('/api/v2/users/show_many')).toBeGreaterThan(0);
		expect(zendeskRequests('/api/v2/users/:id'), 'no user read alone').toBe(0);
		// Staff go one at a time (the documented way); the customers tickets needed came in a bulk call.
		const staff = users.filter((user) => user.role !== 'customer').length;
		expect(kayakoRequests('POST /users')).toBeLessThanOrEqual(staff);
	}, 120_000);

	it('falls back to each ticket reading its own when the read of many keeps failing, and still makes each requester once', async () => {
		harness.kayako.reset();
		harness.zendesk.reset();
		const { store, settings } = await newMigration(harness);
		const byTicket = await ticketsOfInactiveRequesters(settings, await sourceUsers(settings));
		harness.zendesk.reset();
		harness.zendesk.faults.add({ kind: 'server-error', path: '/api/v2/users/show_many*' });
		const result = await run(store, settings);
		expect(result.error).toBeUndefined();
		expectRequestersInKayako(byTicket);
		expect(zendeskRequests('/api/v2/users/:id')).toBeGreaterThanOrEqual(new Set(byTicket.values()).size);
		const events = await store.listEvents(settings.id, { limit: 1000 });
		expect(events.some((event) => event.level === 'warn' && /could not be brought together/.test(event.message))).toBe(true);
	}, 120_000);
});
