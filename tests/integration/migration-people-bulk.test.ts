// A run's customers and organizations go through Kayako's bulk endpoints: each lands once, complete, through lost and garbled answers and kills.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';
import type { User } from '../../src/lib/engine/model';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import type { MigrationStore } from '../../src/lib/engine/store';
import { dyingAt } from './dying-fetch';
import { peopleConnectors, sourceUsers } from './people-connectors';
import { newMigration, startHarness, type Harness } from './migration-harness';

let harness: Harness;

/** Kayako's clock: real time, but it can stand still, and then its bulk jobs stand still too. */
const clock = { pausedAt: undefined as number | undefined, lost: 0 };
const kayakoNow = () => clock.pausedAt ?? Date.now() - clock.lost;
function resumeKayako(): void {
	if (clock.pausedAt === undefined) return;
	clock.lost = Date.now() - clock.pausedAt;
	clock.pausedAt = undefined;
}

// Quick jobs, and as quick a wait for them and for the settle period of a send a kill cut short.
beforeAll(async () => {
	harness = await startHarness({ tickets: 10, seed: 23, jobTimeScale: 0.05, kayakoNow });
});
afterAll(() => harness.close());

const PEOPLE = { entities: ['teams', 'organizations', 'users'], migrateInactiveUsers: true };

const lower = (email: string) => email.trim().toLowerCase();

/** Every source user and organization is in Kayako at most once by legacy id; each user made has its organization and every address. Says how many customers were made. */
function expectPeopleComplete(view: KayakoAccountView, users: readonly User[]): number {
	const organizations = new Map<string, number>();
	for (const org of view.organizations.filter((each) => each.legacy_id)) {
		expect(organizations.has(org.legacy_id!), `organization ${org.legacy_id} once`).toBe(false);
		organizations.set(org.legacy_id!, org.id);
	}
	let customers = 0;
	for (const user of users) {
		const inKayako = view.users.filter((each) => each.legacy_id === user.id);
		if (inKayako.length === 0) continue; // matched by e-mail to a user Kayako had before
		expect(inKayako, `user ${user.id} once`).toHaveLength(1);
		const [made] = inKayako;
		if (user.organizationId) expect(made!.organization_id, `organization of user ${user.id}`).toBe(organizations.get(user.organizationId));
		expect(made!.emails.map(lower).sort(), `addresses of user ${user.id}`).toEqual(user.emails.map(lower).sort());
		if (user.role === 'customer') customers++;
	}
	return customers;
}

async function failedRows(store: MigrationStore, migrationId: string) {
	return (await store.listIdMap({ by: 'migration-status', migrationId, status: 'failed' }, { limit: 100 })).rows;
}

const requests = (route: string) => harness.kayako.state('acme').requests.byRoute[route] ?? 0;

