// The Zendesk sandbox's Autocomplete Organizations: names that start with what was typed, offset pages only, agents only.
import { describe, expect, it } from 'vitest';
import { generateOrganization } from '../../server/sandbox/zendesk/generator/people';
import { AGENT_TOKEN, basic, CREDENTIALS, getJson, useSandbox } from './zendesk-sandbox-fixtures';

// 2000 tickets give the account 50 organizations: enough for several to share a first letter.
const { sandbox, url } = useSandbox({ tickets: 2_000 });

interface AutocompleteAnswer {
	organizations: { id: number; name: string; url: string }[];
	count: number;
	next_page: string | null;
	previous_page: string | null;
}

const autocomplete = (query: string, authorization?: string) => getJson<AutocompleteAnswer>(`${url()}/api/v2/organizations/autocomplete.json?${query}`, authorization);

/** The account's organizations as the sandbox generates them, in id order. */
function organizations() {
	const plan = sandbox().plan;
	return Array.from({ length: plan.organizations }, (_, index) => generateOrganization(plan, index));
}

/** The first letter most names share, so a search finds several. */
function commonFirstLetter(): string {
	const counts = new Map<string, number>();
	for (const organization of organizations()) counts.set(organization.name[0]!, (counts.get(organization.name[0]!) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

describe('Autocomplete Organizations in the Zendesk sandbox', () => {
	it('answers the organizations whose name starts with the letters given, whatever their case, in id order', async () => {
		const letter = commonFirstLetter();
		const expected = organizations().filter((organization) => organization.name.toLowerCase().startsWith(letter.toLowerCase()));
		expect(expected.length).toBeGreaterThan(1);
		const answer = await autocomplete(`name=${encodeURIComponent(letter.toLowerCase())}`);
		expect(answer.status).toBe(200);
		expect(answer.json.organizations.map((organization) => organization.id)).toEqual(expected.map((organization) => organization.id));
		expect(answer.json.count).toBe(expected.length);
		expect(answer.json.organizations[0]?.url).toBe(`${url()}/api/v2/organizations/${expected[0]?.id}.json`);

		const whole = expected[0]!.name;
		expect((await autocomplete(`name=${encodeURIComponent(whole)}`)).json.organizations.map((organization) => organization.name)).toEqual([whole]);
		expect((await autocomplete('name=zzzz-nobody')).json).toMatchObject({ organizations: [], count: 0, next_page: null });
	});

	it('pages by offset only: per_page and page, next_page links, and cursor parameters left unheeded', async () => {
		const letter = commonFirstLetter();
		const all = (await autocomplete(`name=${encodeURIComponent(letter)}`)).json.organizations;
		const first = await autocomplete(`name=${encodeURIComponent(letter)}&per_page=1`);
		expect(first.json.organizations).toEqual(all.slice(0, 1));
		expect(first.json.count).toBe(all.length);
		expect(first.json.previous_page).toBeNull();
		expect(first.json.next_page).toBe(`${url()}/api/v2/organizations/autocomplete.json?name=${encodeURIComponent(letter)}&per_page=1&page=2`);
		const second = await getJson<AutocompleteAnswer>(first.json.next_page!);
		expect(second.json.organizations).toEqual(all.slice(1, 2));
		expect(second.json.previous_page).toContain('page=1');

		const cursor = await autocomplete(`name=${encodeURIComponent(letter)}&page[size]=1`);
		expect(cursor.status).toBe(200);
		expect(cursor.json).not.toHaveProperty('meta');
		expect(cursor.json.organizations).toEqual(all);
	});

	it('lets agents search but not end users, and asks for credentials', async () => {
		expect((await autocomplete('name=a', AGENT_TOKEN)).status).toBe(200);
		const endUser = sandbox().plan.agents + 1;
		const endUserEmail = (await getJson<{ user: { email: string } }>(`${url()}/api/v2/users/${10_000_000 + endUser}.json`)).json.user.email;
		expect((await autocomplete('name=a', basic(`${endUserEmail}/token`, CREDENTIALS.apiToken))).status).toBe(403);
		expect((await autocomplete('name=a', '')).status).toBe(401);
	});
});
