// Users keep their organization and extra e-mail addresses when a create's answer is lost or garbled, or a kill cuts a create short.
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

beforeAll(async () => {
	harness = await startHarness({ tickets: 10, seed: 11 });
});
afterAll(() => harness.close());

const PEOPLE = { entities: ['teams', 'organizations', 'users'], migrateInactiveUsers: true };

const lower = (email: string) => email.trim().toLowerCase();

/**
 * Every user this tool created in Kayako (found by legacy id, once) has the organization its source user has and all
 * of its addresses. Says how many users with an organization and with extra addresses were checked.
 */
function expectUsersComplete(view: KayakoAccountView, users: readonly User[]): { withOrganization: number; withExtraEmails: number } {
	const organizations = new Map(view.organizations.filter((org) => org.legacy_id).map((org) => [org.legacy_id as string, org.id]));
	let withOrganization = 0;
	let withExtraEmails = 0;
	for (const user of users) {
		const inKayako = view.users.filter((each) => each.legacy_id === user.id);
		if (inKayako.length === 0) continue; // matched by e-mail to a user Kayako had before
		expect(inKayako, `user ${user.id} once`).toHaveLength(1);
		const [created] = inKayako;
		if (user.organizationId) {
			expect(organizations.has(user.organizationId), `organization ${user.organizationId} in Kayako`).toBe(true);
			expect(created!.organization_id, `organization of user ${user.id}`).toBe(organizations.get(user.organizationId));
			withOrganization++;
		}
		expect(created!.emails.map(lower).sort(), `addresses of user ${user.id}`).toEqual(user.emails.map(lower).sort());
		if (user.emails.length > 1) withExtraEmails++;
	}
	return { withOrganization, withExtraEmails };
}

async function failedRows(store: MigrationStore, migrationId: string) {
	return (await store.listIdMap({ by: 'migration-status', migrationId, status: 'failed' }, { limit: 100 })).rows;
}

describe('users whose create answer is lost or garbled', () => {
	it('still get their organization and extra e-mail addresses, created once', async () => {
		harness.kayako.reset();
		const { store, settings } = await newMigration(harness, PEOPLE);
		const users = await sourceUsers(settings);
		harness.kayako.faults.set(
			[
				// Kayako creates the user, then the answer is lost or comes back cut off.
				{ kind: 'drop-after', method: 'POST', path: '/users', probability: 0.3 },
				{ kind: 'malformed-json', method: 'POST', path: '/users', probability: 0.3 },
				// A gateway's page in place of Kayako's answer after it acted: unknown, never "not Kayako".
				{ kind: 'not-json', method: 'POST', path: '/users', probability: 0.2 },
				{ kind: 'not-json', method: 'PUT', path: '/users/*', probability: 0.1 },
				// The organization and an extra address are set, and that answer is lost too.
				{ kind: 'drop-after', method: 'PUT', path: '/users/*', probability: 0.2 },
				{ kind: 'malformed-json', method: 'PUT', path: '/users/*', probability: 0.2 },
				{ kind: 'drop-after', method: 'POST', path: '/identities/emails', probability: 0.3 },
				{ kind: 'malformed-json', method: 'POST', path: '/identities/emails', probability: 0.2 }
			],
			'acme'
		);
		const built = await peopleConnectors(settings);
		const run = await executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
		harness.kayako.faults.clear('acme');
		expect(run.error).toBeUndefined();
		expect(run.state).toBe('finished');
		expect(await failedRows(store, settings.id)).toEqual([]);
		const view = harness.kayako.state('acme');
		const checked = expectUsersComplete(view, users);
		expect(checked.withOrganization).toBeGreaterThan(5);
		expect(checked.withExtraEmails).toBeGreaterThan(0);
		// The faults did fire: users were found again after lost answers and finished (only then are their addresses read back).
		expect(view.requests.byRoute['GET /identities/emails'] ?? 0).toBeGreaterThan(0);
	}, 120_000);
});

describe('users whose create a kill cuts short', () => {
	it('are finished on resume: organization set and extra addresses added, nothing twice', async () => {
		harness.kayako.reset();
		const { store, settings } = await newMigration(harness, PEOPLE);
		const users = await sourceUsers(settings);
		// Killed right after Kayako created a user, before its organization is set ...
		const first = await peopleConnectors(settings, dyingAt('PUT', /\/api\/v1\/users\/\d+/));
		let run = await executeRun({ store, source: first.source, target: first.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
		expect(run.state).toBe('failed');
		// ... and, on resume, right before an extra address is added.
		const second = await peopleConnectors(settings, dyingAt('POST', /\/api\/v1\/identities\/emails/));
		run = await executeRun({ store, source: second.source, target: second.target, migrationId: settings.id, resume: run.id });
		expect(run.state).toBe('failed');
		const last = await peopleConnectors(settings);
		run = await executeRun({ store, source: last.source, target: last.target, migrationId: settings.id, resume: run.id });
		expect(run.error).toBeUndefined();
		expect(run.state).toBe('finished');
		expect(await failedRows(store, settings.id)).toEqual([]);
		const checked = expectUsersComplete(harness.kayako.state('acme'), users);
		expect(checked.withOrganization).toBeGreaterThan(5);
		expect(checked.withExtraEmails).toBeGreaterThan(0);
	}, 120_000);
});
