// The Zendesk source finding organizations by the first letters of their name (Autocomplete Organizations), against the sandbox.
import { describe, expect, it } from 'vitest';
import { createZendeskSource } from '../../src/lib/engine/connectors/zendesk/connector';
import { SHOWN_MATCHES } from '../../src/lib/engine/connectors/zendesk/organization-search';
import { MigrationError } from '../../src/lib/engine/errors';
import { HttpClient } from '../../src/lib/engine/http';
import { generateOrganization } from '../../server/sandbox/zendesk/generator/people';
import { getJson, useSandbox } from './zendesk-sandbox-fixtures';
import { ADMIN, openSource } from './zendesk-source-fixtures';

// 12,000 tickets give the account its most organizations (300): more share a first letter than one page shows.
const { sandbox, url } = useSandbox({ tickets: 12_000 });

function organizations() {
	const plan = sandbox().plan;
	return Array.from({ length: plan.organizations }, (_, index) => generateOrganization(plan, index));
}

/** The organizations whose name starts with these letters, in the order Zendesk lists them (by id). */
const startingWith = (letters: string) => organizations().filter((organization) => organization.name.toLowerCase().startsWith(letters.toLowerCase()));

function commonestFirstLetter(): string {
	const counts = new Map<string, number>();
	for (const { name } of organizations()) counts.set(name[0]!, (counts.get(name[0]!) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

describe('finding Zendesk organizations by name', () => {
	it('answers the organizations whose name starts with what was typed, as ids and names', async () => {
		sandbox().reset();
		const { source } = openSource(sandbox());
		const one = organizations()[7]!;
		const typed = one.name.slice(0, 4).toLowerCase();
		const found = await source.searchOrganizations(`  ${typed}`);
		expect(found.organizations).toEqual(startingWith(typed).map((organization) => ({ id: String(organization.id), name: organization.name })));
		expect(found.organizations).toContainEqual({ id: String(one.id), name: one.name });
		expect(found.total).toBe(found.organizations.length);
	});

	it('shows the first page of a long list and says how many there are in all', async () => {
		sandbox().reset();
		const { source } = openSource(sandbox());
		const letter = commonestFirstLetter();
		const all = startingWith(letter);
		expect(all.length).toBeGreaterThan(SHOWN_MATCHES);
		const found = await source.searchOrganizations(letter);
		expect(found.organizations.map((organization) => organization.id)).toEqual(all.slice(0, SHOWN_MATCHES).map((organization) => String(organization.id)));
		expect(found.total).toBe(all.length);
	});

	it('finds nothing for nothing typed, without asking Zendesk', async () => {
		sandbox().reset();
		const { source } = openSource(sandbox());
		expect(await source.searchOrganizations('   ')).toEqual({ organizations: [], total: 0 });
		expect(sandbox().state().requests.byRoute['/api/v2/organizations/autocomplete']).toBeUndefined();
	});

	it("waits out autocomplete's own 429 with Retry-After and then answers", async () => {
		sandbox().reset();
		let refused = 0;
		for (let sent = 0; sent < 150 && refused === 0; sent += 1) if ((await getJson(`${url()}/api/v2/organizations/autocomplete.json?name=a`)).status === 429) refused += 1;
		expect(refused).toBe(1);
		const { source, waits } = openSource(sandbox());
		const letter = commonestFirstLetter();
		expect((await source.searchOrganizations(letter)).total).toBe(startingWith(letter).length);
		expect(waits.some((ms) => ms >= 1_000)).toBe(true);
		sandbox().reset();
	});
});

describe('an autocomplete answer that is not what Zendesk documents', () => {
	const answering = (body: unknown) => {
		const fetch: typeof globalThis.fetch = async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
		return createZendeskSource(new HttpClient({ fetch, maxRetries: 0 }), { subdomainUrl: 'acme' }, ADMIN);
	};

	it('is refused, naming the organization that came without a name', async () => {
		const search = answering({ organizations: [{ id: 35436, name: 'Important Customers' }, { id: 20057623 }], count: 2, next_page: null, previous_page: null }).searchOrganizations('imp');
		await expect(search).rejects.toBeInstanceOf(MigrationError);
		await expect(search).rejects.toMatchObject({ info: { kind: 'malformed-response', message: expect.stringContaining('organization 20057623 without a name') } });
	});

	it('is refused when the list itself is missing', async () => {
		await expect(answering({ count: 0 }).searchOrganizations('imp')).rejects.toMatchObject({ info: { kind: 'malformed-response', message: expect.stringContaining('"organizations"') } });
	});
});
