// The steps after a user's create (organization, extra addresses) against the sandbox: run again on a user cut short, nothing twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KayakoSandbox } from '../../server/sandbox/kayako/index';
import { createOrganization } from '../../src/lib/engine/connectors/kayako/writer/organizations';
import { referenceData, roleIdFor } from '../../src/lib/engine/connectors/kayako/writer/reference-data';
import { finishUser } from '../../src/lib/engine/connectors/kayako/writer/users';
import type { User } from '../../src/lib/engine/model';
import { adminSession, startWriterSandbox, writeContext, type TestContext } from './kayako-writer-helpers';

let sandbox: KayakoSandbox;
let ctx: TestContext;

beforeAll(async () => {
	sandbox = await startWriterSandbox();
	ctx = writeContext(adminSession(sandbox));
});

afterAll(() => sandbox.close());

const ann: User = { id: 'U7', name: 'Ann Lee', role: 'customer', active: true, suspended: false, emails: ['ann@initech.example', 'ann.lee@home.example', 'ann@work.example'], phones: [], organizationId: 'O7', teamIds: [], tags: [], fields: {} };

describe('finishing a user whose create was cut short', () => {
	it('sets the organization and adds only the missing addresses, however often it runs', async () => {
		const org = await createOrganization(ctx, { id: 'O7', name: 'Initech', domains: [], tags: [], fields: {} });
		ctx.ids.set('organizations:O7', org.id);
		// The create alone went through (with its primary address), then one extra address, then the run died.
		const { data } = await ctx.session.request<{ id: number }>({ method: 'POST', path: 'users.json', json: { full_name: 'Ann Lee', role_id: roleIdFor(await referenceData(ctx.session), 'customer'), legacy_id: 'U7', email: 'ann@initech.example' } });
		await ctx.session.request({ method: 'POST', path: 'identities/emails.json', json: { user_id: data.id, email: 'ann.lee@home.example', is_primary: false } });

		expect(await finishUser(ctx, ann, data.id)).toEqual([]);
		expect(await finishUser(ctx, ann, data.id)).toEqual([]);
		const held = sandbox.state().users.find((each) => each.id === data.id)!;
		expect(held.organization_id).toBe(org.id);
		expect([...held.emails].sort()).toEqual([...ann.emails].sort());
	});
});
