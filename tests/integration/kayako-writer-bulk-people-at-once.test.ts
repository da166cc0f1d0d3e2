// A call with more customers than one bulk batch sends the next batch while Kayako runs the last one's job, and still makes each customer once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKayakoSandbox, type KayakoSandbox } from '../../server/sandbox/kayako/index';
import { createCustomersInBulk } from '../../src/lib/engine/connectors/kayako/writer/bulk-users';
import type { User } from '../../src/lib/engine/model';
import { adminSession, writeContext, type TestContext } from './kayako-writer-helpers';

let sandbox: KayakoSandbox;
let ctx: TestContext;
/** The most bulk jobs Kayako was running at once whenever the writer waited. */
let mostRunning = 0;

function customer(index: number): User {
	const id = `AT${index}`;
	return { id, name: `Customer ${id}`, role: 'customer', active: true, suspended: false, emails: [`${id.toLowerCase()}@at-once.example`], phones: [], teamIds: [], tags: [], fields: {} };
}

beforeAll(async () => {
	// Kayako's clock moves only as the writer waits: its jobs run while it polls them.
	const frozen = Date.now();
	sandbox = createKayakoSandbox({ accounts: ['acme'], now: () => frozen });
	await sandbox.listen(0, '127.0.0.1');
	ctx = writeContext(adminSession(sandbox), {
		sleep: async (ms) => {
			mostRunning = Math.max(mostRunning, sandbox.state().jobs.filter((job) => job.status === 'PENDING' || job.status === 'PROCESSING').length);
			sandbox.advanceClock(ms);
		}
	});
});

afterAll(() => sandbox.close());

describe('customers in more than one bulk batch', () => {
	it('are sent two batches at a time, each customer made once', async () => {
		const users = Array.from({ length: 450 }, (_, index) => customer(index));
		const ends = await createCustomersInBulk(ctx, users, new Map());
		expect([...ends.values()].filter((end) => end.ok)).toHaveLength(450);
		for (const user of users) expect(sandbox.state().users.filter((made) => made.legacy_id === user.id), `customer ${user.id}`).toHaveLength(1);
		expect(sandbox.state().requests.byRoute['POST /bulk/users']).toBe(3);
		expect(mostRunning).toBe(2);
	}, 60_000);
});
