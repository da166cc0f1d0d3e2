// A customer or organization found after a kill (its bulk job ran, nobody heard) still says in the report what was left out of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import { adminSession } from './kayako-writer-helpers';
import { newMigration, startHarness, type Harness } from './migration-harness';
import { peopleConnectors, sourceUsers } from './people-connectors';

let harness: Harness;

beforeAll(async () => {
	harness = await startHarness({ tickets: 6, seed: 31, jobTimeScale: 0.05 });
});
afterAll(() => harness.close());

const PEOPLE = { entities: ['teams', 'organizations', 'users'], migrateInactiveUsers: true };

/**
 * A fetch that dies for good (a killed tab) at the first look-up by legacy id of `kind` after the second bulk call of
 * that kind was polled: the second round (rows sent again without what Kayako refused) ran, nobody heard what it made.
 */
function dyingAfterSecondRound(kind: 'users' | 'organizations'): typeof globalThis.fetch {
	let bulkCalls = 0;
	let polled = false;
	let dead = false;
	return async (input, init) => {
		const url = decodeURIComponent(input instanceof Request ? input.url : String(input));
		const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
		if (method === 'POST' && url.includes(`/api/v1/bulk/${kind}`)) bulkCalls++;
		if (bulkCalls === 2 && url.includes('/api/v1/jobs/')) polled = true;
		if (dead || (polled && url.includes(`/api/v1/${kind}.json`) && url.includes('legacy_ids='))) {
			dead = true;
			throw new TypeError('fetch failed: the worker is gone');
		}
		return fetch(input, init);
	};
}

/** A first run killed after the second bulk round of `kind`, then a resume on a healthy connection: the migration's store. */
async function killedThenResumed(kind: 'users' | 'organizations') {
	const { store, settings } = await newMigration(harness, PEOPLE);
	const dying = await peopleConnectors(settings, dyingAfterSecondRound(kind));
	const first = await executeRun({ store, source: dying.source, target: dying.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
	expect(first.state).toBe('failed');
	const healthy = await peopleConnectors(settings);
	const second = await executeRun({ store, source: healthy.source, target: healthy.target, migrationId: settings.id, resume: first.id });
	expect(second.error).toBeUndefined();
	expect(second.state).toBe('finished');
	return { store, settings };
}

describe('people found again after a kill', () => {
	it('a customer keeps the note of the address Kayako refused', async () => {
		harness.kayako.reset();
		const { settings } = await newMigration(harness, PEOPLE);
		const customer = (await sourceUsers(settings)).find((user) => user.role === 'customer' && user.active && user.emails.length === 1)!;
		harness.zendesk.overrideUser(Number(customer.id), { email: 'not an address' });
		try {
			const { store, settings: migration } = await killedThenResumed('users');
			const row = await store.getIdMapRow({ migrationId: migration.id, entity: 'users', sourceId: customer.id });
			expect(row?.status).toBe('migrated');
			expect(row?.reason ?? '').toContain('not an address');
			// Made once, without the address, by the second round the kill cut short.
			expect(harness.kayako.state('acme').users.filter((user) => user.legacy_id === customer.id)).toHaveLength(1);
			expect(harness.kayako.state('acme').requests.byRoute['POST /bulk/users']).toBe(2);
		} finally {
			harness.zendesk.overrideUser(Number(customer.id), { email: customer.emails[0]! });
		}
	}, 60_000);

	it('an organization keeps the note of the domains another Kayako organization owns', async () => {
		harness.kayako.reset();
		const { source } = await peopleConnectors((await newMigration(harness, PEOPLE)).settings);
		const organizations = [];
		for await (const page of source.organizations()) organizations.push(...page.records);
		const owner = organizations.find((organization) => organization.domains.length > 0)!;
		const domain = owner.domains[0]!;
		// Kayako has an organization of its own with that domain already.
		await adminSession(harness.kayako).request({ method: 'POST', path: 'organizations.json', json: { name: 'Kayako’s own', domains: [domain] } });

		const { store, settings } = await killedThenResumed('organizations');
		const row = await store.getIdMapRow({ migrationId: settings.id, entity: 'organizations', sourceId: owner.id });
		expect(row?.status).toBe('migrated');
		expect(row?.reason ?? '').toContain(domain);
		expect(harness.kayako.state('acme').organizations.filter((organization) => organization.legacy_id === owner.id)).toHaveLength(1);
		expect(harness.kayako.state('acme').requests.byRoute['POST /bulk/organizations']).toBe(2);
	}, 60_000);
});
