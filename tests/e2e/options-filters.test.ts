// The options step in a real browser: choices saved and back after a reload, unusable input explained, and groups, agents, an organisation and a custom field value picked by name for a demo that moves only what they let through.
import { expect, test, type Locator } from '@playwright/test';
import { ZENDESK_SANDBOX_CREDENTIALS as ZENDESK } from '../../server/sandbox/zendesk/credentials';
import { expectAccessible } from './a11y';
import { expectNoEnglish, switchLanguage } from './german';
import { E2E_PORTS } from './ports';
import { connectBoth, goToStep, newMigration, sandboxKayako } from './sandboxes';

test('options and filters are saved, and a date range that ends before it starts is refused with a message', async ({ page }) => {
	await newMigration(page, 'Options step');
	const optionsUrl = page.url().replace(/\/connect$/, '/options');
	await page.goto(optionsUrl);
	await expect(page.getByRole('heading', { name: 'Options and filters' })).toBeVisible();

	await page.getByLabel('Tag for migrated tickets').fill('zendesk-import');
	await page.getByLabel('Put the old ticket number in the subject').check();
	await page.getByLabel('Move them to the attachments of the reply').check();
	await page.getByLabel('Ticket history as private notes').check();
	await page.getByLabel('Recent tickets first (days)').fill('30');
	await page.getByLabel('Created on or after').fill('2024-01-01');
	await page.getByLabel('Created on or before').fill('2024-12-31');
	await page.getByLabel('Tags', { exact: true }).fill('vip, billing');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Saved.');

	await page.reload();
	await expect(page.getByLabel('Tag for migrated tickets')).toHaveValue('zendesk-import');
	await expect(page.getByLabel('Put the old ticket number in the subject')).toBeChecked();
	await expect(page.getByLabel('Move them to the attachments of the reply')).toBeChecked();
	await expect(page.getByLabel('Ticket history as private notes')).toBeChecked();
	await expect(page.getByLabel('Leave attachments behind')).not.toBeChecked();
	await expect(page.getByLabel('Recent tickets first (days)')).toHaveValue('30');
	await expect(page.getByLabel('Created on or after')).toHaveValue('2024-01-01');
	await expect(page.getByLabel('Tags', { exact: true })).toHaveValue('vip, billing');
	// Nothing is logged in here, so the pickers cannot read names: the page says why, and the other options still save.
	await expect(page.getByTestId('credentials-needed')).toBeVisible();

	// The end before the start: a message at the field, the focus on it, and nothing saved.
	await page.getByLabel('Created on or before').fill('2023-06-30');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	const endDate = page.getByLabel('Created on or before');
	await expect(endDate).toHaveAttribute('aria-invalid', 'true');
	await expect(endDate).toBeFocused();
	await expect(page.locator('#created-to-problem')).toHaveText(/This date is before the start date\./);
	await expect(page.getByRole('status')).toHaveCount(0);

	// A word where a number of days belongs is refused too, and "Save and go on" stays on the page.
	await page.getByLabel('Created on or before').fill('2024-12-31');
	await page.getByLabel('Recent tickets first (days)').fill('a month');
	await page.getByRole('button', { name: 'Save and go on to the demo' }).click();
	await expect(page.locator('#recent-days-problem')).toHaveText(/Type a whole number of days/);
	await expect(page).toHaveURL(/\/options$/);

	await page.reload();
	await expect(page.getByLabel('Created on or before')).toHaveValue('2024-12-31');
	await expect(page.getByLabel('Recent tickets first (days)')).toHaveValue('30');

	await page.getByRole('button', { name: 'Save and go on to the demo' }).click();
	await expect(page).toHaveURL(/\/run$/);
});

const ZENDESK_URL = `http://127.0.0.1:${E2E_PORTS.zendesk}`;
const AUTHORIZATION = `Basic ${Buffer.from(`${ZENDESK.email}/token:${ZENDESK.apiToken}`).toString('base64')}`;

/** What the sandbox Zendesk answers an administrator's API token. */
async function zendesk<T>(path: string): Promise<T> {
	const response = await fetch(path.startsWith('http') ? path : `${ZENDESK_URL}${path}`, { headers: { authorization: AUTHORIZATION } });
	expect(response.ok, `GET ${path}`).toBe(true);
	return (await response.json()) as T;
}

interface SourceTicket {
	id: number;
	status: string;
	group_id: number | null;
	assignee_id: number | null;
	organization_id: number | null;
	custom_fields: { id: number; value: unknown }[];
}

/** Every ticket a migration reads: the export with AI-agent tickets, without the deleted ones. */
async function sourceTickets(): Promise<SourceTicket[]> {
	const tickets: SourceTicket[] = [];
	let next: string | null = '/api/v2/incremental/tickets/cursor.json?start_time=0&per_page=1000&support_type_scope=all';
	while (next) {
		const page: { tickets: SourceTicket[]; after_url: string | null; end_of_stream: boolean } = await zendesk(next);
		tickets.push(...page.tickets);
		next = page.end_of_stream ? null : page.after_url;
	}
	return tickets.filter((ticket) => ticket.status !== 'deleted');
}

