// Customers and organizations through Kayako's bulk endpoints: each lands once with its organization and addresses, refused rows are reported, lost answers create nothing twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKayakoSandbox, type KayakoSandbox } from '../../server/sandbox/kayako/index';
import { createOrganizationsInBulk } from '../../src/lib/engine/connectors/kayako/writer/bulk-organizations';
import { createCustomersInBulk } from '../../src/lib/engine/connectors/kayako/writer/bulk-users';
import { finishUser, readUsersByLegacyIds } from '../../src/lib/engine/connectors/kayako/writer/users';
import type { Organization, User } from '../../src/lib/engine/model';
import { adminSession, MemoryJobs, writeContext, type TestContext } from './kayako-writer-helpers';

let sandbox: KayakoSandbox;
let ctx: TestContext;

function customer(id: string, overrides: Partial<User> = {}): User {
	return { id, name: `Customer ${id}`, role: 'customer', active: true, suspended: false, emails: [`${id.toLowerCase()}@bulk.example`], phones: [], teamIds: [], tags: [], fields: {}, ...overrides };
}

function organization(id: string, overrides: Partial<Organization> = {}): Organization {
	return { id, name: `Organization ${id}`, domains: [], tags: [], fields: {}, ...overrides };
}


const routes = () => sandbox.state().requests.byRoute;
const count = (route: string) => routes()[route] ?? 0;
const usersWithLegacyId = (id: string) => sandbox.state().users.filter((user) => user.legacy_id === id);

beforeAll(async () => {
	// Kayako's clock moves only as the writer waits: its jobs run while it polls them.
	const frozen = Date.now();
	sandbox = createKayakoSandbox({ accounts: ['acme'], now: () => frozen });
	await sandbox.listen(0, '127.0.0.1');
	ctx = writeContext(adminSession(sandbox), { sleep: async (ms) => sandbox.advanceClock(ms) });
});

beforeEach(() => sandbox.faults.clear());

afterAll(() => sandbox.close());

describe('organizations and customers in bulk', () => {
	it('creates each once with its organization and every address, in one bulk call per kind, and reports refused rows as one by one did', async () => {
		const taken = sandbox.state().organizations.find((org) => org.domains.length > 0)!.domains[0]!;
		const orgEnds = await createOrganizationsInBulk(ctx, [organization('O1', { domains: ['o1.example'] }), organization('O2', { domains: [taken] }), organization('O3')]);
		expect([...orgEnds.values()].map((end) => end.ok)).toEqual([true, true, true]);
		// The organization whose domain another one owns came without its domains, and the report says so.
		expect(orgEnds.get('O2')).toMatchObject({ ok: true, warnings: [{ message: expect.stringContaining(taken) }] });
		for (const id of ['O1', 'O2', 'O3']) expect(sandbox.state().organizations.filter((org) => org.legacy_id === id)).toHaveLength(1);
		expect(count('POST /bulk/organizations')).toBe(2);
		expect(count('POST /organizations')).toBe(0);
		for (const [id, end] of orgEnds) if (end.ok) ctx.ids.set(`organizations:${id}`, end.id);

		const existing = sandbox.state().users.find((user) => user.role === 'CUSTOMER' && user.emails.length > 0)!;
		const users = [
			customer('C1', { organizationId: 'O1' }),
			customer('C2', { organizationId: 'O3', emails: ['c2@bulk.example', 'c2.other@bulk.example', 'c2.third@bulk.example'] }),
			customer('C3', { emails: ['not an address'] }),
			customer('C4', { emails: [existing.emails[0]!.toUpperCase()], organizationId: 'O1' }),
			customer('C5', { organizationId: 'O-never-migrated' })
		];
		const putsBefore = count('PUT /users/:id');
		const ends = await createCustomersInBulk(ctx, users, new Map());
		expect([...ends.values()].map((end) => end.ok)).toEqual([true, true, true, true, true]);
		expect(count('POST /users')).toBe(0);
		// C3's junk address is refused: C3 goes again without it, in a second bulk call.
		expect(count('POST /bulk/users')).toBe(2);
		expect(ends.get('C3')).toMatchObject({ ok: true, warnings: [{ message: expect.stringContaining('not an address') }] });
		// C4's address belongs to a Kayako user: that user is C4, matched, not changed.
		expect(ends.get('C4')).toMatchObject({ ok: true, id: existing.id, matched: true });
		expect(usersWithLegacyId('C4')).toEqual([]);
		expect(ends.get('C5')).toMatchObject({ ok: true, warnings: [{ message: expect.stringContaining('O-never-migrated') }] });
		const view = sandbox.state();
		const orgId = (id: string) => ctx.ids.get(`organizations:${id}`);
		for (const user of users.filter((each) => each.id !== 'C4')) {
			const inKayako = view.users.filter((each) => each.legacy_id === user.id);
			expect(inKayako, `user ${user.id} once`).toHaveLength(1);
			expect(inKayako[0]!.organization_id).toBe(user.organizationId ? (orgId(user.organizationId) ?? null) : null);
			expect(inKayako[0]!.emails.sort()).toEqual(user.id === 'C3' ? [] : [...user.emails].sort());
		}
		// The sandbox does not apply organization_id on a bulk create: the PUT follows, only for the users it did not take for.
		expect(count('PUT /users/:id') - putsBefore).toBe(2);
		// The extra addresses of a user just made are added without asking Kayako what it has: the read-back said.
		expect(count('GET /identities/emails')).toBe(0);
	}, 30_000);
});

