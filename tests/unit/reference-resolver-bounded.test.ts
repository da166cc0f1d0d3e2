// The reference resolver holds a bounded number of references, however many users an account has, and a ticket
// being prepared keeps the ids and names it resolved until it is sent, whatever the resolver forgets meanwhile.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { RunContext } from '../../src/lib/engine/pipeline/context';
import { HeldReferences, ReferenceResolver } from '../../src/lib/engine/pipeline/references';
import { openStore } from '../../src/lib/engine/store';

async function resolverWith(kept: number, made: (id: string) => number | undefined) {
	const store = await openStore({ name: `resolver-bounded-${Math.random()}`, indexedDB: new IDBFactory() });
	const context = { store, run: { id: 'run-1', migrationId: 'migration-1' } } as unknown as RunContext;
	const resolver = new ReferenceResolver(context, kept);
	const fetched: string[] = [];
	resolver.register('users', async (id) => {
		fetched.push(id);
		const kayakoId = made(id);
		// What migrating the user does: its id-map row says where it went.
		if (kayakoId !== undefined) await store.markMigrated('run-1', [{ migrationId: 'migration-1', entity: 'users', sourceId: id, kayakoId }]);
		return kayakoId;
	});
	return { resolver, fetched };
}

const users = (count: number) => Array.from({ length: count }, (_, index) => String(index + 1));

describe('the reference resolver at scale', () => {
	it('forgets the least recently used past its bound, and finds a forgotten user in the id map without migrating it again', async () => {
		const { resolver, fetched } = await resolverWith(3, (id) => 1000 + Number(id));
		for (const id of users(10)) await resolver.ensure('users', id);
		const view = resolver.references();
		expect(users(10).filter((id) => view.kayakoId('users', id) !== undefined)).toEqual(['8', '9', '10']);
		expect(await resolver.ensure('users', '1')).toBe(1001);
		expect(fetched).toEqual(users(10));
	});

	it('keeps a user used again longer than one used once', async () => {
		const { resolver } = await resolverWith(3, (id) => 1000 + Number(id));
		for (const id of ['1', '2', '3', '1', '4']) await resolver.ensure('users', id);
		const view = resolver.references();
		expect(['1', '2', '3', '4'].filter((id) => view.kayakoId('users', id) !== undefined)).toEqual(['1', '3', '4']);
	});

	it('bounds what it remembers of users it could not have as well', async () => {
		const { resolver, fetched } = await resolverWith(3, () => undefined);
		for (const id of users(10)) expect(await resolver.ensure('users', id)).toBeUndefined();
		// The last three are still known as missing; the first was forgotten and is asked for again.
		await resolver.ensure('users', '10');
		await resolver.ensure('users', '1');
		expect(fetched).toEqual([...users(10), '1']);
	});

	it("gives the writer a prepared ticket's references after the resolver has forgotten them", async () => {
		const { resolver } = await resolverWith(3, (id) => 1000 + Number(id));
		const held = new HeldReferences();
		await resolver.ensure('users', '1', held);
		// Other tickets are prepared before this one is sent.
		for (const id of users(10).slice(1)) await resolver.ensure('users', id);
		expect(resolver.references().kayakoId('users', '1')).toBeUndefined();
		expect(resolver.references(undefined, [held]).kayakoId('users', '1')).toBe(1001);
		expect(resolver.references(undefined, [held]).kayakoId('users', '10')).toBe(1010);
	});
});