/** One value of a drop-down or multi-select field, as the page shows it (titles and labels) and as tickets store it (the tag). */
interface FieldValueChoice {
	fieldId: number;
	title: string;
	tag: string;
	label: string;
}

interface Filter {
	groups: number[];
	agents: number[];
	organization: number;
	field: FieldValueChoice;
	/** The tickets that pass all four. */
	passing: number[];
}

interface ZendeskTicketField {
	id: number;
	type: string;
	title: string;
	removable: boolean;
	custom_field_options?: { name: string; value: string }[];
}

/** Every choice of the source's custom drop-downs and multi-selects. */
async function fieldValueChoices(): Promise<FieldValueChoice[]> {
	const fields = (await zendesk<{ ticket_fields: ZendeskTicketField[] }>('/api/v2/ticket_fields.json')).ticket_fields;
	return fields
		.filter((field) => field.removable && (field.type === 'tagger' || field.type === 'multiselect'))
		.flatMap((field) => (field.custom_field_options ?? []).map((option) => ({ fieldId: field.id, title: field.title, tag: option.value, label: option.name })));
}

const holds = (ticket: SourceTicket, field: FieldValueChoice) => {
	const stored = ticket.custom_fields.find((each) => each.id === field.fieldId)?.value;
	return Array.isArray(stored) ? stored.includes(field.tag) : stored === field.tag;
};

const pairsAndOnes = (values: number[]) => [...values.flatMap((a, index) => values.slice(index + 1).map((b) => [a, b])), ...values.map((one) => [one])];

type FilterPart = 'groups' | 'agents' | 'organization' | 'field';

/**
 * Two groups, two agents, one organisation and one custom field value (as few as the data allows) that let 1 to 20
 * tickets through, so a demo of 20 moves every one of them, where each of the four turns away a ticket the other
 * three would let through.
 */
