// The run's directory of source people, for names written into Kayako: asked of the source once, unknown stays unknown, bounded;
// one memory with the report's labels, and a prepared ticket keeps the names it needs.
import { describe, expect, it } from 'vitest';
import type { RunContext } from '../../src/lib/engine/pipeline/context';
import { PeopleDirectory } from '../../src/lib/engine/pipeline/people';
import { HeldReferences } from '../../src/lib/engine/pipeline/references';
import { noteSeen, seenOf } from '../../src/lib/engine/reports/labels';
import type { User } from '../../src/lib/engine/model';

function user(id: string, name: string, email?: string): User {
	return { id, name, emails: email ? [email] : [], role: 'agent', active: false, suspended: false, teamIds: [], tags: [], fields: {} } as unknown as User;
}

function directory(users: User[]) {
	const asked: string[] = [];
	const source = {
		user: async (id: string) => {
			asked.push(id);
			return users.find((each) => each.id === id);
		}
	};
	// Each directory its own run: what a run remembers is kept per run id.
	const context = { source, control: { signal: new AbortController().signal }, run: { id: `run-${Math.random()}` } } as unknown as RunContext;
	return { people: new PeopleDirectory(context), asked };
}

describe('the people directory', () => {
	it('asks the source once per person, and knows who the run met already without asking', async () => {
		const { people, asked } = directory([user('7', 'Sam Agent', 'sam@example.com')]);
		people.remember(user('8', 'Kim Kunde', 'kim@example.com'));
		await people.learn(['7', '7', '8', undefined, '99']);
		await people.learn(['7', '99']);
		expect(asked).toEqual(['7', '99']);
		expect(people.person('7')).toEqual({ name: 'Sam Agent', email: 'sam@example.com' });
		expect(people.person('8')).toEqual({ name: 'Kim Kunde', email: 'kim@example.com' });
		expect(people.person('99')).toBeUndefined();
	});

	it('forgets the least recently used past five thousand, and asks again for them', async () => {
		const { people, asked } = directory([user('1', 'First')]);
		await people.learn(['1']);
		for (let index = 0; index < 5_000; index++) people.remember(user(`u${index}`, `User ${index}`));
		expect(people.person('1')).toBeUndefined();
		expect(people.person('u4999')).toEqual({ name: 'User 4999' });
		await people.learn(['1']);
		expect(asked).toEqual(['1', '1']);
		expect(people.person('1')).toEqual({ name: 'First' });
	});

	it('is the same memory as the report labels: a user the run read is named in both, without asking the source', async () => {
		const { people, asked } = directory([]);
		const run = (people as unknown as { context: RunContext }).context.run.id;
		noteSeen(run, 'users', '5', user('5', 'Lee Lead', 'lee@example.com'));
		await people.learn(['5']);
		expect(asked).toEqual([]);
		expect(people.person('5')).toEqual({ name: 'Lee Lead', email: 'lee@example.com' });
		people.remember(user('6', 'Ada Admin', 'ada@example.com'));
		expect(seenOf(run, 'users', '6')).toEqual({ label: 'Ada Admin <ada@example.com>' });
	});

	it('keeps the names a prepared ticket needs after the directory forgot them', async () => {
		const { people } = directory([user('1', 'First', 'first@example.com')]);
		const held = new HeldReferences();
		await people.learn(['1'], held);
		for (let index = 0; index < 5_000; index++) people.remember(user(`u${index}`, `User ${index}`));
		expect(people.person('1')).toBeUndefined();
		expect(held.people.get('1')).toEqual({ name: 'First', email: 'first@example.com' });
	});
});
