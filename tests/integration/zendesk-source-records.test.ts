// The Zendesk source against the sandbox: users with their groups, fields of every kind, organizations, teams, the Help Center and counts.
import { describe, expect, it } from 'vitest';
import { useSandbox } from './zendesk-sandbox-fixtures';
import { allPages, openSource } from './zendesk-source-fixtures';

const { sandbox } = useSandbox({ seed: 42, tickets: 120 });

describe('the Zendesk source reading people', () => {
	it('reads every user once, deleted ones as inactive, agents with their groups and user fields under field ids', async () => {
		sandbox().reset();
		const { source } = openSource(sandbox(), { exportPageSize: 20 });
		const pages = await allPages(source.users());
		const users = pages.flatMap((page) => page.records);
		const plan = sandbox().plan;
		expect(pages.length).toBeGreaterThan(2);
		expect(new Set(users.map((user) => user.id)).size).toBe(plan.agents + plan.endUsers);
		const admin = users.find((user) => user.emails[0] === 'admin@zendesk-sandbox.test');
		expect(admin).toMatchObject({ role: 'admin', active: true });
		expect(admin?.teamIds.length).toBeGreaterThan(0);
		expect(users.some((user) => user.role === 'customer' && !user.active)).toBe(true);
		expect(users.some((user) => user.suspended)).toBe(true);
		const fields = (await allPages(source.fields())).flatMap((page) => page.records).filter((field) => field.entity === 'user');
		const customer = users.find((user) => user.role === 'customer' && Object.keys(user.fields).length > 0);
		expect(Object.keys(customer?.fields ?? {}).every((id) => fields.some((field) => field.id === id))).toBe(true);
	});

	it('resumes the user export after a page from its checkpoint', async () => {
		sandbox().reset();
		const { source } = openSource(sandbox(), { exportPageSize: 20 });
		const pages = await allPages(source.users());
		const resumed = await allPages(source.users({ after: pages[0]?.checkpoint ?? null }));
		expect(resumed.flatMap((page) => page.records.map((user) => user.id))).toEqual(pages.slice(1).flatMap((page) => page.records.map((user) => user.id)));
	});

	it('adds secondary addresses from identities when asked to', async () => {
		const { source } = openSource(sandbox(), { readIdentities: true });
		const users = await Promise.all(Array.from({ length: 40 }, (_, index) => source.user(String(10_000_000 + sandbox().plan.agents + index))));
		expect(users.some((user) => (user?.emails.length ?? 0) > 1)).toBe(true);
		expect(await source.user('1')).toBeUndefined();
	});

	it('reads organizations with their fields, and only those changed since a time when given one', async () => {
		const { source } = openSource(sandbox());
		const organizations = (await allPages(source.organizations())).flatMap((page) => page.records);
		expect(organizations).toHaveLength(sandbox().plan.organizations);
		expect(Object.keys(organizations[0]?.fields ?? {}).length).toBeGreaterThan(0);
		const since = [...organizations.map((organization) => organization.updatedAt ?? '')].sort()[1] ?? '';
		const recent = (await allPages(source.organizations({ since }))).flatMap((page) => page.records);
		expect(recent.length).toBe(organizations.length - 1);
		expect((await source.organization(organizations[0]?.id ?? ''))?.name).toBe(organizations[0]?.name);
	});

	it('reads groups as teams, leaving the deleted group out', async () => {
		const { source } = openSource(sandbox());
		const teams = (await allPages(source.teams())).flatMap((page) => page.records);
		expect(teams.map((team) => team.name)).toEqual(['Support', 'Billing', 'Technical Support — Tier 2', 'Kundenservice DACH']);
	});
});

describe('the Zendesk source reading field definitions', () => {
	it('reads ticket, user and organization fields in one stream, system ticket fields marked', async () => {
		const { source } = openSource(sandbox());
		const pages = await allPages(source.fields());
		const fields = pages.flatMap((page) => page.records);
		expect(pages.at(-1)?.done).toBe(true);
		expect(pages.slice(0, -1).every((page) => !page.done)).toBe(true);
		expect(fields.filter((field) => field.entity === 'ticket' && field.system).map((field) => field.title)).toEqual(expect.arrayContaining(['Subject', 'Status', 'Priority']));
		expect(fields.find((field) => field.title === 'Product line')).toMatchObject({ type: 'dropdown', system: false, options: expect.arrayContaining([{ value: 'line_hardware', label: 'Hardware' }]) });
		expect(fields.find((field) => field.entity === 'user' && field.key === 'plan')?.type).toBe('dropdown');
		expect(fields.some((field) => field.entity === 'organization')).toBe(true);
		// The count is of custom fields: Zendesk's system ticket fields never move, so the select step does not count them.
		expect(await source.count('fields')).toBe(fields.filter((field) => !field.system).length);
		expect(fields.some((field) => field.system)).toBe(true);
	});

	it('resumes with the user fields when the ticket fields were done', async () => {
		const { source } = openSource(sandbox());
		const pages = await allPages(source.fields());
		const afterTicketFields = pages.find((page) => page.records.some((field) => field.entity === 'ticket'));
		const resumed = (await allPages(source.fields({ after: afterTicketFields?.checkpoint ?? null }))).flatMap((page) => page.records);
		expect(resumed.length).toBeGreaterThan(0);
		expect(resumed.every((field) => field.entity !== 'ticket')).toBe(true);
	});
});

describe('the Zendesk source reading the Help Center', () => {
	it('reads categories, sections under them, and articles with their attachments', async () => {
		const { source } = openSource(sandbox());
		const categories = (await allPages(source.kbCategories())).flatMap((page) => page.records);
		const sections = (await allPages(source.kbSections())).flatMap((page) => page.records);
		const articles = (await allPages(source.articles())).flatMap((page) => page.records);
		expect(categories.length).toBe(3);
		expect(sections.every((section) => categories.some((category) => category.id === section.categoryId))).toBe(true);
		expect(articles.length).toBe(sandbox().plan.articles);
		expect(articles.every((article) => sections.some((section) => section.id === article.sectionId))).toBe(true);
		const illustrated = articles.find((article) => article.attachments.some((attachment) => attachment.inline));
		expect(illustrated?.html).toContain(illustrated?.attachments.find((attachment) => attachment.inline)?.url);
		expect(articles.some((article) => article.draft)).toBe(true);
		expect(await source.count('articles')).toBe(articles.length);
	});
});

describe('the Zendesk source counting', () => {
	it('tells how many tickets, users, organizations and teams the account has', async () => {
		const { source } = openSource(sandbox());
		const plan = sandbox().plan;
		expect(await source.count('tickets')).toBeGreaterThan(100);
		expect(await source.count('organizations')).toBe(plan.organizations);
		expect(await source.count('teams')).toBe(plan.groups - 1);
		expect(await source.count('users')).toBeGreaterThan(plan.agents);
	});

	it('links records to their pages in Zendesk', () => {
		const { source } = openSource(sandbox());
		expect(source.link('tickets', '7')).toBe(`${sandbox().url}/agent/tickets/7`);
		expect(source.link('articles', '62000000')).toBe(`${sandbox().url}/hc/articles/62000000`);
	});
});