function chooseFilter(tickets: SourceTicket[], liveGroups: number[], liveAgents: number[], fieldValues: FieldValueChoice[]): Filter {
	const passes = (ticket: SourceTicket, filter: Omit<Filter, 'passing'>, skip?: FilterPart) =>
		(skip === 'groups' || filter.groups.includes(ticket.group_id ?? -1)) &&
		(skip === 'agents' || filter.agents.includes(ticket.assignee_id ?? -1)) &&
		(skip === 'organization' || ticket.organization_id === filter.organization) &&
		(skip === 'field' || holds(ticket, filter.field));
	const organizations = [...new Set(tickets.map((ticket) => ticket.organization_id).filter((id): id is number => id !== null))];
	const fits: Filter[] = [];
	for (const organization of organizations) {
		const ofOrganization = tickets.filter((ticket) => ticket.organization_id === organization);
		for (const groups of pairsAndOnes(liveGroups)) {
			for (const agents of pairsAndOnes(liveAgents)) {
				for (const field of fieldValues) {
					const filter = { groups, agents, organization, field };
					const passing = ofOrganization.filter((ticket) => passes(ticket, filter)).map((ticket) => ticket.id);
					if (passing.length < 1 || passing.length > 20) continue;
					const bites = (['groups', 'agents', 'organization', 'field'] as const).every((skip) => tickets.some((ticket) => passes(ticket, filter, skip) && !passes(ticket, filter)));
					if (bites) fits.push({ ...filter, passing });
				}
			}
		}
	}
	fits.sort((a, b) => b.groups.length + b.agents.length - (a.groups.length + a.agents.length) || b.passing.length - a.passing.length);
	const chosen = fits[0];
	if (!chosen) throw new Error('The sandbox data offers no filter of groups, agents, an organisation and a field value that lets 1 to 20 tickets through.');
	return chosen;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A checkbox whose label starts with this name, and then the e-mail when one is given (agents may share a name). */
const checkboxNamed = (scope: Locator, name: string, email?: string) => scope.getByRole('checkbox', { name: new RegExp(`^${escaped(name)}${email ? `\\s+${escaped(email)}` : '(\\s|$)'}`) });

test('groups, agents, an organisation and a custom field value picked by name are saved as source ids, show by name again, and the demo moves only the tickets they let through', async ({ page }) => {
	test.setTimeout(360_000);
	await sandboxKayako.reset();
	const liveGroups = (await zendesk<{ groups: { id: number; name: string; deleted: boolean }[] }>('/api/v2/groups.json')).groups.filter((group) => !group.deleted);
	const agents = (await zendesk<{ users: { id: number; name: string; email: string; active: boolean }[] }>('/api/v2/users.json?role[]=agent&role[]=admin')).users;
	const filter = chooseFilter(
		await sourceTickets(),
		liveGroups.map((group) => group.id),
		agents.map((agent) => agent.id),
		await fieldValueChoices()
	);
	const groupNames = filter.groups.map((id) => liveGroups.find((group) => group.id === id)!.name);
	const chosenAgents = filter.agents.map((id) => agents.find((agent) => agent.id === id)!);
	const organization = (await zendesk<{ organization: { name: string } }>(`/api/v2/organizations/${filter.organization}.json`)).organization.name;

	await newMigration(page, 'Filters by name');
	await connectBoth(page);
	await goToStep(page, /Options/);
	await expect(page.getByRole('heading', { name: 'Options and filters' })).toBeVisible();

	// Groups: the first by keyboard alone (type in the filter box, Tab to the one box left, Space), the second by pointer.
	const groupsPicker = page.getByRole('group', { name: 'Groups', exact: true });
	await groupsPicker.getByLabel('Find a group by name').fill(groupNames[0]!);
	await page.keyboard.press('Tab');
	await expect(checkboxNamed(groupsPicker, groupNames[0]!)).toBeFocused();
	await page.keyboard.press('Space');
	await expect(checkboxNamed(groupsPicker, groupNames[0]!)).toBeChecked();
	for (const name of groupNames.slice(1)) {
		await groupsPicker.getByLabel('Find a group by name').fill(name);
		await checkboxNamed(groupsPicker, name).check();
	}
	await expect(groupsPicker).toContainText(`${groupNames.length} chosen`);

	const agentsPicker = page.getByRole('group', { name: 'Assigned agents' });
	for (const agent of chosenAgents) {
		await agentsPicker.getByLabel('Find an agent by name or e-mail').fill(agent.name);
		await checkboxNamed(agentsPicker, agent.name, agent.email).check();
	}

	// Organisations: a search by the first letters; Enter searches at once and does not save the form.
	const organizationsPicker = page.getByRole('group', { name: 'Organisations' });
	await organizationsPicker.getByLabel('Search organisations by name').fill(organization.slice(0, 4));
	await page.keyboard.press('Enter');
	const found = organizationsPicker.getByRole('list', { name: 'Organisations found' });
	await expect(found.getByRole('checkbox', { name: organization, exact: true })).toBeVisible();
	await expect(page.getByRole('status')).toHaveCount(0);
	await found.getByRole('checkbox', { name: organization, exact: true }).check();
	await expect(organizationsPicker.getByRole('list', { name: 'Chosen organisations' }).getByRole('checkbox', { name: organization, exact: true })).toBeChecked();

	// The custom field by its title, its value by the label a support lead knows (the tickets store a tag).
	const fieldFilter = page.getByRole('group', { name: 'Custom field' });
	await fieldFilter.getByLabel('Field', { exact: true }).selectOption({ label: filter.field.title });
	await fieldFilter.getByLabel('Value', { exact: true }).selectOption({ label: filter.field.label });

	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Saved.');

	// Opened again, every choice shows by its name.
	await goToStep(page, /Demo/);
	await expect(page.getByRole('heading', { name: 'Run the migration' })).toBeVisible();
	await goToStep(page, /Options/);
	for (const name of groupNames) await expect(checkboxNamed(page.getByRole('group', { name: 'Groups', exact: true }), name)).toBeChecked();
	for (const agent of chosenAgents) await expect(checkboxNamed(page.getByRole('group', { name: 'Assigned agents' }), agent.name, agent.email)).toBeChecked();
	const chosenOrganizations = page.getByRole('list', { name: 'Chosen organisations' });
	await expect(chosenOrganizations.getByRole('checkbox')).toHaveCount(1);
	await expect(chosenOrganizations.getByRole('checkbox', { name: organization, exact: true })).toBeChecked();
	const reopenedField = page.getByRole('group', { name: 'Custom field' });
	await expect(reopenedField.getByLabel('Field', { exact: true })).toHaveValue(String(filter.field.fieldId));
	await expect(reopenedField.getByLabel('Field', { exact: true }).locator('option:checked')).toHaveText(filter.field.title);
	await expect(reopenedField.getByLabel('Value', { exact: true }).locator('option:checked')).toHaveText(filter.field.label);

	// Readable by a screen reader and in German, with a search answered on the page.
	await page.getByLabel('Search organisations by name').fill(organization.slice(0, 2));
	await expect(page.getByRole('list', { name: 'Organisations found' })).toBeVisible();
	await expectAccessible(page, 'the options step with filters chosen by name');
	await switchLanguage(page, 'de');
	await expect(page.getByRole('list', { name: 'Gefundene Organisationen' })).toBeVisible();
	await expectNoEnglish(page, 'options step with filters chosen by name');
	await expectAccessible(page, 'the German options step with filters chosen by name');
	await switchLanguage(page, 'en');

	// The demo moves every ticket the filter lets through (20 at most) and nothing else.
	await page.getByRole('button', { name: 'Save and go on to the demo' }).click();
	await expect(page).toHaveURL(/\/run$/);
	await page.getByRole('button', { name: 'Run the demo (20 tickets)' }).click();
	await expect(page.getByRole('button', { name: 'Run the demo again' })).toBeVisible({ timeout: 240_000 });
	const received = (await sandboxKayako.state()).cases.filter((kase) => kase.state === 'ACTIVE' && kase.legacy_id).map((kase) => kase.legacy_id);
	expect(received.sort()).toEqual(filter.passing.map(String).sort());
});