describe('a row Kayako refuses', () => {
	it('fails that customer alone, with Kayako\'s reason, and the rest of the batch is created', async () => {
		// A value for a user field Kayako does not have: the row is refused, partial import keeps the others.
		ctx.fields.set('F-gone', { id: 9999, key: 'gone_field', type: 'TEXT', family: 'user', optionIds: new Map() });
		const ends = await createCustomersInBulk(ctx, [customer('R1', { fields: { 'F-gone': 'value' } }), customer('R2')], new Map());
		expect(ends.get('R1')).toMatchObject({ ok: false, error: { kind: 'invalid-request', message: expect.stringContaining('Kayako refused user R1') } });
		expect(ends.get('R2')).toMatchObject({ ok: true });
		expect(usersWithLegacyId('R1')).toEqual([]);
		expect(usersWithLegacyId('R2')).toHaveLength(1);
	});
});

describe('a customer whose organization and addresses took on the bulk create', () => {
	it('gets no PUT and no address added: only what the read-back lacks is set', async () => {
		const [made] = [...(await createCustomersInBulk(ctx, [customer('T1', { emails: ['t1@bulk.example', 't1.other@bulk.example'] })], new Map())).values()];
		expect(made).toMatchObject({ ok: true });
		const id = (made as { id: number }).id;
		// Kayako may apply organization_id on a bulk create (undocumented): here it is set as if it had, and the address too.
		await ctx.session.request({ method: 'PUT', path: `users/${id}.json`, json: { organization_id: ctx.ids.get('organizations:O1') } });
		const [held] = [...(await readUsersByLegacyIds(ctx.session, ['T1'])).values()];
		expect(held).toEqual({ id, organizationId: ctx.ids.get('organizations:O1'), emails: new Set(['t1@bulk.example', 't1.other@bulk.example']) });
		const before = { ...routes() };
		const warnings = await finishUser(ctx, customer('T1', { organizationId: 'O1', emails: ['t1@bulk.example', 't1.other@bulk.example'] }), id, true, held);
		expect(warnings).toEqual([]);
		expect(routes()).toEqual(before);
	});
});

describe('bulk creates whose answers go astray', () => {
	it('finds the customers of a bulk call whose answer was lost and of a job whose polls come back garbled, and sends nothing again', async () => {
		const bulkBefore = count('POST /bulk/users');
		sandbox.faults.add({ kind: 'drop-after', method: 'POST', path: '/bulk/users', times: 1 });
		const lost = await createCustomersInBulk(ctx, [customer('L1', { organizationId: 'O1' }), customer('L2')], new Map());
		expect([...lost.values()].map((end) => end.ok)).toEqual([true, true]);
		sandbox.faults.add({ kind: 'malformed-json', method: 'GET', path: '/jobs/*', times: 2 });
		sandbox.faults.add({ kind: 'not-json', method: 'GET', path: '/jobs/*', times: 1 });
		const garbled = await createCustomersInBulk(ctx, [customer('G1', { organizationId: 'O1' })], new Map());
		expect(garbled.get('G1')).toMatchObject({ ok: true });
		expect(count('POST /bulk/users') - bulkBefore).toBe(2);
		for (const id of ['L1', 'L2', 'G1']) expect(usersWithLegacyId(id), `user ${id} once`).toHaveLength(1);
		expect(usersWithLegacyId('L1')[0]!.organization_id).toBe(ctx.ids.get('organizations:O1'));
	}, 30_000);

	it('finds the organizations of a bulk call whose answer came back as a gateway page, and sends nothing again', async () => {
		const bulkBefore = count('POST /bulk/organizations');
		sandbox.faults.add({ kind: 'not-json', method: 'POST', path: '/bulk/organizations', times: 1 });
		const ends = await createOrganizationsInBulk(ctx, [organization('N1'), organization('N2')]);
		expect([...ends.values()].map((end) => end.ok)).toEqual([true, true]);
		expect(count('POST /bulk/organizations') - bulkBefore).toBe(1);
		for (const id of ['N1', 'N2']) expect(sandbox.state().organizations.filter((org) => org.legacy_id === id)).toHaveLength(1);
	}, 30_000);

	it('keeps a job that outlives the wait, sends nothing while it runs, and finishes its customers once it has ended', async () => {
		const bulkBefore = count('POST /bulk/users');
		const stalled = writeContext(ctx.session, { sleep: async () => {} });
		stalled.ids.set('organizations:O1', ctx.ids.get('organizations:O1')!);
		const jobs = new MemoryJobs();
		jobs.maxWaitMs = 10_000;
		const users = [customer('S1', { organizationId: 'O1', emails: ['s1@bulk.example', 's1.second@bulk.example'] })];
		const first = await createCustomersInBulk(stalled, users, new Map(), jobs);
		expect(first.get('S1')).toMatchObject({ ok: false, error: { kind: 'timeout' } });
		const jobId = jobs.started.get('S1')!;
		expect(jobs.ended_.has(jobId)).toBe(false);
		// The next attempt while the job still runs waits for it again and sends nothing.
		const second = await createCustomersInBulk(stalled, users, new Map(), jobs);
		expect(second.get('S1')).toMatchObject({ ok: false });
		sandbox.advanceClock(60_000);
		const third = await createCustomersInBulk(stalled, users, new Map(), jobs);
		expect(third.get('S1')).toMatchObject({ ok: true });
		expect(count('POST /bulk/users') - bulkBefore).toBe(1);
		const [made] = usersWithLegacyId('S1');
		expect(made!.organization_id).toBe(ctx.ids.get('organizations:O1'));
		expect(made!.emails.sort()).toEqual(['s1.second@bulk.example', 's1@bulk.example']);
	}, 30_000);
});