describe('customers and organizations in bulk', () => {
	it('land once each with their organization and addresses, without a POST per customer or organization', async () => {
		harness.kayako.reset();
		const { store, settings } = await newMigration(harness, PEOPLE);
		const users = await sourceUsers(settings);
		const built = await peopleConnectors(settings);
		const run = await executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
		expect(run.error).toBeUndefined();
		expect(await failedRows(store, settings.id)).toEqual([]);
		const customers = expectPeopleComplete(harness.kayako.state('acme'), users);
		expect(customers).toBeGreaterThan(10);
		// Staff only are created one by one; customers and organizations come in a bulk call per source page.
		expect(requests('POST /users')).toBeLessThanOrEqual(users.filter((user) => user.role !== 'customer').length);
		expect(requests('POST /organizations')).toBe(0);
		expect(requests('POST /bulk/users')).toBeGreaterThan(0);
		expect(requests('POST /bulk/users')).toBeLessThan(customers / 5);
		expect(requests('POST /bulk/organizations')).toBeGreaterThan(0);
	}, 60_000);

	it('create nothing twice when the answers to the bulk calls and to the job polls are lost or garbled', async () => {
		harness.kayako.reset();
		const { store, settings } = await newMigration(harness, PEOPLE);
		const users = await sourceUsers(settings);
		harness.kayako.faults.set(
			[
				{ kind: 'drop-after', method: 'POST', path: '/bulk/organizations', times: 1 },
				{ kind: 'not-json', method: 'POST', path: '/bulk/users', times: 1 },
				{ kind: 'malformed-json', method: 'GET', path: '/jobs/*', probability: 0.3 },
				{ kind: 'not-json', method: 'GET', path: '/jobs/*', probability: 0.2 },
				{ kind: 'drop-after', method: 'GET', path: '/users', probability: 0.2 }
			],
			'acme'
		);
		const built = await peopleConnectors(settings);
		const run = await executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
		harness.kayako.faults.clear('acme');
		expect(run.error).toBeUndefined();
		expect(await failedRows(store, settings.id)).toEqual([]);
		expect(expectPeopleComplete(harness.kayako.state('acme'), users)).toBeGreaterThan(10);
		// Each bulk call whose answer was lost was settled by legacy id, not sent again.
		expect(requests('POST /bulk/organizations')).toBe(1);
		expect(requests('POST /bulk/users')).toBe(1);
		expect(requests('POST /users')).toBeLessThanOrEqual(users.filter((user) => user.role !== 'customer').length);
	}, 60_000);

	it('resume after a kill at the bulk call and one while its job is followed, and send the batch once', async () => {
		harness.kayako.reset();
		const { store, settings } = await newMigration(harness, PEOPLE);
		const users = await sourceUsers(settings);
		// Killed as the customers are sent: the call never reaches Kayako, but the run cannot know that ...
		const first = await peopleConnectors(settings, dyingAt('POST', /\/api\/v1\/bulk\/users/));
		let run = await executeRun({ store, source: first.source, target: first.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
		expect(run.state).toBe('failed');
		expect(requests('POST /bulk/users')).toBe(0);
		// ... so the resume gives that send its settle period, finds nothing, sends, and is killed while it waits for the job ...
		const second = await peopleConnectors(settings, dyingAt('GET', /\/api\/v1\/jobs\/\d+/));
		run = await executeRun({ store, source: second.source, target: second.target, migrationId: settings.id, resume: run.id });
		expect(run.state).toBe('failed');
		expect(requests('POST /bulk/users')).toBe(1);
		// ... and the last resume waits for that same job (kept with the pending rows), and sends nothing again.
		const pollsBefore = requests('GET /jobs/:id');
		const last = await peopleConnectors(settings);
		run = await executeRun({ store, source: last.source, target: last.target, migrationId: settings.id, resume: run.id });
		expect(run.error).toBeUndefined();
		expect(run.state).toBe('finished');
		expect(await failedRows(store, settings.id)).toEqual([]);
		expect(requests('POST /bulk/users')).toBe(1);
		expect(requests('GET /jobs/:id')).toBeGreaterThan(pollsBefore);
		expect(expectPeopleComplete(harness.kayako.state('acme'), users)).toBeGreaterThan(10);
	}, 60_000);
});

/** A fetch that hands each request's method and decoded address to `step` first; `step` may kill it, as a closed tab does. */
function fetchWith(step: (method: string, url: string) => 'die' | 'pass'): typeof globalThis.fetch {
	let dead = false;
	return async (input, init) => {
		const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
		const url = decodeURIComponent(input instanceof Request ? input.url : String(input));
		if (dead || step(method, url) === 'die') {
			dead = true;
			throw new TypeError('fetch failed: the worker is gone');
		}
		return fetch(input, init);
	};
}

describe('a customer a ticket needs while the bulk job that creates it may still run', () => {
	it('is not created a second time: the job kept with its pending row is followed first', async () => {
		harness.kayako.reset();
		const { store, settings } = await newMigration(harness, PEOPLE);
		const users = await sourceUsers(settings);
		// Killed at the first poll of the customers' job, with Kayako's clock standing still: the job has not run yet.
		let customersSent = false;
		const first = await peopleConnectors(
			settings,
			fetchWith((method, url) => {
				if (method === 'POST' && url.includes('/api/v1/bulk/users')) customersSent = true;
				if (!customersSent || !url.includes('/api/v1/jobs/')) return 'pass';
				clock.pausedAt ??= kayakoNow();
				return 'die';
			})
		);
		const killed = await executeRun({ store, source: first.source, target: first.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
		expect(killed.state).toBe('failed');
		// A later run moves only tickets: their requesters are created on the spot. Kayako runs the job once it is asked about it.
		const later = await peopleConnectors(
			settings,
			fetchWith((_method, url) => {
				if (url.includes('/api/v1/jobs/')) resumeKayako();
				return 'pass';
			})
		);
		const postsBefore = requests('POST /users');
		const run = await executeRun({ store, source: later.source, target: later.target, migrationId: settings.id, kind: 'full', options: { ...pipelineOptionsFrom(settings), entities: ['teams', 'tickets'] } });
		resumeKayako();
		expect(run.error).toBeUndefined();
		// No requester was sent alone beside the job that creates it (Kayako's unique addresses would only hide a second
		// create of those that have one).
		expect(requests('POST /users')).toBe(postsBefore);
		// Every job has run by now: each customer is in Kayako once, and the tickets' requesters are ours, found after the job.
		harness.kayako.advanceClock(60_000);
		const view = harness.kayako.state('acme');
		for (const user of users) expect(view.users.filter((each) => each.legacy_id === user.id).length, `user ${user.id} at most once`).toBeLessThanOrEqual(1);
		const migrated = (await store.listIdMap({ by: 'migration-status', migrationId: settings.id, status: 'migrated' }, { limit: 500 })).rows.filter((row) => row.entity === 'users');
		expect(migrated.length).toBeGreaterThan(0);
		for (const row of migrated) expect(view.users.find((each) => each.id === Number(row.kayakoId))?.legacy_id ?? row.sourceId).toBe(row.sourceId);
	}, 60_000);
});
