// A referenced user the run could not have (not found in the source, or not migrated like an inactive agent) is asked for once per run, not once per ticket.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { RunContext } from '../../src/lib/engine/pipeline/context';
import { ReferenceResolver } from '../../src/lib/engine/pipeline/references';
import { openStore } from '../../src/lib/engine/store';

async function resolverWith(fetcher: (id: string) => Promise<number | undefined>): Promise<{ resolver: ReferenceResolver; asked: string[] }> {
	const store = await openStore({ name: `resolver-${Math.random()}`, indexedDB: new IDBFactory() });
	const context = { store, run: { id: 'run-1', migrationId: 'migration-1' } } as unknown as RunContext;
	const resolver = new ReferenceResolver(context);
	const asked: string[] = [];
	resolver.register('users', (id) => {
		asked.push(id);
		return fetcher(id);
	});
	return { resolver, asked };
}

describe('ReferenceResolver', () => {
	it('asks the source once for a user that cannot be had, however many tickets name it', async () => {
		const { resolver, asked } = await resolverWith(async () => undefined);
		for (let ticket = 0; ticket < 5; ticket += 1) expect(await resolver.ensure('users', '77')).toBeUndefined();
		expect(asked).toEqual(['77']);
	});

	it('asks again after a failed read, which is not an answer', async () => {
		let calls = 0;
		const { resolver, asked } = await resolverWith(async () => {
			calls += 1;
			if (calls === 1) throw new Error('network down');
			return 501;
		});
		await expect(resolver.ensure('users', '8')).rejects.toThrow('network down');
		expect(await resolver.ensure('users', '8')).toBe(501);
		expect(await resolver.ensure('users', '8')).toBe(501);
		expect(asked).toEqual(['8', '8']);
	});

	it('answers a user remembered later in the run even after it was missing', async () => {
		const { resolver } = await resolverWith(async () => undefined);
		expect(await resolver.ensure('users', '9')).toBeUndefined();
		resolver.remember('users', '9', 900);
		expect(await resolver.ensure('users', '9')).toBe(900);
	});
});
