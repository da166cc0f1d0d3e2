// The run's directory of source people, for names written into Kayako: asked of the source once, unknown stays unknown, bounded.
import { describe, expect, it } from 'vitest';
import type { RunContext } from '../../src/lib/engine/pipeline/context';
import { PeopleDirectory } from '../../src/lib/engine/pipeline/people';
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
	const context = { source, control: { signal: new AbortController().signal } } as unknown as RunContext;
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
});
